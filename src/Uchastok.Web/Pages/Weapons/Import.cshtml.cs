using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Weapons;

namespace Uchastok.Web.Pages.Weapons;

/// <summary>The CSV import of holders: the same command as the API; the report lists every refused row with its number and reason.</summary>
[RequestSizeLimit(ImportModel.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxFileBytes)]
public sealed class ImportModel(ImportWeaponHoldersCommand import, IStringLocalizer<SharedResource> localizer) : WeaponsPageModel
{
    /// <summary>The largest file the page takes; the benchmark's 100,000 rows are about 20 MB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public HolderImportReport? Report { get; private set; }

    public IActionResult OnGet() => Reads ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        if (file is null || file.Length == 0)
        {
            Errors.Add("file", localizer["Weapons.Import.NoFile"]);
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Report = await import.ExecuteAsync(stream, file.FileName, User, cancellationToken);
        if (Report.FileProblem is { } problem) Errors.Add("file", problem);
        return Page();
    }
}

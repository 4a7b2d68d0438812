using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Pages.Territory;

/// <summary>Administrators replace beats from a GeoJSON file and download them back.</summary>
[RequestSizeLimit(ImportModel.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxFileBytes)]
public sealed class ImportModel(ImportBeatsCommand import, TerritoryQueries queries, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>A city's beats with detailed outlines run to a few megabytes; anything far larger is not a beat file.</summary>
    internal const long MaxFileBytes = 50 * 1024 * 1024;

    public IReadOnlyList<DistrictSummary> Districts { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Districts = await queries.ListDistrictsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add(localizer["Import.NoFile"]);
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var outcome = await import.ExecuteAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken);
            if (outcome.Succeeded) Done = localizer["Import.Done", outcome.Created, outcome.Updated, outcome.Deactivated];
            else Errors.AddRange(outcome.Errors.Select(e => ImportMessages.Describe(localizer, e)));
        }
        Districts = await queries.ListDistrictsAsync(cancellationToken);
        return Page();
    }
}

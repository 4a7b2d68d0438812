using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Pages.Territory;

/// <summary>Import of recorded incidents (police.uk files or named columns), with the report of every refused row; the same command as the API.</summary>
public sealed class IncidentsModel(ImportIncidentsCommand command, UchastokDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IncidentImportReport? Report { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<IncidentImport> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? format, string? longitude, string? latitude, string? type, string? date, string? id, string? dateFormat, string? time, CancellationToken cancellationToken)
    {
        var columns = BeatDesignModule.Columns(format, longitude, latitude, type, date, id, dateFormat, time);
        if (columns is null) Problem = localizer["Incidents.FormatUnknown"];
        else if (file is null || file.Length == 0) Problem = localizer["Incidents.FileRequired"];
        else
        {
            await using var stream = file.OpenReadStream();
            Report = await command.ExecuteAsync(stream, file.FileName, columns, format!.ToLowerInvariant(), User, cancellationToken);
            if (Report.FileProblem is { } problem)
            {
                Problem = localizer[BeatDesignModule.FileProblemKey(problem), BeatDesignModule.FileProblemDetail(problem)];
                Report = null;
            }
        }
        if (Problem is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Imports = await db.IncidentImports.AsNoTracking().OrderByDescending(i => i.Id).Take(20).ToListAsync(cancellationToken);
}

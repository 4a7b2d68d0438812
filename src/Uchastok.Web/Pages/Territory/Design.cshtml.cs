using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Territory;

/// <summary>Beat design for a district: start the optimiser, the recent runs, the history of the beats. The same commands as the API.</summary>
public sealed class DesignModel(StartDesignRunCommand start, DesignQueries queries, UchastokDbContext db, TerritoryText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int District { get; set; }
    public string DistrictName { get; private set; } = string.Empty;
    public int CurrentBeats { get; private set; }
    public int SmallAreas { get; private set; }
    public IReadOnlyList<DesignRunView> Runs { get; private set; } = [];
    public IReadOnlyList<BeatVersionView> Versions { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int? beats, int? seed, bool minimalChange, bool keepReceptionPoints, int? timeLimitSeconds, CancellationToken cancellationToken)
    {
        var result = await start.ExecuteAsync(User, District, new DesignRunInput(beats, seed, minimalChange, keepReceptionPoints, timeLimitSeconds), cancellationToken);
        if (result.Outcome == DesignOutcome.Done) return Redirect($"/territory/design/run?id={result.Id}");
        if (result.Outcome is DesignOutcome.NotFound) return NotFound();
        if (result.Outcome is DesignOutcome.Forbidden) return Forbid();
        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == District, cancellationToken);
        if (district is null) return NotFound();
        if (!ScopeClaims.ManagesDistrict(User, District)) return Forbid();
        DistrictName = text.DistrictName(district);
        CurrentBeats = await db.Beats.CountAsync(b => b.DistrictId == District && b.IsActive, cancellationToken);
        SmallAreas = await db.SmallAreas.CountAsync(a => a.DistrictId == District, cancellationToken);
        Runs = await queries.RunsAsync(User, District, cancellationToken) ?? [];
        Versions = await queries.VersionsAsync(User, District, cancellationToken) ?? [];
        return null;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Pages.Territory;

/// <summary>A district's workload beat by beat, each component apart, on a table and a map coloured by load; the same query as the API.</summary>
public sealed class WorkloadModel(WorkloadQuery query, UchastokDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int District { get; set; }
    public DistrictWorkload Workload { get; private set; } = null!;
    /// <summary>The beats as GeoJSON, each with its load over the mean, for the map.</summary>
    public string BeatsGeoJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await query.ForDistrictAsync(User, District, cancellationToken) is not { } workload)
            return await db.Districts.AnyAsync(d => d.Id == District, cancellationToken) ? Forbid() : NotFound();
        Workload = workload;
        var ratio = workload.Beats.ToDictionary(b => b.BeatId, b => b.LoadOverMean);
        var outlines = await db.Beats.AsNoTracking().Where(b => b.DistrictId == District && b.IsActive).Select(b => new { b.Id, b.Code, b.BoundaryGeoJson }).ToListAsync(cancellationToken);
        BeatsGeoJson = BeatFeatures.Collection(outlines.Select(b => (b.Code, ratio.GetValueOrDefault(b.Id), b.BoundaryGeoJson)));
        return Page();
    }
}

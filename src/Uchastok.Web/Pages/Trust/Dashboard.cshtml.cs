using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Trust;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Pages.Trust;

/// <summary>The supervisor's view of a district (C8): each beat's trust, ratings and on-time answers on a table and a map, the trend, and the free text one click away.</summary>
public sealed class DashboardModel(TrustQuery query, UchastokDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public TrustReport Report { get; private set; } = null!;
    public AreaTrust DistrictRow { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];
    public IReadOnlyList<string> Quarters { get; private set; } = [];
    public string BeatsGeoJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(Quarter, clock) is not { } quarter) return BadRequest();
        var all = await db.Districts.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.NameKk, d.NameRu, d.NameEn }).ToListAsync(cancellationToken);
        Districts = all.Where(d => ScopeClaims.ManagesDistrict(User, d.Id)).Select(d => (d.Id, LocalizationSetup.Pick(d.NameKk, d.NameRu, d.NameEn))).ToList();
        District ??= ScopeClaims.District(User) ?? (Districts.Count > 0 ? Districts[0].Id : 0);
        if (all.All(d => d.Id != District)) return NotFound();
        if (!ScopeClaims.ManagesDistrict(User, District.Value)) return Forbid();
        Report = await query.ReportAsync(quarter, District, cancellationToken);
        DistrictRow = Report.Districts.Single(d => d.Id == District);
        Quarters = TrustPage.QuarterChoices(Rules.Trust.Quarter.Of(KazakhstanTime.Today(clock)));
        var scores = Report.Beats.ToDictionary(b => b.Id!.Value, b => b.Overall.Score);
        var outlines = await db.Beats.AsNoTracking().Where(b => b.DistrictId == District && b.IsActive).Select(b => new { b.Id, b.Code, b.BoundaryGeoJson }).ToListAsync(cancellationToken);
        BeatsGeoJson = BeatFeatures.Collection(outlines.Select(b => ((IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["code"] = b.Code, ["score"] = scores.GetValueOrDefault(b.Id) is { } s ? Math.Round(s, 1) : null,
        }, b.BoundaryGeoJson)));
        return Page();
    }
}

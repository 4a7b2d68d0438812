using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

public sealed record WorkloadWeightsView(double PerResident, double PerIncident, double PerAppeal, double PerSquareKilometre, double RuralFactor, int WindowDays);

public sealed record BeatWorkload(
    int BeatId, string Code, string Name, string? Inspector, int SmallAreas, int Residents, int Incidents, int Appeals, double AreaSquareKilometres,
    WorkloadComponents Load, double LoadOverMean);

public sealed record StaffingView(int CurrentBeats, double TargetLoadPerInspector, int ByTargetLoad, int ByNormAtMost, int ByNormAtLeast);

public sealed record DistrictWorkload(
    PlaceRefView District, DateOnly From, DateOnly To, WorkloadWeightsView Weights, IReadOnlyList<BeatWorkload> Beats, WorkloadComponents Total,
    double MaxOverMean, double MinOverMean, StaffingView Staffing);

public sealed record PlaceRefView(int Id, string Name);

/// <summary>The workload settings: weights (resident-equivalents), the window of incidents and appeals counted, and the target load per inspector.</summary>
public sealed record WorkloadSettings(WorkloadWeights Weights, int WindowDays, double TargetLoadPerInspector)
{
    public static WorkloadSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("BeatDesign");
        var defaults = WorkloadWeights.Default;
        return new WorkloadSettings(
            new WorkloadWeights(
                section.GetValue("PerResident", defaults.PerResident), section.GetValue("PerIncident", defaults.PerIncident),
                section.GetValue("PerAppeal", defaults.PerAppeal), section.GetValue("PerSquareKilometre", defaults.PerSquareKilometre),
                section.GetValue("RuralFactor", defaults.RuralFactor),
                // Per incident type, relative to PerIncident: BeatDesign:IncidentTypeFactors:Burglary = 1.5, say.
                section.GetSection("IncidentTypeFactors").GetChildren().ToDictionary(c => c.Key, c => double.Parse(c.Value!, System.Globalization.CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase)),
            section.GetValue("WindowDays", 365),
            section.GetValue("TargetLoadPerInspector", 5000.0));
    }
}

/// <summary>
/// A district's workload, beat by beat, from its small areas: residents, incidents and appeals of
/// the last year, and travel, each weighted as <see cref="Workload"/> says and shown apart, with
/// how many inspectors a target load per inspector needs beside today's residents-per-inspector norm.
/// Supervisors see their own district; administrators any.
/// </summary>
public sealed class WorkloadQuery(UchastokDbContext db, TerritoryText text, WorkloadSettings settings, TimeProvider clock)
{
    public async Task<DistrictWorkload?> ForDistrictAsync(ClaimsPrincipal user, int districtId, CancellationToken cancellationToken = default)
    {
        if (!ScopeClaims.ManagesDistrict(user, districtId)) return null;
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == districtId, cancellationToken);
        if (district is null) return null;

        var loads = await DistrictLoads.LoadAsync(db, settings, clock, districtId, cancellationToken);
        var beats = await db.Beats.AsNoTracking().Include(b => b.Inspector).Where(b => b.DistrictId == districtId && b.IsActive).OrderBy(b => b.Number).ToListAsync(cancellationToken);
        var rows = beats.Select(beat =>
        {
            var mine = loads.Areas.Where(a => a.Area.BeatId == beat.Id).ToList();
            return (Beat: beat, Areas: mine.Count, Residents: mine.Sum(a => a.Area.Population), Incidents: mine.Sum(a => a.Incidents), Appeals: mine.Sum(a => a.Appeals),
                Km2: mine.Sum(a => a.Area.AreaSquareKilometres), Load: mine.Aggregate(WorkloadComponents.Zero, (sum, a) => sum.Plus(a.Load)));
        }).ToList();
        var total = rows.Aggregate(WorkloadComponents.Zero, (sum, r) => sum.Plus(r.Load));
        var mean = rows.Count == 0 ? 0 : total.Total / rows.Count;
        var staffing = StaffingEstimate.For(total.Total, settings.TargetLoadPerInspector, rows.Sum(r => r.Residents));
        return new DistrictWorkload(
            new PlaceRefView(district.Id, text.DistrictName(district)), loads.From, loads.To,
            new WorkloadWeightsView(settings.Weights.PerResident, settings.Weights.PerIncident, settings.Weights.PerAppeal, settings.Weights.PerSquareKilometre, settings.Weights.RuralFactor, settings.WindowDays),
            rows.Select(r => new BeatWorkload(r.Beat.Id, r.Beat.Code, text.BeatName(r.Beat), r.Beat.Inspector is { } o ? text.OfficerName(o) : null,
                r.Areas, r.Residents, r.Incidents, r.Appeals, Math.Round(r.Km2, 3), Round(r.Load), mean == 0 ? 0 : Math.Round(r.Load.Total / mean, 3))).ToList(),
            Round(total), mean == 0 ? 0 : Math.Round(rows.Max(r => r.Load.Total) / mean, 3), mean == 0 ? 0 : Math.Round(rows.Min(r => r.Load.Total) / mean, 3),
            new StaffingView(rows.Count, settings.TargetLoadPerInspector, staffing.ByTargetLoad, staffing.ByNormAtMost, staffing.ByNormAtLeast));
    }

    private static WorkloadComponents Round(WorkloadComponents c) => new(Math.Round(c.Residents, 1), Math.Round(c.Incidents, 1), Math.Round(c.Appeals, 1), Math.Round(c.Travel, 1));
}

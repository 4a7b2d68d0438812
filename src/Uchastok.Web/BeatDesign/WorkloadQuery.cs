using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Accounts;
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
        if (!user.IsInRole(Roles.Admin) && !(user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) == districtId)) return null;
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == districtId, cancellationToken);
        if (district is null) return null;

        var to = KazakhstanTime.Today(clock);
        var from = to.AddDays(-settings.WindowDays);
        var beats = await db.Beats.AsNoTracking().Include(b => b.Inspector).Where(b => b.DistrictId == districtId && b.IsActive).OrderBy(b => b.Number).ToListAsync(cancellationToken);
        var areas = await db.SmallAreas.AsNoTracking().Where(a => a.DistrictId == districtId)
            .Select(a => new { a.Id, a.BeatId, a.Population, a.AreaSquareKilometres, a.IsRural }).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.DistrictId == districtId && i.OccurredOn >= from && i.OccurredOn <= to)
            .GroupBy(i => new { i.SmallAreaId, i.Type }).Select(g => new { g.Key.SmallAreaId, g.Key.Type, Count = g.Count() }).ToListAsync(cancellationToken);
        // The window's days are Kazakhstan days; appeals are stamped in UTC.
        DateTime StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset).UtcDateTime;
        var (fromUtc, toUtc) = (StartOf(from), StartOf(to.AddDays(1)));
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.DistrictId == districtId && a.BeatId != null && a.ReceivedAtUtc >= fromUtc && a.ReceivedAtUtc < toUtc)
            .GroupBy(a => a.BeatId).Select(g => new { BeatId = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(g => g.BeatId, g => g.Count, cancellationToken);

        var incidentsByArea = incidents.GroupBy(i => i.SmallAreaId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(i => i.Type, i => i.Count));
        var rows = new List<(Beat Beat, int Areas, int Residents, int Incidents, int Appeals, double Km2, WorkloadComponents Load)>();
        foreach (var beat in beats)
        {
            var mine = areas.Where(a => a.BeatId == beat.Id).ToList();
            var load = WorkloadComponents.Zero;
            foreach (var area in mine)
            {
                var byType = incidentsByArea.GetValueOrDefault(area.Id) ?? new Dictionary<string, int>();
                load = load.Plus(Workload.Of(new AreaWorkloadInput(area.Population, byType, 0, area.AreaSquareKilometres, area.IsRural), settings.Weights));
            }
            var appealCount = appeals.GetValueOrDefault(beat.Id);
            load = load.Plus(new WorkloadComponents(0, 0, appealCount * settings.Weights.PerAppeal, 0));
            rows.Add((beat, mine.Count, mine.Sum(a => a.Population), mine.Sum(a => incidentsByArea.GetValueOrDefault(a.Id)?.Values.Sum() ?? 0), appealCount, mine.Sum(a => a.AreaSquareKilometres), load));
        }
        var total = rows.Aggregate(WorkloadComponents.Zero, (sum, r) => sum.Plus(r.Load));
        var mean = rows.Count == 0 ? 0 : total.Total / rows.Count;
        var staffing = StaffingEstimate.For(total.Total, settings.TargetLoadPerInspector, rows.Sum(r => r.Residents));
        return new DistrictWorkload(
            new PlaceRefView(district.Id, text.DistrictName(district)), from, to,
            new WorkloadWeightsView(settings.Weights.PerResident, settings.Weights.PerIncident, settings.Weights.PerAppeal, settings.Weights.PerSquareKilometre, settings.Weights.RuralFactor, settings.WindowDays),
            rows.Select(r => new BeatWorkload(r.Beat.Id, r.Beat.Code, text.BeatName(r.Beat), r.Beat.Inspector is { } o ? text.OfficerName(o) : null,
                r.Areas, r.Residents, r.Incidents, r.Appeals, Math.Round(r.Km2, 3), Round(r.Load), mean == 0 ? 0 : Math.Round(r.Load.Total / mean, 3))).ToList(),
            Round(total), mean == 0 ? 0 : Math.Round(rows.Max(r => r.Load.Total) / mean, 3), mean == 0 ? 0 : Math.Round(rows.Min(r => r.Load.Total) / mean, 3),
            new StaffingView(rows.Count, settings.TargetLoadPerInspector, staffing.ByTargetLoad, staffing.ByNormAtMost, staffing.ByNormAtLeast));
    }

    private static WorkloadComponents Round(WorkloadComponents c) => new(Math.Round(c.Residents, 1), Math.Round(c.Incidents, 1), Math.Round(c.Appeals, 1), Math.Round(c.Travel, 1));
}

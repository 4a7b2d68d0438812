using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Uchastok.Rules.BeatDesign;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

/// <summary>One small area with what weighs on it over the window, and its load by component.</summary>
public sealed record SmallAreaLoad(SmallArea Area, Geometry Outline, int Incidents, int Appeals, WorkloadComponents Load);

/// <summary>A district's small areas, each with its load: the one computation the workload page, the optimiser and the run maps share.</summary>
public sealed record DistrictLoads(DateOnly From, DateOnly To, IReadOnlyList<SmallAreaLoad> Areas)
{
    /// <summary>
    /// Residents, the incidents and appeals of the window (appeals placed by their point, so they
    /// count where the beats are now), and territory, weighted by <see cref="Workload"/>.
    /// </summary>
    public static async Task<DistrictLoads> LoadAsync(UchastokDbContext db, WorkloadSettings settings, TimeProvider clock, int districtId, CancellationToken cancellationToken)
    {
        var to = KazakhstanTime.Today(clock);
        var from = to.AddDays(-settings.WindowDays);
        var areas = await db.SmallAreas.AsNoTracking().Where(a => a.DistrictId == districtId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.DistrictId == districtId && i.OccurredOn >= from && i.OccurredOn <= to)
            .GroupBy(i => new { i.SmallAreaId, i.Type }).Select(g => new { g.Key.SmallAreaId, g.Key.Type, Count = g.Count() }).ToListAsync(cancellationToken);
        // The window's days are Kazakhstan days; appeals are stamped in UTC.
        DateTime StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset).UtcDateTime;
        var (fromUtc, toUtc) = (StartOf(from), StartOf(to.AddDays(1)));
        var points = await db.Appeals.AsNoTracking().Where(a => a.DistrictId == districtId && a.Latitude != null && a.Longitude != null && a.ReceivedAtUtc >= fromUtc && a.ReceivedAtUtc < toUtc)
            .Select(a => new { Latitude = a.Latitude!.Value, Longitude = a.Longitude!.Value }).ToListAsync(cancellationToken);

        var outlines = areas.Select(a => GeoJson.ReadGeometry(a.BoundaryGeoJson)).ToList();
        var locator = new BeatLocator(outlines.Select((g, i) => (i, g)));
        var appeals = new int[areas.Count];
        foreach (var point in points)
            if (locator.Locate(point.Longitude, point.Latitude) is { } index) appeals[index]++;
        var byArea = incidents.GroupBy(i => i.SmallAreaId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(i => i.Type, i => i.Count));
        var empty = new Dictionary<string, int>();

        return new DistrictLoads(from, to, areas.Select((a, i) =>
        {
            var byType = byArea.GetValueOrDefault(a.Id) ?? empty;
            var load = Workload.Of(new AreaWorkloadInput(a.Population, byType, appeals[i], a.AreaSquareKilometres, a.IsRural), settings.Weights);
            return new SmallAreaLoad(a, outlines[i], byType.Values.Sum(), appeals[i], load);
        }).ToList());
    }
}

using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Rules.PatrolPlanning;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;

namespace Uchastok.Web.PatrolPlanning;

/// <summary>What the forecast of one beat for one month gave: the grid, the beat's cells, the history it saw and the top cells.</summary>
public sealed record BeatForecast(CrimeGrid Grid, int BeatCells, int HistoryIncidents, int TimedIncidents, string Method, IReadOnlyList<SuggestedCell> Cells);

/// <summary>
/// Runs the site's forecaster (<see cref="CrimeForecasters.Default"/>) over one beat: its 250 m cells are those its
/// outline meets, on a grid whose origin is the district's south-west corner rounded down to 0.01° (as London's in
/// <c>docs/crime-forecast.md</c>), so neighbouring beats share one grid; its incidents are those whose small area is
/// on the beat, from the <see cref="HistoryMonths"/> months before the month (older ones weigh under 0.1 % with the
/// default's 6-month half-life, so reading them would cost time and change nothing).
/// </summary>
public sealed class PatrolForecast(UchastokDbContext db)
{
    public const int HistoryMonths = 60;
    public const double CellMetres = 250;

    public async Task<BeatForecast> RunAsync(Beat beat, DateOnly period, int topCells, CancellationToken cancellationToken)
    {
        var districtOutline = await db.Districts.AsNoTracking().Where(d => d.Id == beat.DistrictId).Select(d => d.BoundaryGeoJson).SingleAsync(cancellationToken);
        var grid = GridOf(GeoJson.ReadGeometry(districtOutline));
        var area = new StudyArea(grid, CellsOf(grid, beat));
        var first = period.AddMonths(-HistoryMonths);
        var rows = await IncidentsAsync(beat.Id, first, period, cancellationToken);
        var incidents = rows.Select(r => new PastIncident(PatrolPeriod.MonthsBetween(first, PatrolPeriod.FirstDay(r.OccurredOn)), area.IndexOf(r.Longitude, r.Latitude), r.Hour)).ToList();
        var history = CountHistory.FromIncidents(area.Count, HistoryMonths, incidents.Select(i => (i.Month, i.Cell)));
        var forecaster = CrimeForecasters.Default();
        var cells = PatrolSuggestionRules.Suggest(forecaster, history, area, incidents.Where(i => i.Cell >= 0), topCells);
        return new BeatForecast(grid, area.Count, incidents.Count(i => i.Cell >= 0), incidents.Count(i => i.Cell >= 0 && i.Hour is not null), forecaster.Name, cells);
    }

    /// <summary>The beat's incidents of [start, end): by the small area's beat, as the workload counts them.</summary>
    public async Task<List<(double Latitude, double Longitude, DateOnly OccurredOn, int? Hour)>> IncidentsAsync(int beatId, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var rows = await (from i in db.Incidents.AsNoTracking()
                          join a in db.SmallAreas.AsNoTracking() on i.SmallAreaId equals a.Id
                          where a.BeatId == beatId && i.OccurredOn >= start && i.OccurredOn < end
                          select new { i.Latitude, i.Longitude, i.OccurredOn, i.OccurredAt }).ToListAsync(cancellationToken);
        // The time of day is optional (police.uk gives none): an incident without one counts for the place, not the hours.
        return rows.Select(r => (r.Latitude, r.Longitude, r.OccurredOn, r.OccurredAt is { } t ? t.Hour : (int?)null)).ToList();
    }

    /// <summary>
    /// The incidents of [start, end) that months' comparisons may count: those of the districts the sets were made in,
    /// and any whose small area is on one of the beats now, each with its district and the beat it is on now.
    /// </summary>
    public async Task<List<MonthIncident>> MonthIncidentsAsync(IReadOnlyCollection<int> beatIds, IReadOnlyCollection<int> districtIds, DateOnly start, DateOnly end, CancellationToken cancellationToken) =>
        await (from i in db.Incidents.AsNoTracking()
               join a in db.SmallAreas.AsNoTracking() on i.SmallAreaId equals a.Id
               where i.OccurredOn >= start && i.OccurredOn < end && (districtIds.Contains(i.DistrictId) || (a.BeatId != null && beatIds.Contains(a.BeatId.Value)))
               select new MonthIncident(i.Latitude, i.Longitude, i.DistrictId, a.BeatId)).ToListAsync(cancellationToken);

    public static CrimeGrid GridOf(Geometry district)
    {
        var box = district.EnvelopeInternal;
        return new CrimeGrid(Math.Floor(box.MinX * 100) / 100, Math.Floor(box.MinY * 100) / 100, CellMetres);
    }

    private static IReadOnlyList<GridCell> CellsOf(CrimeGrid grid, Beat beat)
    {
        var cells = grid.CellsCovering(GeoJson.ReadGeometry(beat.BoundaryGeoJson));
        // A beat with an empty outline still gets one cell (its centre's), so the forecast has an area to rank.
        return cells.Count > 0 ? cells : [grid.CellOf(beat.CentreLongitude, beat.CentreLatitude)];
    }
}

/// <summary>An incident of a compared month: where it happened, its district, and the beat its small area is on now.</summary>
public sealed record MonthIncident(double Latitude, double Longitude, int DistrictId, int? BeatId);

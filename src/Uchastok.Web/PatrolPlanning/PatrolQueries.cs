using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Rules.PatrolPlanning;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.PatrolPlanning;

/// <summary>
/// The reads of patrol planning, shared by the page and the API. Everything here is about places (cells, counts,
/// hours) and officers' own records: no resident is named, so nothing here is a read of personal data to log.
/// </summary>
public sealed class PatrolQueries(UchastokDbContext db, PatrolForecast forecast, TimeProvider clock)
{
    /// <summary>The month to plan when none is named: the next one (Almaty time).</summary>
    public DateOnly NextPeriod() => PatrolPeriod.FirstDay(KazakhstanTime.Today(clock)).AddMonths(1);

    public DateOnly CurrentPeriod() => PatrolPeriod.FirstDay(KazakhstanTime.Today(clock));

    /// <summary>The month named (yyyy-MM), or the next one when none is; null when the text is not a month. The API and the page read months alike.</summary>
    public DateOnly? PeriodOrNext(string? text) => string.IsNullOrWhiteSpace(text) ? NextPeriod() : PatrolPeriod.Parse(text.Trim());

    /// <summary>The district the caller works in (or, for an administrator, the one asked for, else the first); null when out of scope.</summary>
    public async Task<PatrolDistrictView?> DistrictAsync(ClaimsPrincipal user, int? districtId, DateOnly period, CancellationToken cancellationToken)
    {
        var id = districtId ?? Shared.Security.ScopeClaims.District(user) ?? (user.IsInRole(Shared.Security.Roles.Admin)
            ? await db.Districts.OrderBy(d => d.Code).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken) : null);
        if (id is null) return null;
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (district is null) return null;
        var beats = await PatrolScope.ReadableBeats(db.Beats.AsNoTracking(), user).Where(b => b.DistrictId == id && b.IsActive)
            .OrderBy(b => b.Number).Select(b => new { b.Id, b.Code, b.Number }).ToListAsync(cancellationToken);
        // An inspector of the district with no active beat gets the empty list (the page says so), not a 404 from the
        // menu's link; a district that is not his own stays out of sight.
        var ownDistrict = user.IsInRole(Shared.Security.Roles.Inspector) && Shared.Security.ScopeClaims.District(user) == district.Id;
        if (beats.Count == 0 && !PatrolScope.MayDecide(user, district.Id) && !ownDistrict) return null;
        var beatIds = beats.Select(b => b.Id).ToList();
        var counts = await db.PatrolSuggestions
            .Join(db.PatrolSuggestionSets.Where(s => s.Period == period && beatIds.Contains(s.BeatId)), c => c.SetId, s => s.Id, (c, s) => new { s.BeatId, c.Decision })
            .ToListAsync(cancellationToken);
        var made = await db.PatrolSuggestionSets.Where(s => s.Period == period && beatIds.Contains(s.BeatId)).Select(s => s.BeatId).ToListAsync(cancellationToken);
        return new PatrolDistrictView(district.Id, district.Code, LocalizationSetup.Pick(district.NameKk, district.NameRu, district.NameEn), PatrolPeriod.Format(period), PatrolScope.MayDecide(user, district.Id),
            beats.Select(b =>
            {
                var cells = counts.Where(c => c.BeatId == b.Id).ToList();
                return new PatrolBeatSummary(b.Id, b.Code, b.Number, made.Contains(b.Id), cells.Count,
                    cells.Count(c => c.Decision == PatrolDecision.Accepted), cells.Count(c => c.Decision == PatrolDecision.Rejected), cells.Count(c => c.Decision == PatrolDecision.Pending));
            }).ToList());
    }

    /// <summary>One beat's suggestion for a month (null inside when none was made); null when the beat is out of scope.</summary>
    public async Task<PatrolBeatView?> BeatAsync(ClaimsPrincipal user, int beatId, DateOnly period, CancellationToken cancellationToken)
    {
        var beat = await ReadableBeatAsync(user, beatId, cancellationToken);
        if (beat is null) return null;
        var set = await PatrolSets.LoadAsync(db, beatId, period, cancellationToken);
        var decide = PatrolScope.MayDecide(user, beat.DistrictId);
        return new PatrolBeatView(beat.Id, beat.Code, beat.DistrictId, PatrolPeriod.Format(period), decide, decide && period.AddMonths(1) > CurrentPeriod(),
            PatrolScope.MayRecord(user, beat), set is null ? null : SetView(set));
    }

    /// <summary>The month against its suggestion; null when the beat is out of scope or no suggestion was made for the month.</summary>
    public async Task<PatrolComparisonView?> ComparisonAsync(ClaimsPrincipal user, int beatId, DateOnly period, CancellationToken cancellationToken)
    {
        var beat = await ReadableBeatAsync(user, beatId, cancellationToken);
        if (beat is null) return null;
        var set = await PatrolSets.LoadAsync(db, beatId, period, cancellationToken);
        if (set is null) return null;
        var incidents = await forecast.MonthIncidentsAsync([beatId], [set.DistrictId], period, period.AddMonths(1), cancellationToken);
        var (comparison, cells) = Compare(set, incidents);
        return new PatrolComparisonView(beat.Id, beat.Code, PatrolPeriod.Format(period), period < CurrentPeriod(), comparison.BeatIncidents,
            Group(comparison.All), Group(comparison.Accepted), Group(comparison.Rejected), Group(comparison.Pending),
            cells.Select(c => new PatrolComparedCellView(c.Rank, c.ExpectedShare, DecisionName(c.Decision), c.Incidents, c.PatrolHours)).ToList());
    }

    /// <summary>
    /// A district's month against its suggestions, beat by beat and pooled: every beat in the caller's scope that had a
    /// suggestion for the month, each compared as on its own page. Null when the district is out of scope.
    /// </summary>
    public async Task<PatrolDistrictComparisonView?> DistrictComparisonAsync(ClaimsPrincipal user, int? districtId, DateOnly period, CancellationToken cancellationToken) =>
        await DistrictAsync(user, districtId, period, cancellationToken) is { } district ? await DistrictComparisonAsync(district, period, cancellationToken) : null;

    /// <summary>The same for a district already read in the caller's scope (<see cref="DistrictAsync"/> for the same month).</summary>
    public async Task<PatrolDistrictComparisonView> DistrictComparisonAsync(PatrolDistrictView district, DateOnly period, CancellationToken cancellationToken)
    {
        var beats = district.Beats.Where(b => b.HasSuggestion).ToList();
        var beatIds = beats.Select(b => b.BeatId).ToList();
        var sets = await PatrolSets.WithCells(db).Where(s => s.Period == period && beatIds.Contains(s.BeatId)).ToListAsync(cancellationToken);
        var incidents = sets.Count == 0 ? []
            : await forecast.MonthIncidentsAsync(beatIds, sets.Select(s => s.DistrictId).Distinct().ToList(), period, period.AddMonths(1), cancellationToken);
        var rows = beats.Select(b =>
        {
            var set = sets.Single(s => s.BeatId == b.BeatId);
            return (Beat: b, Compare(set, incidents).Comparison);
        }).ToList();
        var pooled = PatrolComparisonRules.Pool(rows.Select(r => r.Comparison).ToList());
        return new PatrolDistrictComparisonView(district.DistrictId, district.DistrictName, PatrolPeriod.Format(period), period < CurrentPeriod(),
            pooled.BeatIncidents, Group(pooled.All), Group(pooled.Accepted), Group(pooled.Rejected),
            rows.Select(r => new PatrolBeatComparisonRow(r.Beat.BeatId, r.Beat.BeatCode, r.Comparison.BeatIncidents, Group(r.Comparison.All), Group(r.Comparison.Accepted), Group(r.Comparison.Rejected))).ToList());
    }

    /// <summary>
    /// A set against its month. The cells are counted on the grid the set was made on, from the incidents of the district
    /// the set was made in: a suggested square means the same place in an old month whatever became of the beat's
    /// outline since. The beat total is the incidents on the beat as it is drawn now, and those in the suggested cells
    /// that a redraw has since put on another beat, so no share of the month goes above 100 %.
    /// </summary>
    private static (PatrolComparison Comparison, List<ComparedCell> Cells) Compare(PatrolSuggestionSet set, IEnumerable<MonthIncident> incidents)
    {
        var grid = new CrimeGrid(set.GridOriginLongitude, set.GridOriginLatitude, set.CellMetres);
        var suggested = set.Suggestions.Select(s => new GridCell(s.Column, s.Row)).ToHashSet();
        var placed = incidents.Where(i => i.DistrictId == set.DistrictId || i.BeatId == set.BeatId)
            .Select(i => (OnBeat: i.BeatId == set.BeatId, Cell: grid.CellOf(i.Longitude, i.Latitude))).ToList();
        var perCell = placed.Where(i => suggested.Contains(i.Cell)).GroupBy(i => i.Cell).ToDictionary(g => g.Key, g => g.Count());
        var beatTotal = placed.Count(i => i.OnBeat || suggested.Contains(i.Cell));
        var cells = set.Suggestions.OrderBy(s => s.Rank)
            .Select(s => new ComparedCell(s.Rank, s.ExpectedShare, s.Decision, perCell.GetValueOrDefault(new GridCell(s.Column, s.Row)), s.PatrolHours)).ToList();
        return (PatrolComparisonRules.Compare(cells, beatTotal), cells);
    }

    private static PatrolComparisonGroupView Group(ComparisonGroup g) => new(g.Cells, g.ExpectedShare, g.Incidents, g.ActualShare, g.PatrolHours);

    /// <summary>
    /// The risk zones of this month for one beat, or for every beat the caller reads when none is named (the API lets
    /// only an inspector leave it out: his own few beats, not a district's worth of live forecasts). A beat with no
    /// suggestion this month gets the forecast's top cells, worked out now and not stored, so an inspector always has
    /// something for his day.
    /// </summary>
    public async Task<RiskZonesList?> RiskZonesAsync(ClaimsPrincipal user, int? beatId, CancellationToken cancellationToken)
    {
        var period = CurrentPeriod();
        var beats = await PatrolScope.ReadableBeats(db.Beats.AsNoTracking(), user).Where(b => b.IsActive && (beatId == null || b.Id == beatId))
            .OrderBy(b => b.DistrictId).ThenBy(b => b.Number).ToListAsync(cancellationToken);
        if (beatId is not null && beats.Count == 0) return null;
        var ids = beats.Select(b => b.Id).ToList();
        var sets = await PatrolSets.WithCells(db).Where(s => s.Period == period && ids.Contains(s.BeatId)).ToListAsync(cancellationToken);
        var views = new List<RiskZonesView>();
        foreach (var beat in beats)
        {
            if (sets.SingleOrDefault(s => s.BeatId == beat.Id) is { } set)
            {
                views.Add(new RiskZonesView(beat.Id, beat.Code, "suggestion", set.Suggestions.Where(s => s.Decision != PatrolDecision.Rejected).OrderBy(s => s.Rank)
                    .Select(s => new RiskZoneView(s.Rank, s.CentreLatitude, s.CentreLongitude, s.ExpectedShare, Bands(s.HourBands), DecisionName(s.Decision), MapUrl(s.CentreLatitude, s.CentreLongitude))).ToList()));
                continue;
            }
            var result = await forecast.RunAsync(beat, period, PatrolSuggestionRules.DefaultTopCells, cancellationToken);
            views.Add(new RiskZonesView(beat.Id, beat.Code, "forecast", result.Cells.Select(c =>
            {
                var (lon, lat) = result.Grid.CentreOf(c.GridCell);
                lat = Math.Round(lat, 6);
                lon = Math.Round(lon, 6);
                return new RiskZoneView(c.Rank, lat, lon, c.ExpectedShare, c.HourBands.Select(b => b.ToString()).ToList(), null, MapUrl(lat, lon));
            }).ToList()));
        }
        return new RiskZonesList(PatrolPeriod.Format(period), views);
    }

    public Task<Beat?> ReadableBeatAsync(ClaimsPrincipal user, int beatId, CancellationToken cancellationToken) =>
        PatrolScope.ReadableBeats(db.Beats.AsNoTracking(), user).SingleOrDefaultAsync(b => b.Id == beatId, cancellationToken);

    public static PatrolSetView SetView(PatrolSuggestionSet set)
    {
        // The grid the set was made on, kept with it: a later change of the grid's settings does not move its squares.
        var grid = new CrimeGrid(set.GridOriginLongitude, set.GridOriginLatitude, set.CellMetres);
        return new(set.Id, set.GeneratedAtUtc, set.Method, set.BeatCells, set.HistoryIncidents, set.TimedIncidents,
            set.Suggestions.OrderBy(s => s.Rank).Select(s => new PatrolSuggestionView(s.Id, s.Rank, s.CentreLatitude, s.CentreLongitude, s.ExpectedShare, Bands(s.HourBands), s.TimedIncidents,
                DecisionName(s.Decision), s.DecisionReason, s.DecidedAtUtc, s.PatrolHours, s.PatrolNote, s.RecordedAtUtc, MapUrl(s.CentreLatitude, s.CentreLongitude),
                grid.RingOf(new GridCell(s.Column, s.Row)))).ToList());
    }

    public static string DecisionName(PatrolDecision decision) => decision.ToString().ToLowerInvariant();

    private static IReadOnlyList<string> Bands(string? stored) => stored is null ? [] : stored.Split(',');

    /// <summary>The cell's centre on OpenStreetMap at street zoom: a link, so the page needs no map script to show where.</summary>
    public static string MapUrl(double latitude, double longitude)
    {
        var lat = latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = longitude.ToString("0.######", CultureInfo.InvariantCulture);
        return $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}";
    }
}

/// <summary>The one way a beat's suggestion for a month is read with its cells (page, API and the command that makes it).</summary>
public static class PatrolSets
{
    public static IQueryable<PatrolSuggestionSet> WithCells(UchastokDbContext db) => db.PatrolSuggestionSets.AsNoTracking().Include(s => s.Suggestions);

    public static Task<PatrolSuggestionSet?> LoadAsync(UchastokDbContext db, int beatId, DateOnly period, CancellationToken cancellationToken) =>
        WithCells(db).SingleOrDefaultAsync(s => s.BeatId == beatId && s.Period == period, cancellationToken);
}

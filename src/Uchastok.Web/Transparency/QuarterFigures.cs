using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Transparency;
using Uchastok.Rules.Trust;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Transparency;

/// <summary>One area's figures, keyed in <see cref="QuarterFigures.AreasAsync"/> by <see cref="QuarterlyReport.ScopeKey"/>.</summary>
internal sealed record ComputedArea(int? DistrictId, int? BeatId, ReportFigures Figures);

/// <summary>
/// The figures of a quarter's reports, in named steps: one reading of each kind of record (one query
/// per measure, counted per beat, district and month in the database), which counts each area may
/// show (<see cref="ReportDisclosure"/>), and one assembling step that puts an area's figures
/// together in memory. Every area is assembled from the same readings.
/// </summary>
internal sealed class QuarterFigures
{
    private readonly Quarter _quarter;
    private readonly IReadOnlyList<Quarter> _quarters;
    private readonly Records _records;
    private readonly IReadOnlyDictionary<Quarter, Disclosures> _disclosed;
    /// <summary>The officers who held the quarterly report meeting, wherever: the same for every area.</summary>
    private readonly HashSet<int> _reported;

    private QuarterFigures(Quarter quarter, IReadOnlyList<Quarter> quarters, Records records)
    {
        (_quarter, _quarters, _records) = (quarter, quarters, records);
        _disclosed = quarters.ToDictionary(q => q, q => Disclose(records, q));
        _reported = records.Meetings.Where(m => m.Kind == MeetingKind.QuarterlyReport).Select(m => m.OfficerId).ToHashSet();
    }

    /// <summary>The figures of every area of the quarter (or of one district and its beats), keyed by <see cref="QuarterlyReport.ScopeKey"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, ComputedArea>> AreasAsync(
        UchastokDbContext db, TrustQuery trust, Quarter quarter, int? onlyDistrict, LocalName cityName, CancellationToken cancellationToken)
    {
        var quarters = quarter.Trailing(QuarterlyReports.TrendQuarters);
        var figures = new QuarterFigures(quarter, quarters, await ReadAsync(db, trust, quarter, quarters[0].First, cancellationToken));
        return figures.Assemble(onlyDistrict, cityName);
    }

    // ---- Reading: one query per kind of record ----

    private sealed record DistrictRow(int Id, string NameKk, string NameRu, string NameEn);
    private sealed record BeatRow(int Id, string Code, string? Name, int DistrictId, bool IsActive, int? InspectorId, string? Surname, string? GivenName);
    /// <summary>An appeal count of one beat (or, without a beat, of a district or the city) in one month; ratings also carry the sum of their stars.</summary>
    private sealed record Cell(int? BeatId, int? DistrictId, DateOnly Month, int Count, int OnTime = 0, int Stars = 0);
    private sealed record MeetingRow(int? BeatId, int? DistrictId, int OfficerId, MeetingKind Kind, int Attendance);
    private sealed record ActivityRow(int? BeatId, int? DistrictId, PreventiveActivityKind Kind, int Count, int Participants);
    private sealed record PriorityRow(int? BeatId, int? DistrictId, string Code, string Issue, DateOnly RaisedOn, string? Action, DateOnly? ActionOn, string Language);

    private sealed record Records(
        IReadOnlyList<DistrictRow> Districts, IReadOnlyList<BeatRow> Beats, IReadOnlyDictionary<int, int> DistrictOfBeat,
        IReadOnlyList<Cell> Received, IReadOnlyList<Cell> Decided, IReadOnlyList<Cell> Ratings,
        IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<ActivityRow> Activities, IReadOnlyList<PriorityRow> Priorities, TrustReport Trust);

    private static async Task<Records> ReadAsync(UchastokDbContext db, TrustQuery trust, Quarter quarter, DateOnly since, CancellationToken cancellationToken)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Id).Select(d => new DistrictRow(d.Id, d.NameKk, d.NameRu, d.NameEn)).ToListAsync(cancellationToken);
        var beats = await db.Beats.AsNoTracking().OrderBy(b => b.DistrictId).ThenBy(b => b.Number)
            .Select(b => new BeatRow(b.Id, b.Code, b.Name, b.DistrictId, b.IsActive, b.InspectorId, b.Inspector == null ? null : b.Inspector.Surname, b.Inspector == null ? null : b.Inspector.GivenName))
            .ToListAsync(cancellationToken);
        // An appeal with a place counts for its beat's district, as open data counts it; one without, for the district it was routed to.
        var districtOfBeat = beats.ToDictionary(b => b.Id, b => b.DistrictId);
        Cell Placed(Cell c) => c.BeatId is { } b && districtOfBeat.TryGetValue(b, out var d) ? c with { DistrictId = d } : c;
        var last = quarter.Last;
        return new Records(districts, beats, districtOfBeat,
            (await ReceivedAsync(db, since, last, cancellationToken)).Select(Placed).ToList(),
            (await DecidedAsync(db, since, last, cancellationToken)).Select(Placed).ToList(),
            (await RatingsAsync(db, since, last, cancellationToken)).Select(Placed).ToList(),
            await MeetingsAsync(db, quarter, cancellationToken), await ActivitiesAsync(db, quarter, cancellationToken), await PrioritiesAsync(db, quarter, cancellationToken),
            await trust.ReportAsync(quarter, null, cancellationToken));
    }

    // Sensitive categories are in no public figure (see OpenDataExport.Published).
    private static async Task<IEnumerable<Cell>> ReceivedAsync(UchastokDbContext db, DateOnly since, DateOnly last, CancellationToken cancellationToken) =>
        (await OpenDataExport.Published(db.Appeals).Where(a => a.ReceivedOn >= since && a.ReceivedOn <= last)
            .GroupBy(a => new { a.BeatId, a.DistrictId, a.ReceivedOn.Year, a.ReceivedOn.Month }).Select(g => new { g.Key.BeatId, g.Key.DistrictId, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken)).Select(r => new Cell(r.BeatId, r.DistrictId, new DateOnly(r.Year, r.Month, 1), r.Count));

    private static async Task<IEnumerable<Cell>> DecidedAsync(UchastokDbContext db, DateOnly since, DateOnly last, CancellationToken cancellationToken) =>
        (await OpenDataExport.Published(db.Appeals).Where(a => a.DecidedOn != null && a.DecidedOn >= since && a.DecidedOn <= last)
            .GroupBy(a => new { a.BeatId, a.DistrictId, a.DecidedOn!.Value.Year, a.DecidedOn.Value.Month })
            .Select(g => new { g.Key.BeatId, g.Key.DistrictId, g.Key.Year, g.Key.Month, Count = g.Count(), OnTime = g.Sum(a => a.DecidedOn <= a.DueDate ? 1 : 0) }).ToListAsync(cancellationToken))
            .Select(r => new Cell(r.BeatId, r.DistrictId, new DateOnly(r.Year, r.Month, 1), r.Count, r.OnTime));

    private static async Task<IEnumerable<Cell>> RatingsAsync(UchastokDbContext db, DateOnly since, DateOnly last, CancellationToken cancellationToken) =>
        (await (from r in db.AppealRatings.AsNoTracking()
                join a in OpenDataExport.Published(db.Appeals) on r.AppealId equals a.Id
                where r.RatedOn >= since && r.RatedOn <= last
                group r by new { a.BeatId, a.DistrictId, r.RatedOn.Year, r.RatedOn.Month } into g
                select new { g.Key.BeatId, g.Key.DistrictId, g.Key.Year, g.Key.Month, Count = g.Count(), Stars = g.Sum(r => r.Overall) }).ToListAsync(cancellationToken))
            .Select(r => new Cell(r.BeatId, r.DistrictId, new DateOnly(r.Year, r.Month, 1), r.Count, Stars: r.Stars));

    private static async Task<IReadOnlyList<MeetingRow>> MeetingsAsync(UchastokDbContext db, Quarter quarter, CancellationToken cancellationToken)
    {
        var (first, last) = (quarter.First, quarter.Last);
        return await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Held && m.HeldOn >= first && m.HeldOn <= last)
            .Select(m => new MeetingRow(m.BeatId, m.DistrictId, m.OfficerId, m.Kind, m.Attendance ?? 0)).ToListAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ActivityRow>> ActivitiesAsync(UchastokDbContext db, Quarter quarter, CancellationToken cancellationToken)
    {
        var (first, last) = (quarter.First, quarter.Last);
        return (await db.PreventiveActivities.AsNoTracking().Where(a => a.DoneOn >= first && a.DoneOn <= last)
            .GroupBy(a => new { a.BeatId, a.DistrictId, a.Kind }).Select(g => new { g.Key.BeatId, g.Key.DistrictId, g.Key.Kind, Count = g.Count(), Participants = g.Sum(a => a.Participants) })
            .ToListAsync(cancellationToken)).Select(a => new ActivityRow(a.BeatId, a.DistrictId, a.Kind, a.Count, a.Participants)).ToList();
    }

    private static async Task<IReadOnlyList<PriorityRow>> PrioritiesAsync(UchastokDbContext db, Quarter quarter, CancellationToken cancellationToken)
    {
        var (first, last) = (quarter.First, quarter.Last);
        return (await (from p in db.Priorities.AsNoTracking()
                join b in db.Beats on p.BeatId equals b.Id
                where p.RaisedOn <= last && (p.ActionOn == null || p.ActionOn >= first)
                orderby p.RaisedOn, p.Id
                select new { p.BeatId, p.DistrictId, b.Code, p.Issue, p.RaisedOn, p.Action, p.ActionOn, p.Language }).ToListAsync(cancellationToken))
            .Select(p => new PriorityRow(p.BeatId, p.DistrictId, p.Code, p.Issue, p.RaisedOn, p.Action, p.ActionOn, p.Language)).ToList();
    }

    // ---- Disclosure: which totals each count may show in each quarter of the trend, so that none gives back a count open data hides ----

    private sealed record Disclosures(Disclosure Received, Disclosure Decided, Disclosure OnTime, Disclosure Ratings, Disclosure Mean);

    private static Disclosures Disclose(Records records, Quarter q)
    {
        List<CountCell> Cells(IEnumerable<Cell> cells, Func<Cell, int> count) =>
            cells.Where(c => q.Contains(c.Month)).Select(c => new CountCell(c.BeatId, c.DistrictId, c.Month, count(c), c.Stars)).ToList();
        return new Disclosures(
            ReportDisclosure.Publishable(Cells(records.Received, c => c.Count), records.DistrictOfBeat),
            ReportDisclosure.Publishable(Cells(records.Decided, c => c.Count), records.DistrictOfBeat),
            ReportDisclosure.Publishable(Cells(records.Decided, c => c.OnTime), records.DistrictOfBeat),
            ReportDisclosure.Publishable(Cells(records.Ratings, c => c.Count), records.DistrictOfBeat),
            ReportDisclosure.MeansPublishable(Cells(records.Ratings, c => c.Count), records.DistrictOfBeat));
    }

    // ---- Assembling: the city, each district and each active beat ----

    /// <summary>Which records an area takes: by beat and district.</summary>
    private delegate bool Within(int? beatId, int? districtId);

    private sealed record AreaScope(ReportLevel Level, int? Id, LocalName Name, LocalName? District, string? Inspector, Within Within, TrustEstimate Trust, IReadOnlyCollection<int> Inspectors);

    private Dictionary<string, ComputedArea> Assemble(int? onlyDistrict, LocalName cityName)
    {
        var beats = _records.Beats.Where(b => b.IsActive).ToList();
        var inspectorsOf = beats.Where(b => b.InspectorId != null).GroupBy(b => b.DistrictId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<int>)g.Select(b => b.InspectorId!.Value).Distinct().ToList());
        var areas = new Dictionary<string, ComputedArea>();
        if (onlyDistrict is null)
            areas[QuarterlyReport.KeyOf(ReportLevel.City, null)] = new(null, null, Area(new(ReportLevel.City, null, cityName, null, null, (_, _) => true,
                _records.Trust.City.Overall, inspectorsOf.Values.SelectMany(i => i).Distinct().ToList())));
        foreach (var d in _records.Districts.Where(d => onlyDistrict is null || d.Id == onlyDistrict))
        {
            var districtName = new LocalName(d.NameKk, d.NameRu, d.NameEn);
            var districtTrust = _records.Trust.Districts.Single(a => a.Id == d.Id).Overall;
            areas[QuarterlyReport.KeyOf(ReportLevel.District, d.Id)] = new(d.Id, null,
                Area(new(ReportLevel.District, d.Id, districtName, null, null, (_, district) => district == d.Id, districtTrust, inspectorsOf.GetValueOrDefault(d.Id) ?? [])));
            foreach (var b in beats.Where(b => b.DistrictId == d.Id))
            {
                var beatName = b.Name is null ? b.Code : $"{b.Code} {b.Name}";
                // The public sees trust per district, not per beat (as on /trust): a beat's report gives its district's.
                areas[QuarterlyReport.KeyOf(ReportLevel.Beat, b.Id)] = new(d.Id, b.Id,
                    Area(new(ReportLevel.Beat, b.Id, new LocalName(beatName, beatName, beatName), districtName, b.Surname is null ? null : $"{b.Surname} {b.GivenName}",
                        (beat, _) => beat == b.Id, districtTrust, b.InspectorId is { } inspector ? [inspector] : [])));
            }
        }
        return areas;
    }

    private ReportFigures Area(AreaScope area)
    {
        // The trend ends with this quarter, whose figures are the report's own.
        var service = _quarters.Select(q => Service(area, q)).ToList();
        var (trend, appeals) = (service.Select(s => s.Point).ToList(), service[^1].Appeals);
        var estimate = EstimateView.Of(area.Trust);
        var trustFigures = new ReportTrust(estimate.Status, estimate.Responses, estimate.Score, estimate.Low, estimate.High, area.Level == ReportLevel.Beat);
        return new ReportFigures(_quarter.ToString(), area.Level, area.Name, area.District, area.Inspector, appeals, trend,
            MeetingFiguresOf(area), PriorityFiguresOf(area), ActivityFiguresOf(area), trustFigures);
    }

    private static bool Shown(AreaScope area, Disclosure d) => area.Level switch
    {
        ReportLevel.City => d.City,
        ReportLevel.District => d.Districts.Contains(area.Id!.Value),
        _ => d.Beats.Contains(area.Id!.Value),
    };

    private (ServicePoint Point, AppealFigures Appeals) Service(AreaScope area, Quarter q)
    {
        var rules = _disclosed[q];
        var d = _records.Decided.Where(c => q.Contains(c.Month) && area.Within(c.BeatId, c.DistrictId)).ToList();
        var r = _records.Ratings.Where(c => q.Contains(c.Month) && area.Within(c.BeatId, c.DistrictId)).ToList();
        var (count, onTime, rated, stars) = (d.Sum(c => c.Count), d.Sum(c => c.OnTime), r.Sum(c => c.Count), r.Sum(c => c.Stars));
        var (showDecided, showOnTime, showRatings) = (Shown(area, rules.Decided), Shown(area, rules.OnTime), Shown(area, rules.Ratings));
        // Nothing decided or rated (a shown 0) has no share and no mean.
        double? share = showDecided && showOnTime && count > 0 ? Math.Round(100.0 * onTime / count, 1) : null;
        double? mean = showRatings && Shown(area, rules.Mean) && rated > 0 ? Math.Round((double)stars / rated, 2) : null;
        var got = _records.Received.Where(c => q.Contains(c.Month) && area.Within(c.BeatId, c.DistrictId)).Sum(c => c.Count);
        return (new ServicePoint(q.ToString(), share, mean),
            new AppealFigures(Shown(area, rules.Received) ? got : null, showDecided ? count : null, showOnTime ? onTime : null, share, showRatings ? rated : null, mean));
    }

    private MeetingFigures MeetingFiguresOf(AreaScope area)
    {
        var held = _records.Meetings.Where(m => area.Within(m.BeatId, m.DistrictId)).ToList();
        return new MeetingFigures(held.Count, held.Sum(m => m.Attendance),
            Enum.GetValues<MeetingKind>().Select(k => (k, held.Count(m => m.Kind == k))).Where(x => x.Item2 > 0).ToDictionary(x => x.k.ToString(), x => x.Item2),
            area.Inspectors.Count(_reported.Contains), area.Inspectors.Count);
    }

    private PriorityFigures PriorityFiguresOf(AreaScope area)
    {
        var (first, last) = (_quarter.First, _quarter.Last);
        var worked = _records.Priorities.Where(p => area.Within(p.BeatId, p.DistrictId)).ToList();
        return new PriorityFigures(worked.Count(p => p.RaisedOn >= first), worked.Count(p => p.ActionOn is { } on && on <= last),
            area.Level == ReportLevel.City ? [] : worked.Select(p => p.ActionOn is { } on && on <= last
                ? new ReportPriority(p.Code, p.Issue, p.RaisedOn, p.Action, on, p.Language)
                : new ReportPriority(p.Code, p.Issue, p.RaisedOn, null, null, p.Language)).ToList());
    }

    private ActivityFigures ActivityFiguresOf(AreaScope area)
    {
        var done = _records.Activities.Where(a => area.Within(a.BeatId, a.DistrictId) && (area.Level != ReportLevel.Beat || !QuarterlyReports.IndividualWork.Contains(a.Kind))).ToList();
        return new ActivityFigures(done.Sum(a => a.Count), done.Sum(a => a.Participants),
            Enum.GetValues<PreventiveActivityKind>().Select(k => (k, done.Where(a => a.Kind == k).Sum(a => a.Count))).Where(x => x.Item2 > 0).ToDictionary(x => x.k.ToString(), x => x.Item2));
    }
}

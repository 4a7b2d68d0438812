using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Transparency;
using Uchastok.Rules.Trust;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Transparency;

/// <summary>A report as listed: where it lives, its state and its area, without its figures.</summary>
public sealed record ReportListing(
    int Id, string Quarter, ReportLevel Level, int? DistrictId, int? BeatId, ReportStatus Status, int Revision,
    DateTime UpdatedAtUtc, DateTime? PublishedAtUtc, LocalName Area, LocalName? District)
{
    /// <summary>The stable address of the report's page; the PDFs are under it (<c>…/kk.pdf</c>).</summary>
    public string Url => QuarterlyReports.UrlOf(Quarter, Level, DistrictId, BeatId);
}

/// <summary>A report as shown: its state and its figures.</summary>
public sealed record ReportView(
    int Id, string Quarter, ReportLevel Level, int? DistrictId, int? BeatId, ReportStatus Status, int Revision,
    DateTime DraftedAtUtc, DateTime UpdatedAtUtc, DateTime? PublishedAtUtc, ReportFigures Figures)
{
    public string Url => QuarterlyReports.UrlOf(Quarter, Level, DistrictId, BeatId);
}

public sealed record DraftPass(int Created, int Updated);

public enum PublishResult { Published, NotFound, AlreadyPublished, Changed, TooEarly }

public enum RecomputeResult { Done, NotRecomputable, Forbidden, NotEnded }

/// <summary>A report to publish with the revision its approver saw.</summary>
public sealed record PublishItem(int Id, int Revision);

/// <summary>
/// The public quarterly reports (C11): drafted from the records when a quarter ends, recomputed
/// while they are drafts, published by the district's supervisor (the city's by an
/// administrator) once the quarter's records have closed, and from then on unchanged at a
/// stable address. Every area's figures come from one reading of each kind of record.
/// </summary>
public sealed class QuarterlyReports(UchastokDbContext db, TrustQuery trust, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<QuarterlyReports> logger)
{
    public const int TrendQuarters = 4;

    /// <summary>Work with one person or family; published for districts and the city only.</summary>
    public static readonly IReadOnlySet<PreventiveActivityKind> IndividualWork = new HashSet<PreventiveActivityKind> { PreventiveActivityKind.PreventiveTalk, PreventiveActivityKind.FamilyVisit };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string UrlOf(string quarter, ReportLevel level, int? districtId, int? beatId) => level switch
    {
        ReportLevel.City => $"/reports/{quarter}/city",
        ReportLevel.District => $"/reports/{quarter}/district/{districtId}",
        _ => $"/reports/{quarter}/beat/{beatId}",
    };

    /// <summary>The last quarter that has ended: the one whose reports are being drafted and published.</summary>
    public Quarter LastEnded => Quarter.Of(KazakhstanTime.Today(clock)).Previous;

    /// <summary>The quarter staff asked for ("2026-Q4"), the last ended one when they named none, or null when the text is no quarter.</summary>
    public Quarter? ManagedQuarter(string? text) =>
        string.IsNullOrWhiteSpace(text) ? LastEnded : Quarter.TryParse(text.Trim(), out var q) ? q : null;

    /// <summary>
    /// The first day a quarter's reports may be published: inspectors may still record its meetings
    /// and work for <see cref="CommunityRecords.GraceDays"/> days after it ends, and a report
    /// published before would miss them.
    /// </summary>
    public static DateOnly PublishableFrom(Quarter quarter) => quarter.Last.AddDays(CommunityRecords.GraceDays + 1);

    public static ReportFigures Figures(string json) => JsonSerializer.Deserialize<ReportFigures>(json, Json)!;

    /// <summary>Staff may have drafts recomputed for the quarter that has just ended, and for an earlier one only once it has reports: no one makes reports of quarters before the platform's records began.</summary>
    public async Task<bool> MayRecomputeAsync(Quarter quarter, CancellationToken cancellationToken = default) =>
        quarter == LastEnded || (quarter.CompareTo(LastEnded) < 0 && await db.QuarterlyReports.AnyAsync(r => r.Quarter == quarter.ToString(), cancellationToken));

    /// <summary>
    /// Staff ask for the drafts to be recomputed now: a supervisor his district's (the one named, or
    /// his own), only an administrator the whole city's; a quarter staff may not recompute is refused first.
    /// </summary>
    public async Task<(RecomputeResult Result, DraftPass? Pass)> RecomputeAsync(ClaimsPrincipal user, Quarter quarter, int? districtId, CancellationToken cancellationToken = default)
    {
        if (!await MayRecomputeAsync(quarter, cancellationToken)) return (RecomputeResult.NotRecomputable, null);
        var district = districtId ?? ScopeClaims.District(user);
        if (district is { } d ? !ScopeClaims.ManagesDistrict(user, d) : !user.IsInRole(Roles.Admin)) return (RecomputeResult.Forbidden, null);
        return await DraftAsync(quarter, district, cancellationToken) is { } pass ? (RecomputeResult.Done, pass) : (RecomputeResult.NotEnded, null);
    }

    /// <summary>
    /// Makes the missing drafts of an ended quarter and recomputes the unpublished ones, for the
    /// whole city or only one district and its beats. A draft whose figures changed takes the
    /// next revision; published reports are never touched. Null: the quarter has not ended.
    /// </summary>
    public async Task<DraftPass?> DraftAsync(Quarter quarter, int? districtId = null, CancellationToken cancellationToken = default)
    {
        if (quarter.Last >= KazakhstanTime.Today(clock)) return null;
        var quarterText = quarter.ToString();
        // The revisions are read before the figures are computed: a draft another pass has rewritten meanwhile is left to that pass's newer figures.
        var existing = await db.QuarterlyReports.AsNoTracking().Where(r => r.Quarter == quarterText)
            .Select(r => new { r.Id, r.ScopeKey, r.Status, r.Revision, r.FiguresJson }).ToDictionaryAsync(r => r.ScopeKey, cancellationToken);
        var computed = await ComputeAsync(quarter, districtId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (created, updated) = (0, 0);
        foreach (var (key, area) in computed)
        {
            var json = JsonSerializer.Serialize(area.Figures, Json);
            if (!existing.TryGetValue(key, out var report))
            {
                db.QuarterlyReports.Add(new QuarterlyReport
                {
                    Quarter = quarterText, Level = area.Figures.Level, DistrictId = area.DistrictId, BeatId = area.BeatId, ScopeKey = key,
                    Status = ReportStatus.Draft, FiguresJson = json, Revision = 1, DraftedAtUtc = now, UpdatedAtUtc = now,
                    NameKk = area.Figures.Area.Kk, NameRu = area.Figures.Area.Ru, NameEn = area.Figures.Area.En,
                });
                created++;
            }
            else if (report.Status == ReportStatus.Draft && report.FiguresJson != json)
            {
                // Only the draft as it was read: a report published meanwhile, or redrafted by another pass, is left as it is.
                updated += await db.QuarterlyReports.Where(r => r.Id == report.Id && r.Status == ReportStatus.Draft && r.Revision == report.Revision)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.FiguresJson, json).SetProperty(r => r.Revision, report.Revision + 1).SetProperty(r => r.UpdatedAtUtc, now)
                        .SetProperty(r => r.NameKk, area.Figures.Area.Kk).SetProperty(r => r.NameRu, area.Figures.Area.Ru).SetProperty(r => r.NameEn, area.Figures.Area.En), cancellationToken);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (created > 0 && UniqueViolation.Is(exception))
        {
            // Another pass made some of the same drafts at the same moment; the next pass recomputes them.
            logger.LogWarning(exception, "New drafts of {Quarter} were not saved; another pass may have made them", quarterText);
            db.ChangeTracker.Clear();
            created = 0;
        }
        return new DraftPass(created, updated);
    }

    /// <summary>A report by its address: published ones for anyone, drafts for the staff who may publish them and the beat's inspector. Null: none, or not for this user.</summary>
    public async Task<ReportView?> ReadAsync(Quarter quarter, ReportLevel level, int? id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var key = QuarterlyReport.KeyOf(level, id);
        var quarterText = quarter.ToString();
        var report = await db.QuarterlyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Quarter == quarterText && r.ScopeKey == key, cancellationToken);
        if (report is null) return null;
        if (report.Status != ReportStatus.Published && !await MaySeeDraftAsync(report, user, cancellationToken)) return null;
        return new(report.Id, report.Quarter, report.Level, report.DistrictId, report.BeatId, report.Status, report.Revision,
            report.DraftedAtUtc, report.UpdatedAtUtc, report.PublishedAtUtc, Figures(report.FiguresJson));
    }

    /// <summary>The archive: published reports, newest quarter first, optionally of one quarter or one district (with the city's).</summary>
    public Task<IReadOnlyList<ReportListing>> PublishedAsync(Quarter? quarter, int? districtId, CancellationToken cancellationToken = default)
    {
        var query = db.QuarterlyReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published);
        if (quarter is { } q) query = query.Where(r => r.Quarter == q.ToString());
        if (districtId is { } d) query = query.Where(r => r.DistrictId == d || r.Level == ReportLevel.City);
        return ListAsync(query, cancellationToken);
    }

    /// <summary>The quarters that have published reports, newest first.</summary>
    public async Task<IReadOnlyList<string>> PublishedQuartersAsync(CancellationToken cancellationToken = default) =>
        await db.QuarterlyReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published).Select(r => r.Quarter).Distinct().OrderByDescending(q => q).ToListAsync(cancellationToken);

    /// <summary>The reports of a quarter the user may publish: an administrator all, a supervisor his district's and its beats'.</summary>
    public Task<IReadOnlyList<ReportListing>> ManageableAsync(ClaimsPrincipal user, Quarter quarter, CancellationToken cancellationToken = default)
    {
        var query = db.QuarterlyReports.AsNoTracking().Where(r => r.Quarter == quarter.ToString());
        if (!user.IsInRole(Roles.Admin))
        {
            if (!user.IsInRole(Roles.Supervisor) || ScopeClaims.District(user) is not { } district) return Task.FromResult<IReadOnlyList<ReportListing>>([]);
            query = query.Where(r => r.Level != ReportLevel.City && r.DistrictId == district);
        }
        return ListAsync(query, cancellationToken);
    }

    /// <summary>
    /// Publishes each report if it is still the revision its approver saw, the user may publish
    /// it, and the quarter's records have closed. The change is made only where the row is still
    /// that draft, so two approvers or a recomputation at the same moment cannot publish other figures.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, PublishResult>> PublishAsync(IReadOnlyList<PublishItem> items, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var ids = items.Select(i => i.Id).Distinct().ToList();
        var reports = await db.QuarterlyReports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Quarter, r.Level, r.DistrictId, r.Status, r.Revision }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var today = KazakhstanTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var results = new Dictionary<int, PublishResult>();
        foreach (var item in items.DistinctBy(i => i.Id))
        {
            if (!reports.TryGetValue(item.Id, out var report) || !MayPublish(user, report.Level, report.DistrictId)) { results[item.Id] = PublishResult.NotFound; continue; }
            if (report.Status == ReportStatus.Published) { results[item.Id] = PublishResult.AlreadyPublished; continue; }
            if (!Quarter.TryParse(report.Quarter, out var quarter) || today < PublishableFrom(quarter)) { results[item.Id] = PublishResult.TooEarly; continue; }
            var changed = await db.QuarterlyReports.Where(r => r.Id == item.Id && r.Status == ReportStatus.Draft && r.Revision == item.Revision)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportStatus.Published).SetProperty(r => r.PublishedAtUtc, now).SetProperty(r => r.PublishedByUserId, userId), cancellationToken);
            results[item.Id] = changed == 1 ? PublishResult.Published : PublishResult.Changed;
        }
        return results;
    }

    public static bool MayPublish(ClaimsPrincipal user, ReportLevel level, int? districtId) =>
        level == ReportLevel.City ? user.IsInRole(Roles.Admin) : districtId is { } d && ScopeClaims.ManagesDistrict(user, d);

    private async Task<bool> MaySeeDraftAsync(QuarterlyReport report, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (MayPublish(user, report.Level, report.DistrictId)) return true;
        if (report.Level != ReportLevel.Beat || ScopeClaims.Officer(user) is not { } officer || !user.IsInRole(Roles.Inspector)) return false;
        // The beat's inspector reads his draft before his report meeting.
        return await db.Beats.AnyAsync(b => b.Id == report.BeatId && b.InspectorId == officer, cancellationToken);
    }

    /// <summary>Newest quarter first; in a quarter the city, then each district followed by its beats.</summary>
    private async Task<IReadOnlyList<ReportListing>> ListAsync(IQueryable<QuarterlyReport> reports, CancellationToken cancellationToken)
    {
        var rows = await (from r in reports
                          join d in db.Districts on r.DistrictId equals (int?)d.Id into of
                          from d in of.DefaultIfEmpty()
                          select new { r.Id, r.Quarter, r.Level, r.DistrictId, r.BeatId, r.Status, r.Revision, r.UpdatedAtUtc, r.PublishedAtUtc, r.NameKk, r.NameRu, r.NameEn,
                              DistrictKk = d == null ? null : d.NameKk, DistrictRu = d == null ? null : d.NameRu, DistrictEn = d == null ? null : d.NameEn }).ToListAsync(cancellationToken);
        return rows.Select(r => new ReportListing(r.Id, r.Quarter, r.Level, r.DistrictId, r.BeatId, r.Status, r.Revision, r.UpdatedAtUtc, r.PublishedAtUtc,
                new LocalName(r.NameKk, r.NameRu, r.NameEn), r.DistrictKk is null ? null : new LocalName(r.DistrictKk, r.DistrictRu!, r.DistrictEn!)))
            .OrderByDescending(r => r.Quarter, StringComparer.Ordinal).ThenBy(r => r.Level == ReportLevel.City ? 0 : 1).ThenBy(r => r.DistrictId)
            .ThenBy(r => r.Level == ReportLevel.District ? 0 : 1).ThenBy(r => r.Area.Kk, StringComparer.Ordinal).ToList();
    }

    /// <summary>The figures of every area of the quarter (or of one district and its beats), keyed by <see cref="QuarterlyReport.ScopeKey"/>: see <see cref="QuarterFigures"/>.</summary>
    private Task<IReadOnlyDictionary<string, ComputedArea>> ComputeAsync(Quarter quarter, int? onlyDistrict, CancellationToken cancellationToken) =>
        QuarterFigures.AreasAsync(db, trust, quarter, onlyDistrict, CityName(), cancellationToken);

    /// <summary>The city's name as the site writes it in each language.</summary>
    private LocalName CityName()
    {
        string In(string language)
        {
            using var _ = LocalizationSetup.UseLanguage(language);
            return localizer["Trust.City"];
        }
        return new LocalName(In("kk"), In("ru"), In("en"));
    }
}

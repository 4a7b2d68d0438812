using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Integrations;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Trust;

public enum TrustLevel { City, District, Beat }

/// <summary>The trust index of one area in one quarter: overall and per criterion, with the change against the quarter before.</summary>
public sealed record AreaTrust(
    TrustLevel Level, int? Id, string Name, int Responses, TrustEstimate Overall, IReadOnlyDictionary<TrustCriterion, TrustEstimate> Criteria,
    TrustEstimate PreviousOverall, TrustChange Change, ServiceFigures Service);

/// <summary>How appeals were served in the area in the quarter: decided on time (a share with its Wilson interval) and the applicants' mean rating.</summary>
public sealed record ServiceFigures(int Decided, int DecidedOnTime, double? OnTimeShare, double? OnTimeLow, double? OnTimeHigh, int Ratings, double? MeanRating);

public sealed record TrustReport(string Quarter, AreaTrust City, IReadOnlyList<AreaTrust> Districts, IReadOnlyList<AreaTrust> Beats, IReadOnlyList<TrendPoint> Trend);

public sealed record TrendPoint(string Quarter, TrustEstimate Overall, double? OnTimeShare, double? MeanRating);

/// <summary>A report asked for by someone whose scope decides: the report only when the district exists and is theirs.</summary>
public sealed record ScopedReport(TrustReport? Report, bool Found, bool Allowed);

public sealed record FreeTextAnswer(DateOnly Week, string Beat, string Question, string Text);

/// <summary>
/// Reads the trust index (C8) for the public (city and districts), supervisors (their district's
/// beats) and administrators (all). Each area's respondents are those whose response counts for
/// it: a beat's come from its QR places, its appeals and residents who named it.
/// </summary>
public sealed class TrustQuery(UchastokDbContext db, TrustSettings settings, IMemoryCache cache)
{
    public const int TrendQuarters = 4;
    /// <summary>The public figures are read by anyone, as often as they like; they are recomputed at most this often.</summary>
    public static readonly TimeSpan PublicCacheTime = TimeSpan.FromMinutes(2);

    /// <summary>The city and district figures the public sees, computed once per quarter and language every two minutes.</summary>
    public async Task<TrustReport> PublicReportAsync(Quarter quarter, CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync($"trust:public:{quarter}:{LocalizationSetup.CurrentLanguage}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = PublicCacheTime;
            return ReportAsync(quarter, null, cancellationToken);
        }))!;

    /// <summary>City and districts, and the beats of <paramref name="beatsOfDistrict"/> when given (the caller checks scope).</summary>
    public async Task<TrustReport> ReportAsync(Quarter quarter, int? beatsOfDistrict, CancellationToken cancellationToken = default)
    {
        var shares = settings.Shares();
        var quarters = quarter.Trailing(TrendQuarters);
        var respondents = await RespondentsAsync(quarters.Select(q => q.ToString()).ToList(), cancellationToken);
        var service = await ServiceAsync(quarters[0].First, quarter.Last, cancellationToken);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.NameKk, d.NameRu, d.NameEn }).ToListAsync(cancellationToken);

        var previous = quarter.Previous.ToString();
        var current = quarter.ToString();
        AreaTrust Area(TrustLevel level, int? id, string name, Func<CountedResponse, bool> inArea, Func<ServiceRow, bool> serviceInArea)
        {
            var now = respondents.Where(r => r.Quarter == current && inArea(r)).Select(r => r.Respondent).ToList();
            var before = respondents.Where(r => r.Quarter == previous && inArea(r)).Select(r => r.Respondent).ToList();
            var overall = TrustIndex.Overall(now, shares);
            var previousOverall = TrustIndex.Overall(before, shares);
            return new AreaTrust(level, id, name, now.Count, overall,
                Enum.GetValues<TrustCriterion>().ToDictionary(c => c, c => TrustIndex.Criterion(now, c, shares)),
                previousOverall, TrustIndex.Change(previousOverall, overall), Figures(service.Where(s => quarter.Contains(s.On) && serviceInArea(s))));
        }

        var city = Area(TrustLevel.City, null, "", _ => true, _ => true);
        var districtRows = districts.Select(d => Area(TrustLevel.District, d.Id, LocalizationSetup.Pick(d.NameKk, d.NameRu, d.NameEn), r => r.DistrictId == d.Id, s => s.DistrictId == d.Id)).ToList();
        var beatRows = new List<AreaTrust>();
        if (beatsOfDistrict is { } districtId)
        {
            var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == districtId && b.IsActive).OrderBy(b => b.Number).Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(cancellationToken);
            beatRows.AddRange(beats.Select(b => Area(TrustLevel.Beat, b.Id, b.Name is null ? b.Code : $"{b.Code} {b.Name}", r => r.BeatId == b.Id, s => s.BeatId == b.Id)));
        }
        Func<CountedResponse, bool> trendArea = beatsOfDistrict is { } only ? r => r.DistrictId == only : _ => true;
        Func<ServiceRow, bool> trendService = beatsOfDistrict is { } onlyService ? s => s.DistrictId == onlyService : _ => true;
        var trend = quarters.Select(q =>
        {
            var figures = Figures(service.Where(s => q.Contains(s.On) && trendService(s)));
            return new TrendPoint(q.ToString(), TrustIndex.Overall(respondents.Where(r => r.Quarter == q.ToString() && trendArea(r)).Select(r => r.Respondent).ToList(), shares), figures.OnTimeShare, figures.MeanRating);
        }).ToList();
        return new TrustReport(current, city, districtRows, beatRows, trend);
    }

    /// <summary>
    /// A district's report with its beats, for those who manage the district: <see cref="ScopedReport.Found"/> false when
    /// there is no such district, <see cref="ScopedReport.Allowed"/> false when it is not the user's.
    /// </summary>
    public async Task<ScopedReport> DistrictReportAsync(ClaimsPrincipal user, int districtId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        if (!await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken)) return new(null, Found: false, Allowed: false);
        if (!ScopeClaims.ManagesDistrict(user, districtId)) return new(null, Found: true, Allowed: false);
        return new(await ReportAsync(quarter, districtId, cancellationToken), Found: true, Allowed: true);
    }

    /// <summary>
    /// The overall index of each group of beats (an inspector's beats) in a quarter and the one
    /// before, for the evaluation: the responses of all the beats are read once.
    /// </summary>
    public async Task<IReadOnlyDictionary<TKey, (TrustEstimate Before, TrustEstimate Now)>> BeatsOverallAsync<TKey>(
        IReadOnlyDictionary<TKey, IReadOnlyCollection<int>> beatsByGroup, Quarter quarter, CancellationToken cancellationToken = default) where TKey : notnull
    {
        var shares = settings.Shares();
        var all = beatsByGroup.Values.SelectMany(b => b).Distinct().ToList();
        var respondents = all.Count == 0 ? [] : await RespondentsAsync([quarter.Previous.ToString(), quarter.ToString()], cancellationToken, all);
        TrustEstimate Of(IReadOnlyCollection<int> beats, Quarter q) =>
            TrustIndex.Overall(respondents.Where(r => r.Quarter == q.ToString() && r.BeatId is { } b && beats.Contains(b)).Select(r => r.Respondent).ToList(), shares);
        return beatsByGroup.ToDictionary(g => g.Key, g => (Of(g.Value, quarter.Previous), Of(g.Value, quarter)));
    }

    /// <summary>
    /// Free-text answers of a beat in a quarter, for the supervisor or the beat's inspector, with
    /// e-mails, phone and ID numbers and the names of the district's officers blanked out. Null: not in the user's scope.
    /// </summary>
    public async Task<IReadOnlyList<FreeTextAnswer>?> FreeTextAsync(ClaimsPrincipal user, int beatId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        var beat = await db.Beats.AsNoTracking().Where(b => b.Id == beatId).Select(b => new { b.Id, b.Code, b.DistrictId, b.InspectorId }).SingleOrDefaultAsync(cancellationToken);
        if (beat is null || !ScopeClaims.ServesOrManagesBeat(user, beat.DistrictId, beat.InspectorId)) return null;
        var names = await db.Officers.AsNoTracking().Where(o => o.DistrictId == beat.DistrictId).Select(o => new { o.Surname, o.GivenName, o.Patronymic }).ToListAsync(cancellationToken);
        var redactor = new PublicDisclosure.Redactor(names.SelectMany(n => new[] { n.Surname, n.GivenName, n.Patronymic }));
        var q = quarter.ToString();
        var rows = await (from a in db.SurveyAnswers.AsNoTracking()
                          join r in db.SurveyResponses on a.ResponseId equals r.Id
                          join question in db.SurveyQuestions on a.QuestionId equals question.Id
                          where r.BeatId == beatId && r.Quarter == q && a.Text != null
                          orderby r.SubmittedWeek descending, a.Id descending
                          select new { r.SubmittedWeek, question.TextKk, question.TextRu, question.TextEn, a.Text }).ToListAsync(cancellationToken);
        return rows.Select(r => new FreeTextAnswer(r.SubmittedWeek, beat.Code, LocalizationSetup.Pick(r.TextKk, r.TextRu, r.TextEn), redactor.Redact(r.Text!))).ToList();
    }

    private sealed record CountedResponse(string Quarter, int? BeatId, int? DistrictId, Respondent Respondent);

    internal sealed record ServiceRow(DateOnly On, int? BeatId, int? DistrictId, bool? OnTime, int? Rating);

    private async Task<IReadOnlyList<CountedResponse>> RespondentsAsync(IReadOnlyList<string> quarters, CancellationToken cancellationToken, IReadOnlyCollection<int>? beatIds = null)
    {
        var responses = db.SurveyResponses.AsNoTracking().Where(r => quarters.Contains(r.Quarter));
        if (beatIds is not null) responses = responses.Where(r => r.BeatId != null && beatIds.Contains(r.BeatId.Value));
        var heads = await responses.Select(r => new { r.Id, r.Quarter, r.BeatId, r.DistrictId, r.AgeBand, r.Sex }).ToListAsync(cancellationToken);
        var scores = await (from a in db.SurveyAnswers.AsNoTracking()
                            join q in db.SurveyQuestions on a.QuestionId equals q.Id
                            join r in responses on a.ResponseId equals r.Id
                            where a.Score != null && q.Criterion != null
                            select new { a.ResponseId, Criterion = q.Criterion!.Value, Score = a.Score!.Value }).ToListAsync(cancellationToken);
        var byResponse = scores.GroupBy(s => s.ResponseId).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<TrustCriterion, IReadOnlyList<int>>)g.GroupBy(s => s.Criterion).ToDictionary(c => c.Key, c => (IReadOnlyList<int>)c.Select(s => s.Score).ToList()));
        // A response with no scale answer (only free text or choices) says nothing about the index.
        return heads.Where(h => byResponse.ContainsKey(h.Id)).Select(h => new CountedResponse(h.Quarter, h.BeatId, h.DistrictId,
            new Respondent(byResponse[h.Id], h.AgeBand is { } age && h.Sex is { } sex ? new Stratum(age, sex) : null))).ToList();
    }

    private async Task<IReadOnlyList<ServiceRow>> ServiceAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var decided = await db.Appeals.AsNoTracking().Where(a => a.DecidedOn != null && a.DecidedOn >= first && a.DecidedOn <= last)
            .Select(a => new ServiceRow(a.DecidedOn!.Value, a.BeatId, a.DistrictId, a.DecidedOn <= a.DueDate, null)).ToListAsync(cancellationToken);
        var rated = await (from r in db.AppealRatings.AsNoTracking()
                           join a in db.Appeals on r.AppealId equals a.Id
                           where r.RatedOn >= first && r.RatedOn <= last
                           select new ServiceRow(r.RatedOn, a.BeatId, a.DistrictId, null, r.Overall)).ToListAsync(cancellationToken);
        return [.. decided, .. rated];
    }

    internal static ServiceFigures Figures(IEnumerable<ServiceRow> rows)
    {
        var list = rows.ToList();
        var decided = list.Where(r => r.OnTime is not null).ToList();
        var onTime = decided.Count(r => r.OnTime == true);
        var ratings = list.Where(r => r.Rating is not null).Select(r => r.Rating!.Value).ToList();
        double? share = null, low = null, high = null;
        if (decided.Count > 0) (share, low, high) = TrustIndex.Wilson(onTime, decided.Count);
        return new ServiceFigures(decided.Count, onTime, share, low, high, ratings.Count, ratings.Count == 0 ? null : ratings.Average());
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using static Uchastok.Web.Shared.Web.InputText;

namespace Uchastok.Web.Trust;

/// <summary>How a person reached a survey: the public link, a place's QR code, or the link sent with an appeal's answer.</summary>
public sealed record SurveyEntry(SurveyChannel Channel, string SurveyCode, string? PlaceCode = null, string? AppealToken = null)
{
    /// <summary>A survey's public link, or a place's QR code when the link carries the place (<c>?p=</c>).</summary>
    public static SurveyEntry For(string code, string? place) =>
        string.IsNullOrWhiteSpace(place) ? new(SurveyChannel.Link, code) : new(SurveyChannel.QrCode, code, place.Trim());
}

public sealed record BeatChoice(int Id, string Name, int DistrictId, string District);

/// <summary>A survey as its form shows it, with the place the answers will count for.</summary>
public sealed record SurveyForm(SurveyView Survey, SurveyEntry Entry, string Quarter, string? PlaceName, int? BeatId, string? BeatName, int? DistrictId, string? DistrictName, IReadOnlyList<BeatChoice> Beats);

public sealed record ResponseInput(IReadOnlyDictionary<int, AnswerDraft> Answers, int? BeatId, int? DistrictId, string? AgeBand, string? Sex);

public enum ResponseResult { Done, NotFound, Invalid, AlreadyAnswered }

/// <summary>
/// Takes answers without a login (C8). One response per person per survey and quarter, as far as
/// that can be enforced without knowing who anyone is: a signed cookie says this browser has
/// answered, a rate limit per network address slows anyone clearing it, and an appeal's link works
/// once. Nothing about the sender is stored — no address, no account, no appeal, not even the day.
/// </summary>
public sealed class SurveyResponses(UchastokDbContext db, SurveyResponseGuard guard, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<SurveyResponses> logger)
{
    public Quarter CurrentQuarter => Quarter.Of(KazakhstanTime.Today(clock));

    /// <summary>The form for an entry, or null when the survey is not open, the place is gone, or the appeal's link is spent or unknown.</summary>
    public async Task<SurveyForm?> FormAsync(SurveyEntry entry, CancellationToken cancellationToken = default)
    {
        var target = await ResolveAsync(entry, cancellationToken);
        if (target is null) return null;
        var (survey, place, beatId, districtId) = target.Value;
        string? beatName = null, districtName = null;
        if (beatId is { } b) beatName = await db.Beats.AsNoTracking().Where(x => x.Id == b).Select(x => x.Name ?? x.Code).SingleAsync(cancellationToken);
        if (districtId is { } d)
        {
            var district = await db.Districts.AsNoTracking().Where(x => x.Id == d).Select(x => new { x.NameKk, x.NameRu, x.NameEn }).SingleAsync(cancellationToken);
            districtName = LocalizationSetup.Pick(district.NameKk, district.NameRu, district.NameEn);
        }
        var beats = entry.Channel == SurveyChannel.Link ? await BeatChoicesAsync(cancellationToken) : [];
        return new SurveyForm(SurveyAdministration.View(survey, 0), entry, CurrentQuarter.ToString(),
            place is null ? null : LocalizationSetup.Pick(place.NameKk, place.NameRu, place.NameEn), beatId, beatName, districtId, districtName, beats);
    }

    /// <summary>
    /// Takes one response, from the site or the API alike: refuses it if this browser answered the
    /// survey this quarter, checks every answer, stores it, and marks the browser. The quarter is
    /// read once, so the check, the record and the cookie agree even at midnight on 31 March.
    /// </summary>
    public async Task<(ResponseResult Result, FieldErrors Errors)> RespondAsync(SurveyEntry entry, ResponseInput input, HttpContext http, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var target = await ResolveAsync(entry, cancellationToken);
        if (target is null) return (ResponseResult.NotFound, errors);
        var (survey, place, beatId, districtId) = target.Value;
        var today = KazakhstanTime.Today(clock);
        var quarter = Quarter.Of(today);
        if (guard.HasAnswered(http.Request, survey.Id, quarter)) return (ResponseResult.AlreadyAnswered, errors);

        if (entry.Channel == SurveyChannel.Link)
        {
            // The public link asks where one lives, optionally: a beat (its district follows) or only a district.
            if (input.BeatId is { } chosen)
            {
                var beat = await db.Beats.AsNoTracking().Where(x => x.Id == chosen && x.IsActive).Select(x => new { x.Id, x.DistrictId }).SingleOrDefaultAsync(cancellationToken);
                if (beat is null || (input.DistrictId is { } dd && dd != beat.DistrictId)) errors.Add("beatId", localizer["Survey.BeatUnknown"]);
                else (beatId, districtId) = (beat.Id, beat.DistrictId);
            }
            else if (input.DistrictId is { } chosenDistrict)
            {
                if (await db.Districts.AnyAsync(x => x.Id == chosenDistrict, cancellationToken)) districtId = chosenDistrict;
                else errors.Add("districtId", localizer["Survey.DistrictUnknown"]);
            }
        }

        AgeBand? age = null; Sex? sex = null;
        if (survey.AskDemographics)
        {
            if (!string.IsNullOrWhiteSpace(input.AgeBand)) { if (TryEnum<AgeBand>(input.AgeBand, out var a)) age = a; else errors.Add("ageBand", localizer["Survey.AgeBandUnknown"]); }
            if (!string.IsNullOrWhiteSpace(input.Sex)) { if (TryEnum<Sex>(input.Sex, out var s)) sex = s; else errors.Add("sex", localizer["Survey.SexUnknown"]); }
        }

        var answers = new List<SurveyAnswer>();
        foreach (var question in survey.Questions.OrderBy(q => q.Position))
        {
            var answer = input.Answers.GetValueOrDefault(question.Id);
            var problem = SurveyRules.Check(question.Kind, question.Required, SurveyAdministration.Options(question).Count, answer);
            if (problem != AnswerProblem.None) { errors.Add($"q{question.Id}", localizer[$"Survey.Answer{problem}", SurveyRules.MaxAnswerTextLength]); continue; }
            if (answer is null) continue;
            var stored = question.Kind switch
            {
                QuestionKind.Likert when answer.Score is { } score => new SurveyAnswer { QuestionId = question.Id, Score = score },
                QuestionKind.FreeText when !string.IsNullOrWhiteSpace(answer.Text) => new SurveyAnswer { QuestionId = question.Id, Text = answer.Text.Trim() },
                QuestionKind.SingleChoice or QuestionKind.MultipleChoice when answer.Choices.Count > 0 =>
                    new SurveyAnswer { QuestionId = question.Id, Choices = string.Join(',', answer.Choices.Distinct().Order()) },
                _ => null,
            };
            if (stored is not null) answers.Add(stored);
        }
        if (input.Answers.Keys.Any(id => survey.Questions.All(q => q.Id != id))) errors.Add("answers", localizer["Survey.AnswerUnknownQuestion"]);
        if (errors.Count == 0 && answers.Count == 0) errors.Add("answers", localizer["Survey.AnswerNothing"]);
        if (errors.Count > 0) return (ResponseResult.Invalid, errors);

        if (entry.Channel == SurveyChannel.AfterAppeal)
        {
            // The link's use is claimed first and on its own, so that it shares no transaction (and no moment) with the response.
            db.SurveyTokenUses.Add(new SurveyTokenUse { Hash = TokenUseHash(survey.Id, entry.AppealToken!) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
            {
                db.ChangeTracker.Clear();
                return (ResponseResult.AlreadyAnswered, errors);
            }
        }
        db.SurveyResponses.Add(new SurveyResponse
        {
            SurveyId = survey.Id, Quarter = quarter.ToString(), SubmittedWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), Channel = entry.Channel,
            PlaceId = place?.Id, BeatId = beatId, DistrictId = districtId, Language = LocalizationSetup.CurrentLanguage, AgeBand = age, Sex = sex, Answers = answers,
        });
        await db.SaveChangesAsync(cancellationToken);
        guard.MarkAnswered(http.Response, survey.Id, quarter);
        logger.LogInformation("Survey {Code}: a response by {Channel}", survey.Code, entry.Channel);
        return (ResponseResult.Done, errors);
    }

    private static string TokenUseHash(int surveyId, string token) => Secrets.Hash($"survey:{surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{token}");

    private async Task<(Survey Survey, SurveyPlace? Place, int? BeatId, int? DistrictId)?> ResolveAsync(SurveyEntry entry, CancellationToken cancellationToken)
    {
        var surveys = db.Surveys.AsNoTracking().Include(s => s.Questions).Where(s => s.Status == SurveyStatus.Open);
        switch (entry.Channel)
        {
            case SurveyChannel.AfterAppeal:
            {
                if (string.IsNullOrWhiteSpace(entry.AppealToken) || entry.AppealToken.Length > 100) return null;
                var appeal = await db.Appeals.AsNoTracking().Where(a => a.TrackingTokenHash == Secrets.Hash(entry.AppealToken))
                    .Select(a => new { a.State, a.BeatId, a.DistrictId, a.AboutPoliceOfficer }).SingleOrDefaultAsync(cancellationToken);
                if (appeal is null || appeal.State is not (AppealState.Answered or AppealState.Closed)) return null;
                var survey = await surveys.OrderByDescending(s => s.Id).FirstOrDefaultAsync(s => s.AfterAppeals, cancellationToken);
                if (survey is null) return null;
                var used = TokenUseHash(survey.Id, entry.AppealToken);
                if (await db.SurveyTokenUses.AnyAsync(u => u.Hash == used, cancellationToken)) return null;
                // After a complaint about an officer the answers count for the district only: that officer must not read them as his beat's.
                return (survey, null, appeal.AboutPoliceOfficer ? null : appeal.BeatId, appeal.DistrictId);
            }
            case SurveyChannel.QrCode:
            {
                var place = await db.SurveyPlaces.AsNoTracking().SingleOrDefaultAsync(p => p.Code == entry.PlaceCode && p.IsActive, cancellationToken);
                var survey = place is null ? null : await surveys.SingleOrDefaultAsync(s => s.Code == entry.SurveyCode, cancellationToken);
                return survey is null ? null : (survey, place, place!.BeatId, place.DistrictId);
            }
            default:
            {
                var survey = await surveys.SingleOrDefaultAsync(s => s.Code == entry.SurveyCode, cancellationToken);
                return survey is null ? null : (survey, null, null, null);
            }
        }
    }

    private async Task<IReadOnlyList<BeatChoice>> BeatChoicesAsync(CancellationToken cancellationToken)
    {
        var rows = await (from b in db.Beats.AsNoTracking()
                          join d in db.Districts on b.DistrictId equals d.Id
                          where b.IsActive
                          orderby d.Id, b.Number
                          select new { b.Id, b.Code, b.Name, b.DistrictId, d.NameKk, d.NameRu, d.NameEn }).ToListAsync(cancellationToken);
        return rows.Select(r => new BeatChoice(r.Id, r.Name is null ? r.Code : $"{r.Code} {r.Name}", r.DistrictId, LocalizationSetup.Pick(r.NameKk, r.NameRu, r.NameEn))).ToList();
    }
}

/// <summary>
/// The signed cookie that says "this browser answered this survey this quarter". It holds the
/// survey and the quarter only, encrypted and signed with Data Protection so it cannot be forged
/// for another survey; it expires when the quarter ends.
/// </summary>
public sealed class SurveyResponseGuard(IDataProtectionProvider protection)
{
    private const string Purpose = "Uchastok.Trust.SurveyAnswered";
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public static string CookieName(int surveyId) => $"uchastok.survey.{surveyId}";

    public bool HasAnswered(HttpRequest request, int surveyId, Quarter quarter)
    {
        if (!request.Cookies.TryGetValue(CookieName(surveyId), out var value)) return false;
        try
        {
            return _protector.Unprotect(value) == $"{surveyId}:{quarter}";
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public void MarkAnswered(HttpResponse response, int surveyId, Quarter quarter) =>
        response.Cookies.Append(CookieName(surveyId), _protector.Protect($"{surveyId}:{quarter}"), new CookieOptions
        {
            HttpOnly = true, Secure = response.HttpContext.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/",
            Expires = new DateTimeOffset(quarter.Last.ToDateTime(new TimeOnly(23, 59)), KazakhstanTime.Offset),
        });
}

public sealed class TrustSettings
{
    /// <summary>Survey responses one network address may send per hour before it is refused (429).</summary>
    public int ResponsesPerNetworkPerHour { get; set; } = 60;
    /// <summary>Population shares per age band and sex (they need not sum to 1), to post-stratify the trust index; empty: unweighted.</summary>
    public List<PopulationShare> PopulationShares { get; set; } = [];

    public IReadOnlyDictionary<Stratum, double>? Shares() =>
        PopulationShares.Count == 0 ? null : PopulationShares.GroupBy(s => new Stratum(s.AgeBand, s.Sex)).ToDictionary(g => g.Key, g => g.Sum(s => s.Share));

    public static TrustSettings From(IConfiguration configuration) => configuration.GetSection("Trust").Get<TrustSettings>() ?? new();
}

public sealed record PopulationShare(AgeBand AgeBand, Sex Sex, double Share);

/// <summary>Survey answers: clearing cookies buys little against the one-response rule.</summary>
public sealed class SurveyRateLimitPolicy(TrustSettings settings, IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer)
{
    public const string Name = "survey-responses";

    protected override int PermitsPerHour => settings.ResponsesPerNetworkPerHour;

    protected override string RefusalKey => "Survey.TooManyResponses";
}

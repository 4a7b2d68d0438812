using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using static Uchastok.Web.Shared.Web.InputText;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Trust;

public sealed record SurveyInput(string? Code, string? TitleKk, string? TitleRu, string? TitleEn, string? IntroKk, string? IntroRu, string? IntroEn, bool AskDemographics, bool UseStandardQuestions = false);

public sealed record OptionInput(string? Kk, string? Ru, string? En);

public sealed record QuestionInput(string? Kind, string? TextKk, string? TextRu, string? TextEn, string? Criterion, string? Dimension, bool Required, IReadOnlyList<OptionInput>? Options);

public sealed record PlaceInput(string? Kind, string? NameKk, string? NameRu, string? NameEn, int? BeatId);

public sealed record QuestionView(int Id, int Position, string Kind, string Text, string TextKk, string TextRu, string TextEn, string? Criterion, string? Dimension, bool Required, IReadOnlyList<string> Options);

public sealed record SurveyView(int Id, string Code, string Title, string TitleKk, string TitleRu, string TitleEn, string? Intro, string Status, bool AskDemographics, bool AfterAppeals, int Responses, IReadOnlyList<QuestionView> Questions);

public sealed record PlaceView(int Id, string Code, string Kind, string Name, string NameKk, string NameRu, string NameEn, int BeatId, string Beat, int DistrictId, bool IsActive);

public enum SurveyChangeResult { Done, NotFound, Invalid, NotDraft }

/// <summary>
/// Administrators build questionnaires in the three languages, open and close them, choose the one
/// sent after appeals, and keep the places QR posters hang (C8). An open survey's questions are
/// fixed, so that every answer in a quarter answers the same questions.
/// </summary>
public sealed partial class SurveyAdministration(UchastokDbContext db, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<SurveyAdministration> logger)
{
    public async Task<IReadOnlyList<SurveyView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Questions).OrderByDescending(s => s.Status == SurveyStatus.Open).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
        var counts = await db.SurveyResponses.AsNoTracking().GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return surveys.Select(s => View(s, counts.GetValueOrDefault(s.Id))).ToList();
    }

    public async Task<SurveyView?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return survey is null ? null : View(survey, await db.SurveyResponses.CountAsync(r => r.SurveyId == id, cancellationToken));
    }

    public async Task<(SurveyView? Survey, FieldErrors Errors)> CreateAsync(SurveyInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var code = input.Code?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!CodePattern().IsMatch(code)) errors.Add("code", localizer["Survey.CodeInvalid"]);
        else if (await db.Surveys.AnyAsync(s => s.Code == code, cancellationToken)) errors.Add("code", localizer["Survey.CodeTaken"]);
        var title = input.UseStandardQuestions && new Trilingual(input.TitleKk, input.TitleRu, input.TitleEn) is { Complete: false } ? StandardQuestionnaire.Title : new Trilingual(input.TitleKk?.Trim(), input.TitleRu?.Trim(), input.TitleEn?.Trim());
        if (!title.Complete) errors.Add("title", localizer["Survey.TitleRequired"]);
        else if (title.LongestLength > SurveyRules.MaxTitleLength) errors.Add("title", localizer["Appeal.TextTooLong", SurveyRules.MaxTitleLength]);
        var intro = input.UseStandardQuestions && string.IsNullOrWhiteSpace(input.IntroKk + input.IntroRu + input.IntroEn) ? StandardQuestionnaire.Intro : new Trilingual(input.IntroKk?.Trim(), input.IntroRu?.Trim(), input.IntroEn?.Trim());
        if (intro.LongestLength > SurveyRules.MaxQuestionLength * 2) errors.Add("intro", localizer["Appeal.TextTooLong", SurveyRules.MaxQuestionLength * 2]);
        if (errors.Count > 0) return (null, errors);

        var survey = new Survey
        {
            Code = code, TitleKk = title.Kk!, TitleRu = title.Ru!, TitleEn = title.En!, IntroKk = Blank(intro.Kk), IntroRu = Blank(intro.Ru), IntroEn = Blank(intro.En),
            AskDemographics = input.AskDemographics || input.UseStandardQuestions, Status = SurveyStatus.Draft, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (input.UseStandardQuestions)
            survey.Questions.AddRange(StandardQuestionnaire.Questions.Select((q, i) => Entity(q, i + 1)));
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Survey {Code} made by {User}", code, user.FindFirstValue(ClaimTypes.NameIdentifier));
        return (View(survey, 0), errors);
    }

    public async Task<(SurveyChangeResult Result, FieldErrors Errors)> AddQuestionAsync(int surveyId, QuestionInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var survey = await db.Surveys.Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null) return (SurveyChangeResult.NotFound, errors);
        if (survey.Status != SurveyStatus.Draft) return (SurveyChangeResult.NotDraft, errors);
        if (survey.Questions.Count >= SurveyRules.MaxQuestions) { errors.Add("kind", localizer["Survey.TooManyQuestions", SurveyRules.MaxQuestions]); return (SurveyChangeResult.Invalid, errors); }

        if (!TryEnum<QuestionKind>(input.Kind, out var kind)) errors.Add("kind", localizer["Survey.KindRequired"]);
        TrustCriterion? criterion = null; ProceduralJustice? dimension = null;
        if (!string.IsNullOrWhiteSpace(input.Criterion)) { if (TryEnum<TrustCriterion>(input.Criterion, out var c)) criterion = c; else errors.Add("criterion", localizer["Survey.CriterionUnknown"]); }
        if (!string.IsNullOrWhiteSpace(input.Dimension)) { if (TryEnum<ProceduralJustice>(input.Dimension, out var d)) dimension = d; else errors.Add("dimension", localizer["Survey.DimensionUnknown"]); }
        if (errors.Count > 0) return (SurveyChangeResult.Invalid, errors);

        var draft = new QuestionDraft(kind, new(input.TextKk?.Trim(), input.TextRu?.Trim(), input.TextEn?.Trim()), criterion, dimension, input.Required,
            (input.Options ?? []).Where(o => !string.IsNullOrWhiteSpace(o.Kk + o.Ru + o.En)).Select(o => new Trilingual(o.Kk?.Trim(), o.Ru?.Trim(), o.En?.Trim())).ToList());
        var problem = SurveyRules.Check(draft);
        if (problem != QuestionProblem.None)
        {
            var field = problem switch
            {
                QuestionProblem.TextMissing or QuestionProblem.TextTooLong => "text",
                QuestionProblem.CriterionMissing or QuestionProblem.TagOnNonScale => "criterion",
                _ => "options",
            };
            errors.Add(field, localizer[$"Survey.{problem}", SurveyRules.MaxQuestionLength, SurveyRules.MinOptions, SurveyRules.MaxOptions, SurveyRules.MaxOptionLength]);
            return (SurveyChangeResult.Invalid, errors);
        }
        survey.Questions.Add(Entity(draft, survey.Questions.Count == 0 ? 1 : survey.Questions.Max(q => q.Position) + 1));
        await db.SaveChangesAsync(cancellationToken);
        return (SurveyChangeResult.Done, errors);
    }

    public async Task<SurveyChangeResult> RemoveQuestionAsync(int surveyId, int questionId, CancellationToken cancellationToken = default)
    {
        var survey = await db.Surveys.Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        var question = survey?.Questions.SingleOrDefault(q => q.Id == questionId);
        if (survey is null || question is null) return SurveyChangeResult.NotFound;
        if (survey.Status != SurveyStatus.Draft) return SurveyChangeResult.NotDraft;
        survey.Questions.Remove(question);
        await db.SaveChangesAsync(cancellationToken);
        return SurveyChangeResult.Done;
    }

    /// <summary>Open (from draft or closed), close, or make it the after-appeal survey (only one is).</summary>
    public async Task<(SurveyChangeResult Result, FieldErrors Errors)> SetStatusAsync(int surveyId, string? status, bool? afterAppeals, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var survey = await db.Surveys.Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null) return (SurveyChangeResult.NotFound, errors);
        if (status is not null)
        {
            if (!TryEnum<SurveyStatus>(status, out var target) || target == SurveyStatus.Draft) { errors.Add("status", localizer["Survey.StatusUnknown"]); return (SurveyChangeResult.Invalid, errors); }
            if (target == SurveyStatus.Open && survey.Questions.Count == 0) { errors.Add("status", localizer["Survey.NoQuestions"]); return (SurveyChangeResult.Invalid, errors); }
            survey.Status = target;
        }
        if (afterAppeals is { } after)
        {
            if (after && survey.Status != SurveyStatus.Open) { errors.Add("afterAppeals", localizer["Survey.AfterAppealsNeedsOpen"]); return (SurveyChangeResult.Invalid, errors); }
            if (after) await db.Surveys.Where(s => s.Id != surveyId && s.AfterAppeals).ExecuteUpdateAsync(u => u.SetProperty(s => s.AfterAppeals, false), cancellationToken);
            survey.AfterAppeals = after;
        }
        if (survey.Status != SurveyStatus.Open) survey.AfterAppeals = false;
        await db.SaveChangesAsync(cancellationToken);
        // Two administrators choosing at once could both set the flag; the last one chosen keeps it, and readers take the newest anyway.
        if (survey.AfterAppeals) await db.Surveys.Where(s => s.Id != surveyId && s.AfterAppeals).ExecuteUpdateAsync(u => u.SetProperty(s => s.AfterAppeals, false), cancellationToken);
        return (SurveyChangeResult.Done, errors);
    }

    public async Task<IReadOnlyList<PlaceView>> PlacesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (from p in db.SurveyPlaces.AsNoTracking()
                          join b in db.Beats on p.BeatId equals b.Id
                          orderby p.DistrictId, b.Number, p.Id
                          select new { p, b.Code }).ToListAsync(cancellationToken);
        return rows.Select(r => PlaceView(r.p, r.Code)).ToList();
    }

    public async Task<(PlaceView? Place, FieldErrors Errors)> AddPlaceAsync(PlaceInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (!TryEnum<SurveyPlaceKind>(input.Kind, out var kind)) errors.Add("kind", localizer["Survey.PlaceKindRequired"]);
        var name = new Trilingual(input.NameKk?.Trim(), input.NameRu?.Trim(), input.NameEn?.Trim());
        if (!name.Complete) errors.Add("name", localizer["Survey.PlaceNameRequired"]);
        else if (name.LongestLength > SurveyRules.MaxTitleLength) errors.Add("name", localizer["Appeal.TextTooLong", SurveyRules.MaxTitleLength]);
        var beat = input.BeatId is { } beatId ? await db.Beats.AsNoTracking().Where(b => b.Id == beatId && b.IsActive).Select(b => new { b.Id, b.Code, b.DistrictId }).SingleOrDefaultAsync(cancellationToken) : null;
        if (beat is null) errors.Add("beatId", localizer["Survey.PlaceBeatRequired"]);
        if (errors.Count > 0) return (null, errors);

        var place = new SurveyPlace
        {
            // Eight random URL-safe characters (48 bits): short enough to type from a poster, too many to guess a place's link.
            Code = Shared.Security.Secrets.New()[..8], Kind = kind, NameKk = name.Kk!, NameRu = name.Ru!, NameEn = name.En!,
            BeatId = beat!.Id, DistrictId = beat.DistrictId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.SurveyPlaces.Add(place);
        await db.SaveChangesAsync(cancellationToken);
        return (PlaceView(place, beat.Code), errors);
    }

    public async Task<bool> SetPlaceActiveAsync(int id, bool active, CancellationToken cancellationToken = default) =>
        await db.SurveyPlaces.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.IsActive, active), cancellationToken) > 0;

    /// <summary>The place and the survey a QR poster is for, read as they are (either may be missing).</summary>
    public async Task<(SurveyPlace? Place, Survey? Survey)> PosterSubjectAsync(int placeId, string? surveyCode, CancellationToken cancellationToken = default)
    {
        var place = await db.SurveyPlaces.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, cancellationToken);
        if (place is null) return (null, null);
        return (place, await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Code == surveyCode, cancellationToken));
    }

    /// <summary>Options are kept as readable JSON: Kazakh and Russian letters as they are, not as \u escapes six times longer.</summary>
    private static readonly JsonSerializerOptions OptionsJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static SurveyQuestion Entity(QuestionDraft draft, int position) => new()
    {
        Position = position, Kind = draft.Kind, TextKk = draft.Text.Kk!, TextRu = draft.Text.Ru!, TextEn = draft.Text.En!,
        Criterion = draft.Criterion, Dimension = draft.Dimension, Required = draft.Required,
        OptionsJson = draft.Options.Count == 0 ? null : JsonSerializer.Serialize(draft.Options.Select(o => new OptionInput(o.Kk, o.Ru, o.En)), OptionsJson),
    };

    internal static IReadOnlyList<OptionInput> Options(SurveyQuestion question) =>
        question.OptionsJson is null ? [] : JsonSerializer.Deserialize<List<OptionInput>>(question.OptionsJson) ?? [];

    internal static string Pick(OptionInput option) => LocalizationSetup.Pick(option.Kk ?? "", option.Ru ?? "", option.En ?? "");

    internal static SurveyView View(Survey s, int responses) => new(
        s.Id, s.Code, LocalizationSetup.Pick(s.TitleKk, s.TitleRu, s.TitleEn), s.TitleKk, s.TitleRu, s.TitleEn,
        LocalizationSetup.Pick(s.IntroKk ?? "", s.IntroRu ?? "", s.IntroEn ?? "") is { Length: > 0 } intro ? intro : null,
        s.Status.ToString(), s.AskDemographics, s.AfterAppeals, responses,
        s.Questions.OrderBy(q => q.Position).Select(q => new QuestionView(q.Id, q.Position, q.Kind.ToString(), LocalizationSetup.Pick(q.TextKk, q.TextRu, q.TextEn), q.TextKk, q.TextRu, q.TextEn,
            q.Criterion?.ToString(), q.Dimension?.ToString(), q.Required, Options(q).Select(Pick).ToList())).ToList());

    private static PlaceView PlaceView(SurveyPlace p, string beat) =>
        new(p.Id, p.Code, p.Kind.ToString(), LocalizationSetup.Pick(p.NameKk, p.NameRu, p.NameEn), p.NameKk, p.NameRu, p.NameEn, p.BeatId, beat, p.DistrictId, p.IsActive);


    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

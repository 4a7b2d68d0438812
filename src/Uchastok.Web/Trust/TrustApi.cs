using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Trust;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Documents;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Trust;

public sealed record AnswerRequest(int QuestionId, int? Score, IReadOnlyList<int>? Choices, string? Text);

public sealed record ResponseRequest(IReadOnlyList<AnswerRequest>? Answers, int? BeatId, int? DistrictId, string? AgeBand, string? Sex)
{
    /// <summary>The answers by question (a question answered twice keeps the last), as the response rules read them.</summary>
    public ResponseInput ToInput()
    {
        var answers = new Dictionary<int, AnswerDraft>();
        foreach (var a in Answers ?? []) answers[a.QuestionId] = new AnswerDraft(a.Score, a.Choices ?? [], a.Text);
        return new ResponseInput(answers, BeatId, DistrictId, AgeBand, Sex);
    }
}

public sealed record StatusRequest(string? Status, bool? AfterAppeals);

public sealed record PlaceActiveRequest(bool Active);

/// <summary>A response was counted, in this quarter.</summary>
public sealed record SurveyAnswered(string Quarter);

/// <summary>An estimate as the API writes it: the status in words, the numbers rounded to a tenth, none when suppressed.</summary>
public sealed record EstimateView(string Status, int Responses, double? Score, double? Low, double? High, bool Weighted)
{
    public static EstimateView Of(TrustEstimate e) => new(e.Status.ToString(), e.Responses, Round(e.Score), Round(e.Low), Round(e.High), e.Weighted);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}

public sealed record AreaTrustView(string Level, int? Id, string Name, int Responses, EstimateView Overall, IReadOnlyDictionary<string, EstimateView> Criteria, EstimateView PreviousOverall, string Change, ServiceFigures Service)
{
    public static AreaTrustView Of(AreaTrust a) => new(a.Level.ToString(), a.Id, a.Name, a.Responses, EstimateView.Of(a.Overall),
        a.Criteria.ToDictionary(c => c.Key.ToString(), c => EstimateView.Of(c.Value)), EstimateView.Of(a.PreviousOverall), a.Change.ToString(), a.Service);
}

/// <summary>One quarter of the trend: the overall index and the service figures.</summary>
public sealed record TrendPointView(string Quarter, EstimateView Overall, double? OnTimeShare, double? MeanRating)
{
    public static TrendPointView Of(TrendPoint t) => new(t.Quarter, EstimateView.Of(t.Overall), t.OnTimeShare, t.MeanRating);
}

public sealed record TrustReportView(string Quarter, AreaTrustView City, IReadOnlyList<AreaTrustView> Districts, IReadOnlyList<AreaTrustView> Beats, IReadOnlyList<TrendPointView> Trend)
{
    public static TrustReportView Of(TrustReport r, bool withBeats) => new(r.Quarter, AreaTrustView.Of(r.City), r.Districts.Select(AreaTrustView.Of).ToList(),
        withBeats ? r.Beats.Select(AreaTrustView.Of).ToList() : [], r.Trend.Select(TrendPointView.Of).ToList());
}

/// <summary>
/// The trust API (C8): questionnaires and QR places for administrators, the anonymous survey form
/// and its answer, and the index for the public, supervisors and inspectors.
/// </summary>
public static class TrustApi
{
    public static IEndpointRouteBuilder MapTrustApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/surveys").RequireAuthorization(Policies.Admin).WithTags("Trust");
        admin.MapGet(string.Empty, ListSurveysAsync).WithSummary("Questionnaires with their questions and response counts.");
        admin.MapPost(string.Empty, CreateSurveyAsync).WithSummary("Make a questionnaire (a draft), empty or from the standard trust questions.");
        admin.MapGet("/{id:int}", GetSurveyAsync).WithSummary("A questionnaire with its questions and response count.");
        admin.MapPost("/{id:int}/questions", AddQuestionAsync).WithSummary("Add a question to a draft.");
        admin.MapDelete("/{id:int}/questions/{questionId:int}", RemoveQuestionAsync).WithSummary("Remove a question from a draft.");
        admin.MapPost("/{id:int}/status", SetStatusAsync).WithSummary("Open or close a survey; make it the one sent after appeals.");

        var places = app.MapGroup("/api/v1/admin/survey-places").RequireAuthorization(Policies.Admin).WithTags("Trust");
        places.MapGet(string.Empty, ListPlacesAsync).WithSummary("The places QR posters hang, with their beats.");
        places.MapPost(string.Empty, AddPlaceAsync).WithSummary("A place a QR poster hangs; its answers count for its beat.");
        places.MapPost("/{id:int}/active", SetPlaceActiveAsync).WithSummary("Take a place out of use, or back into it.");
        places.MapGet("/{id:int}/qr.png", QrCodeAsync).ProducesFile("image/png")
            .WithSummary("The place's QR code for a survey, as a PNG.");
        places.MapGet("/{id:int}/poster.pdf", PosterAsync).ProducesFile("application/pdf")
            .WithSummary("An A4 poster with the QR code, in Kazakh, Russian and English.");

        var open = app.MapGroup("/api/v1/surveys").AllowAnonymous().WithTags("Trust");
        open.MapGet("/{code}", FormAsync).WithSummary("An open survey's questions in the request's language; with p, the place of a QR code.");
        open.MapPost("/{code}/responses", RespondAsync).RequireRateLimiting(SurveyRateLimitPolicy.Name)
            .WithSummary("Answer a survey without signing in: once per survey and quarter from a browser; rate-limited per network.");

        var trust = app.MapGroup("/api/v1/trust").WithTags("Trust");
        trust.MapGet(string.Empty, PublicReportAsync).AllowAnonymous()
            .WithSummary("The public figures: city and districts, with 95 % intervals; none under 30 responses.");
        trust.MapGet("/districts/{id:int}", DistrictReportAsync).RequireAuthorization(Policies.TerritoryManagers)
            .WithSummary("A district's beats: trust, ratings and on-time answers.");
        trust.MapGet("/beats/{id:int}/free-text", FreeTextAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("A beat's free-text answers with personal data blanked out: its inspector, the district's supervisor, administrators.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SurveyView>>> ListSurveysAsync(SurveyAdministration administration, CancellationToken cancellationToken) =>
        TypedResults.Ok(await administration.ListAsync(cancellationToken));

    private static async Task<Results<Created<SurveyView>, ValidationProblem>> CreateSurveyAsync(
        SurveyInput body, ClaimsPrincipal user, SurveyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (survey, errors) = await administration.CreateAsync(body, user, cancellationToken);
        return survey is null ? Problems.Validation(localizer, errors) : TypedResults.Created($"/api/v1/admin/surveys/{survey.Id}", survey);
    }

    private static async Task<Results<Ok<SurveyView>, ProblemHttpResult>> GetSurveyAsync(
        int id, SurveyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await administration.GetAsync(id, cancellationToken) is { } survey ? TypedResults.Ok(survey) : Problems.NotFound(localizer, "Survey.NotFound");

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> AddQuestionAsync(
        int id, QuestionInput body, SurveyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Change(await administration.AddQuestionAsync(id, body, cancellationToken), localizer);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RemoveQuestionAsync(
        int id, int questionId, SurveyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Change((await administration.RemoveQuestionAsync(id, questionId, cancellationToken), new()), localizer);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SetStatusAsync(
        int id, StatusRequest body, SurveyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Change(await administration.SetStatusAsync(id, body.Status, body.AfterAppeals, cancellationToken), localizer);

    private static async Task<Ok<IReadOnlyList<PlaceView>>> ListPlacesAsync(SurveyAdministration administration, CancellationToken cancellationToken) =>
        TypedResults.Ok(await administration.PlacesAsync(cancellationToken));

    private static async Task<Results<Created<PlaceView>, ValidationProblem>> AddPlaceAsync(
        PlaceInput body, SurveyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (place, errors) = await administration.AddPlaceAsync(body, cancellationToken);
        return place is null ? Problems.Validation(localizer, errors) : TypedResults.Created($"/api/v1/admin/survey-places/{place.Id}", place);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetPlaceActiveAsync(
        int id, PlaceActiveRequest body, SurveyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await administration.SetPlaceActiveAsync(id, body.Active, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound(localizer, "Survey.PlaceNotFound");

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> QrCodeAsync(
        int id, string? survey, SurveyAdministration administration, SurveyPosters posters, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PosterFileAsync(id, survey, administration, posters, localizer, pdf: false, cancellationToken);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> PosterAsync(
        int id, string? survey, SurveyAdministration administration, SurveyPosters posters, IStringLocalizer<SharedResource> localizer,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        PdfFonts.Install(configuration["Documents:FontDirectory"]);
        return PosterFileAsync(id, survey, administration, posters, localizer, pdf: true, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PosterFileAsync(
        int placeId, string? surveyCode, SurveyAdministration administration, SurveyPosters posters, IStringLocalizer localizer, bool pdf, CancellationToken cancellationToken)
    {
        var (place, survey) = await administration.PosterSubjectAsync(placeId, surveyCode, cancellationToken);
        if (place is null) return Problems.NotFound(localizer, "Survey.PlaceNotFound");
        if (survey is null) return Problems.NotFound(localizer, "Survey.NotFound");
        var link = posters.Link(survey.Code, place.Code);
        var name = string.Create(CultureInfo.InvariantCulture, $"survey-{survey.Code}-{place.Code}");
        return pdf
            ? TypedResults.File(SurveyPosters.Pdf(survey, place, link), "application/pdf", name + ".pdf")
            : TypedResults.File(SurveyPosters.Png(link), "image/png", name + ".png");
    }

    private static async Task<Results<Ok<SurveyForm>, ProblemHttpResult>> FormAsync(
        string code, [FromQuery(Name = "p")] string? place, SurveyResponses responses, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await responses.FormAsync(SurveyEntry.For(code, place), cancellationToken) is { } form ? TypedResults.Ok(form) : Problems.NotFound(localizer, "Survey.NotOpen");

    private static async Task<Results<Created<SurveyAnswered>, ProblemHttpResult, ValidationProblem>> RespondAsync(
        string code, [FromQuery(Name = "p")] string? place, ResponseRequest body, HttpContext http, SurveyResponses responses,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var input = body.ToInput();
        var (result, errors) = await responses.RespondAsync(SurveyEntry.For(code, place), input, http, cancellationToken);
        return result switch
        {
            ResponseResult.Done => TypedResults.Created((string?)null, new SurveyAnswered(responses.CurrentQuarter.ToString())),
            ResponseResult.AlreadyAnswered => Problems.Status(localizer, StatusCodes.Status409Conflict, "Survey.AlreadyAnswered"),
            ResponseResult.Invalid => Problems.Validation(localizer, errors),
            _ => Problems.NotFound(localizer, "Survey.NotOpen"),
        };
    }

    private static async Task<Results<Ok<TrustReportView>, ProblemHttpResult>> PublicReportAsync(
        string? quarter, TrustQuery query, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        QuarterQuery.Parse(quarter, clock) is { } asked
            ? TypedResults.Ok(TrustReportView.Of(await query.PublicReportAsync(asked, cancellationToken), withBeats: false))
            : Problems.BadRequest(localizer, "Trust.QuarterInvalid");

    private static async Task<Results<Ok<TrustReportView>, ProblemHttpResult, ForbidHttpResult>> DistrictReportAsync(
        int id, string? quarter, ClaimsPrincipal user, TrustQuery query, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(quarter, clock) is not { } asked) return Problems.BadRequest(localizer, "Trust.QuarterInvalid");
        var scoped = await query.DistrictReportAsync(user, id, asked, cancellationToken);
        if (!scoped.Found) return Problems.NotFound(localizer, "Territory.DistrictNotFound");
        if (!scoped.Allowed) return TypedResults.Forbid();
        return TypedResults.Ok(TrustReportView.Of(scoped.Report!, withBeats: true));
    }

    private static async Task<Results<Ok<IReadOnlyList<FreeTextAnswer>>, ProblemHttpResult>> FreeTextAsync(
        int id, string? quarter, ClaimsPrincipal user, TrustQuery query, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(quarter, clock) is not { } asked) return Problems.BadRequest(localizer, "Trust.QuarterInvalid");
        return await query.FreeTextAsync(user, id, asked, cancellationToken) is { } answers ? TypedResults.Ok(answers) : Problems.NotFound(localizer, "Territory.BeatNotFound");
    }

    private static Results<NoContent, ProblemHttpResult, ValidationProblem> Change((SurveyChangeResult Result, FieldErrors Errors) outcome, IStringLocalizer localizer) => outcome.Result switch
    {
        SurveyChangeResult.Done => TypedResults.NoContent(),
        SurveyChangeResult.NotFound => Problems.NotFound(localizer, "Survey.NotFound"),
        SurveyChangeResult.NotDraft => Problems.Status(localizer, StatusCodes.Status409Conflict, "Survey.NotDraft"),
        _ => Problems.Validation(localizer, outcome.Errors),
    };
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Trust;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Documents;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Accounts;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Trust;

public sealed record AnswerRequest(int QuestionId, int? Score, IReadOnlyList<int>? Choices, string? Text);

public sealed record ResponseRequest(IReadOnlyList<AnswerRequest>? Answers, int? BeatId, int? DistrictId, string? AgeBand, string? Sex);

public sealed record StatusRequest(string? Status, bool? AfterAppeals);

public sealed record PlaceActiveRequest(bool Active);

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

public sealed record TrustReportView(string Quarter, AreaTrustView City, IReadOnlyList<AreaTrustView> Districts, IReadOnlyList<AreaTrustView> Beats, IReadOnlyList<object> Trend)
{
    public static TrustReportView Of(TrustReport r, bool withBeats) => new(r.Quarter, AreaTrustView.Of(r.City), r.Districts.Select(AreaTrustView.Of).ToList(),
        withBeats ? r.Beats.Select(AreaTrustView.Of).ToList() : [], r.Trend.Select(t => (object)new { t.Quarter, Overall = EstimateView.Of(t.Overall), t.OnTimeShare, t.MeanRating }).ToList());
}

/// <summary>Trust and service quality (C8): surveys and their channels, the trust index, its dashboards.</summary>
public static class TrustModule
{
    public static IServiceCollection AddTrust(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TrustSettings.From(configuration));
        services.AddSingleton<SurveyResponseGuard>();
        services.AddSingleton<SurveyPosters>();
        services.AddScoped<SurveyAdministration>();
        services.AddScoped<SurveyResponses>();
        services.AddScoped<IAfterAppealSurvey, AfterAppealSurvey>();
        services.AddMemoryCache();
        services.AddScoped<TrustQuery>();
        services.AddRateLimiter(options => options.AddPolicy<string, SurveyRateLimitPolicy>(SurveyRateLimitPolicy.Name));
        return services;
    }

    /// <summary>The quarter asked for ("2026-Q4"), the current one when none is; null when it cannot be read.</summary>
    public static IEndpointRouteBuilder MapTrustApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/surveys").RequireAuthorization(Policies.Admin).WithTags("Trust");
        admin.MapGet(string.Empty, (SurveyAdministration a, CancellationToken ct) => a.ListAsync(ct)).WithSummary("Questionnaires with their questions and response counts.");
        admin.MapPost(string.Empty, async (SurveyInput body, HttpContext http, SurveyAdministration a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (survey, errors) = await a.CreateAsync(body, http.User, ct);
            return survey is null ? (IResult)Problems.Validation(l, errors) : TypedResults.Created($"/api/v1/admin/surveys/{survey.Id}", survey);
        }).WithSummary("Make a questionnaire (a draft), empty or from the standard trust questions.");
        admin.MapGet("/{id:int}", async (int id, SurveyAdministration a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await a.GetAsync(id, ct) is { } s ? (IResult)TypedResults.Ok(s) : Problems.NotFound(l, "Survey.NotFound"));
        admin.MapPost("/{id:int}/questions", async (int id, QuestionInput body, SurveyAdministration a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Change(await a.AddQuestionAsync(id, body, ct), l)).WithSummary("Add a question to a draft.");
        admin.MapDelete("/{id:int}/questions/{questionId:int}", async (int id, int questionId, SurveyAdministration a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Change((await a.RemoveQuestionAsync(id, questionId, ct), new()), l)).WithSummary("Remove a question from a draft.");
        admin.MapPost("/{id:int}/status", async (int id, StatusRequest body, SurveyAdministration a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Change(await a.SetStatusAsync(id, body.Status, body.AfterAppeals, ct), l)).WithSummary("Open or close a survey; make it the one sent after appeals.");

        var places = app.MapGroup("/api/v1/admin/survey-places").RequireAuthorization(Policies.Admin).WithTags("Trust");
        places.MapGet(string.Empty, (SurveyAdministration a, CancellationToken ct) => a.PlacesAsync(ct));
        places.MapPost(string.Empty, async (PlaceInput body, SurveyAdministration a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (place, errors) = await a.AddPlaceAsync(body, ct);
            return place is null ? (IResult)Problems.Validation(l, errors) : TypedResults.Created($"/api/v1/admin/survey-places/{place.Id}", place);
        }).WithSummary("A place a QR poster hangs; its answers count for its beat.");
        places.MapPost("/{id:int}/active", async (int id, PlaceActiveRequest body, SurveyAdministration a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await a.SetPlaceActiveAsync(id, body.Active, ct) ? (IResult)TypedResults.NoContent() : Problems.NotFound(l, "Survey.PlaceNotFound"));
        places.MapGet("/{id:int}/qr.png", (int id, string? survey, UchastokDbContext db, SurveyPosters posters, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            PosterAsync(id, survey, db, posters, l, false, ct)).WithSummary("The place's QR code for a survey, as a PNG.");
        places.MapGet("/{id:int}/poster.pdf", (int id, string? survey, UchastokDbContext db, SurveyPosters posters, IStringLocalizer<SharedResource> l, IConfiguration configuration, CancellationToken ct) =>
        {
            PdfFonts.Install(configuration["Documents:FontDirectory"]);
            return PosterAsync(id, survey, db, posters, l, true, ct);
        }).WithSummary("An A4 poster with the QR code, in Kazakh, Russian and English.");

        var open = app.MapGroup("/api/v1/surveys").AllowAnonymous().WithTags("Trust");
        open.MapGet("/{code}", async (string code, [FromQuery(Name = "p")] string? place, SurveyResponses r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await r.FormAsync(SurveyEntry.For(code, place), ct) is { } form ? (IResult)TypedResults.Ok(form) : Problems.NotFound(l, "Survey.NotOpen"))
            .WithSummary("An open survey's questions in the request's language; with p, the place of a QR code.");
        open.MapPost("/{code}/responses", async (string code, [FromQuery(Name = "p")] string? place, ResponseRequest body, HttpContext http,
                SurveyResponses r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await RespondAsync(SurveyEntry.For(code, place), body, http, r, l, ct))
            .RequireRateLimiting(SurveyRateLimitPolicy.Name)
            .WithSummary("Answer a survey without signing in: once per survey and quarter from a browser; rate-limited per network.");

        var trust = app.MapGroup("/api/v1/trust").WithTags("Trust");
        trust.MapGet(string.Empty, async (string? quarter, TrustQuery q, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            QuarterQuery.Parse(quarter, clock) is { } qq ? (IResult)TypedResults.Ok(TrustReportView.Of(await q.PublicReportAsync(qq, ct), false)) : Problems.BadRequest(l, "Trust.QuarterInvalid"))
            .AllowAnonymous().WithSummary("The public figures: city and districts, with 95 % intervals; none under 30 responses.");
        trust.MapGet("/districts/{id:int}", async Task<IResult> (int id, string? quarter, HttpContext http, TrustQuery q, UchastokDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (QuarterQuery.Parse(quarter, clock) is not { } qq) return Problems.BadRequest(l, "Trust.QuarterInvalid");
            if (!await db.Districts.AnyAsync(d => d.Id == id, ct)) return Problems.NotFound(l, "Territory.DistrictNotFound");
            if (!ScopeClaims.ManagesDistrict(http.User, id)) return TypedResults.Forbid();
            return TypedResults.Ok(TrustReportView.Of(await q.ReportAsync(qq, id, ct), true));
        }).RequireAuthorization(Policies.TerritoryManagers).WithSummary("A district's beats: trust, ratings and on-time answers.");
        trust.MapGet("/beats/{id:int}/free-text", async (int id, string? quarter, HttpContext http, TrustQuery q, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (QuarterQuery.Parse(quarter, clock) is not { } qq) return Problems.BadRequest(l, "Trust.QuarterInvalid");
            return await q.FreeTextAsync(http.User, id, qq, ct) is { } answers ? (IResult)TypedResults.Ok(answers) : Problems.NotFound(l, "Territory.BeatNotFound");
        }).RequireAuthorization(Policies.Staff).WithSummary("A beat's free-text answers with personal data blanked out: its inspector, the district's supervisor, administrators.");
        return app;
    }

    private static async Task<IResult> RespondAsync(SurveyEntry entry, ResponseRequest? body, HttpContext http, SurveyResponses responses, IStringLocalizer localizer, CancellationToken ct)
    {
        var answers = new Dictionary<int, AnswerDraft>();
        foreach (var a in body?.Answers ?? []) answers[a.QuestionId] = new AnswerDraft(a.Score, a.Choices ?? [], a.Text);
        var (result, errors) = await responses.RespondAsync(entry, new ResponseInput(answers, body?.BeatId, body?.DistrictId, body?.AgeBand, body?.Sex), http, ct);
        return result switch
        {
            ResponseResult.Done => TypedResults.Created((string?)null, new { quarter = responses.CurrentQuarter.ToString() }),
            ResponseResult.AlreadyAnswered => Problems.Status(localizer, StatusCodes.Status409Conflict, "Survey.AlreadyAnswered"),
            ResponseResult.Invalid => Problems.Validation(localizer, errors),
            _ => Problems.NotFound(localizer, "Survey.NotOpen"),
        };
    }

    private static IResult Change((SurveyChangeResult Result, FieldErrors Errors) outcome, IStringLocalizer localizer) => outcome.Result switch
    {
        SurveyChangeResult.Done => TypedResults.NoContent(),
        SurveyChangeResult.NotFound => Problems.NotFound(localizer, "Survey.NotFound"),
        SurveyChangeResult.NotDraft => Problems.Status(localizer, StatusCodes.Status409Conflict, "Survey.NotDraft"),
        _ => Problems.Validation(localizer, outcome.Errors),
    };

    private static async Task<IResult> PosterAsync(int placeId, string? surveyCode, UchastokDbContext db, SurveyPosters posters, IStringLocalizer localizer, bool pdf, CancellationToken ct)
    {
        var place = await db.SurveyPlaces.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, ct);
        if (place is null) return Problems.NotFound(localizer, "Survey.PlaceNotFound");
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Code == surveyCode, ct);
        if (survey is null) return Problems.NotFound(localizer, "Survey.NotFound");
        var link = posters.Link(survey.Code, place.Code);
        var name = string.Create(CultureInfo.InvariantCulture, $"survey-{survey.Code}-{place.Code}");
        return pdf
            ? TypedResults.File(SurveyPosters.Pdf(survey, place, link), "application/pdf", name + ".pdf")
            : TypedResults.File(SurveyPosters.Png(link), "image/png", name + ".png");
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.PatrolPlanning;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.PatrolPlanning;

/// <summary>
/// Patrol suggestions and risk zones (issue 20). Staff only (inspectors, supervisors, administrators; everyone else
/// 403); which beats, by <see cref="PatrolScope"/>, and outside it 404. Months are written yyyy-MM; when none is given
/// the suggestion routes take the next month (the one being planned) and the risk zones the current one.
/// </summary>
public static class PatrolPlanningApi
{
    public static IEndpointRouteBuilder MapPatrolPlanningApi(this IEndpointRouteBuilder app)
    {
        var patrols = app.MapGroup("/api/v1/analytics/patrol-suggestions").RequireAuthorization(Policies.Staff).WithTags("PatrolPlanning");
        patrols.MapGet("", DistrictAsync).WithSummary("A district's beats for a month (district: the caller's own unless an administrator names one), each with where its suggestion stands.");
        patrols.MapGet("/districts/{districtId:int}/comparison", DistrictComparisonAsync).WithSummary("A district's month (period yyyy-MM, default the current one; not a month to come: 400) against its suggestions: each beat in scope that had one, its incidents and the expected against the actual share in all, accepted and rejected cells, and the beats pooled.");
        patrols.MapPost("/districts/{districtId:int}", GenerateDistrictAsync).WithSummary("Make the month's suggestion for every active beat of the district that has none (supervisor of the district, administrator); answers how many were made.");
        patrols.MapGet("/beats/{beatId:int}", BeatAsync).WithSummary("One beat's suggestion for a month: the top 250 m cells with their expected share of the beat's incidents, busiest hour bands, decisions and what was done; each cell's square as a polygon (WGS84 [lon, lat]).");
        patrols.MapPost("/beats/{beatId:int}", GenerateBeatAsync).WithSummary("Make the beat's suggestion for a month (up to the next one); answers the one already made when there is one.");
        patrols.MapGet("/beats/{beatId:int}/comparison", ComparisonAsync).WithSummary("A month against its suggestion: the beat's incidents that fell in suggested cells against the forecast share, accepted against rejected.");
        patrols.MapPost("/items/{id:int}/decision", DecideAsync).WithSummary("Accept or reject one suggested cell (decision: accepted|rejected; reason optional), until the month is over: the district's supervisor or an administrator.");
        patrols.MapPost("/items/{id:int}/work", RecordWorkAsync).WithSummary("Record what was done in a suggested cell: patrol hours in the month (0–744) and a note; the beat's inspector, the district's supervisor or an administrator.");

        var zones = app.MapGroup("/api/v1/analytics/risk-zones").RequireAuthorization(Policies.Staff).WithTags("PatrolPlanning");
        zones.MapGet("", RiskZonesAsync).WithSummary("This month's risk zones of a beat (beat=id) or, for an inspector only, of each of his beats (anyone else names one: 400): the suggestion's cells not rejected, or the forecast's top cells when no suggestion was made.");
        return app;
    }

    private static async Task<Results<Ok<PatrolDistrictView>, ProblemHttpResult>> DistrictAsync(
        ClaimsPrincipal user, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] int? district = null, [FromQuery] string? period = null)
    {
        if (Period(period, queries) is not { } month) return BadPeriod(localizer);
        var view = await queries.DistrictAsync(user, district, month, cancellationToken);
        return view is null ? NotFound(localizer) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PatrolDistrictComparisonView>, ProblemHttpResult>> DistrictComparisonAsync(
        int districtId, ClaimsPrincipal user, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? period = null)
    {
        var month = string.IsNullOrWhiteSpace(period) ? queries.CurrentPeriod() : PatrolPeriod.Parse(period.Trim());
        if (month is null) return BadPeriod(localizer);
        if (month > queries.CurrentPeriod()) return Problems.BadRequest(localizer, "Patrols.ComparisonNotBegun");
        var view = await queries.DistrictComparisonAsync(user, districtId, month.Value, cancellationToken);
        return view is null ? NotFound(localizer) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PatrolGeneratedView>, ProblemHttpResult>> GenerateDistrictAsync(
        int districtId, ClaimsPrincipal user, GeneratePatrolSuggestionsCommand command, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? period = null)
    {
        if (Period(period, queries) is not { } month) return BadPeriod(localizer);
        var (outcome, made) = await command.ForDistrictAsync(user, districtId, month, cancellationToken);
        return outcome switch
        {
            PatrolOutcome.Done => TypedResults.Ok(new PatrolGeneratedView(districtId, PatrolPeriod.Format(month), made)),
            PatrolOutcome.Invalid => Problems.BadRequest(localizer, "Patrols.TooFarAhead"),
            _ => NotFound(localizer),
        };
    }

    private static async Task<Results<Ok<PatrolBeatView>, ProblemHttpResult>> BeatAsync(
        int beatId, ClaimsPrincipal user, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? period = null)
    {
        if (Period(period, queries) is not { } month) return BadPeriod(localizer);
        var view = await queries.BeatAsync(user, beatId, month, cancellationToken);
        return view is null ? NotFound(localizer) : TypedResults.Ok(view);
    }

    private static async Task<Results<Created<PatrolBeatView>, Ok<PatrolBeatView>, ProblemHttpResult>> GenerateBeatAsync(
        int beatId, ClaimsPrincipal user, GeneratePatrolSuggestionsCommand command, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? period = null)
    {
        if (Period(period, queries) is not { } month) return BadPeriod(localizer);
        var (outcome, _) = await command.ForBeatAsync(user, beatId, month, cancellationToken);
        if (outcome is PatrolOutcome.NotFound) return NotFound(localizer);
        if (outcome is PatrolOutcome.Forbidden) return Problems.Status(localizer, StatusCodes.Status403Forbidden, "Patrols.OnlySupervisorDecides");
        if (outcome is PatrolOutcome.Invalid) return Problems.BadRequest(localizer, "Patrols.TooFarAhead");
        var view = (await queries.BeatAsync(user, beatId, month, cancellationToken))!;
        return outcome == PatrolOutcome.Done
            ? TypedResults.Created($"/api/v1/analytics/patrol-suggestions/beats/{beatId}?period={PatrolPeriod.Format(month)}", view)
            : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PatrolComparisonView>, ProblemHttpResult>> ComparisonAsync(
        int beatId, ClaimsPrincipal user, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? period = null)
    {
        if (Period(period, queries) is not { } month) return BadPeriod(localizer);
        var view = await queries.ComparisonAsync(user, beatId, month, cancellationToken);
        return view is null ? NotFound(localizer) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PatrolBeatView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        int id, PatrolDecisionRequest body, ClaimsPrincipal user, DecidePatrolSuggestionCommand command, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (outcome, errors, beatId, period) = await command.DecideAsync(user, id, body.Decision, body.Reason, cancellationToken);
        return outcome switch
        {
            PatrolOutcome.Done => TypedResults.Ok((await queries.BeatAsync(user, beatId!.Value, period!.Value, cancellationToken))!),
            PatrolOutcome.Invalid => Problems.Validation(localizer, errors!),
            PatrolOutcome.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Patrols.OnlySupervisorDecides"),
            _ => NotFound(localizer),
        };
    }

    private static async Task<Results<Ok<PatrolBeatView>, ValidationProblem, ProblemHttpResult>> RecordWorkAsync(
        int id, PatrolWorkRequest body, ClaimsPrincipal user, RecordPatrolWorkCommand command, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (outcome, errors, beatId, period) = await command.RecordAsync(user, id, body.Hours, body.Note, cancellationToken);
        return outcome switch
        {
            PatrolOutcome.Done => TypedResults.Ok((await queries.BeatAsync(user, beatId!.Value, period!.Value, cancellationToken))!),
            PatrolOutcome.Invalid => Problems.Validation(localizer, errors!),
            _ => NotFound(localizer),
        };
    }

    private static async Task<Results<Ok<RiskZonesList>, ProblemHttpResult>> RiskZonesAsync(
        ClaimsPrincipal user, PatrolQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken, [FromQuery] int? beat = null)
    {
        // Only an inspector may leave the beat out (his own beats, a few): for a supervisor it would run a live forecast
        // for every beat of the district without a suggestion (seconds each), and an administrator serves no beat.
        if (beat is null && !user.IsInRole(Roles.Inspector)) return Problems.BadRequest(localizer, "Patrols.BeatRequired");
        var view = await queries.RiskZonesAsync(user, beat, cancellationToken);
        return view is null ? NotFound(localizer) : TypedResults.Ok(view);
    }

    private static DateOnly? Period(string? text, PatrolQueries queries) => queries.PeriodOrNext(text);

    private static ProblemHttpResult BadPeriod(IStringLocalizer localizer) => Problems.BadRequest(localizer, "Patrols.BadPeriod");

    private static ProblemHttpResult NotFound(IStringLocalizer localizer) => Problems.NotFound(localizer, "Patrols.NotFound");
}

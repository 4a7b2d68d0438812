using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.BeatDesign;

public sealed record ApproveRequest(string? EffectiveFrom, bool ConfirmNotBetter = false);

/// <summary>A design run was queued: its id, to follow it at <c>/api/v1/beat-design/runs/{id}</c>.</summary>
public sealed record DesignRunStarted(int? Id);

/// <summary>A run was approved as the district's beats: the beat version it became.</summary>
public sealed record DesignApproved(int? VersionId);

/// <summary>
/// The beat design API (C7): recorded incidents in, each beat's workload out, and the optimiser's
/// runs from start to the approved version of a district's beats.
/// </summary>
public static class BeatDesignApi
{
    public static IEndpointRouteBuilder MapBeatDesignApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Beat design");
        api.MapGet("/districts/{districtId:int}/workload", WorkloadAsync).RequireAuthorization(Policies.TerritoryManagers)
            .WithSummary("Each active beat's load from its small areas: residents, incidents and appeals of the last year, travel; staffing by target load and by norm.");
        api.MapPost("/incidents/import", ImportAsync).RequireAuthorization(Policies.Admin).DisableAntiforgery()
            .WithSummary("Import recorded incidents from CSV (text/csv body or a multipart file): format=police-uk, or format=generic with the column names. Every refused row is reported.");
        var design = api.MapGroup(string.Empty).RequireAuthorization(Policies.TerritoryManagers);
        design.MapPost("/districts/{districtId:int}/beat-design/runs", StartAsync)
            .WithSummary("Start the optimiser for a district (its supervisor or an administrator): beats (k), seed, minimal change, keep reception points, time limit. 202 with the run.");
        design.MapGet("/districts/{districtId:int}/beat-design/runs", RunsAsync).WithSummary("The district's recent design runs.");
        design.MapGet("/beat-design/runs/{runId:int}", RunAsync).WithSummary("A run: state, progress, and when done the measures of today's beats and of the proposal.");
        design.MapPost("/beat-design/runs/{runId:int}/cancel", CancelAsync).WithSummary("Stop a queued or running run.");
        design.MapPost("/beat-design/runs/{runId:int}/approve", ApproveAsync)
            .WithSummary("Approve a finished run as the district's new beats from effectiveFrom (yyyy-MM-dd, today by default; a later date is scheduled). A proposal whose verdict is notBetter needs confirmNotBetter: true (else 400 naming the field); an unchanged one is refused (409).");
        design.MapGet("/districts/{districtId:int}/beat-versions", VersionsAsync).WithSummary("The history of the district's beats: versions with their effective dates.");
        return app;
    }

    private static async Task<Results<Ok<DistrictWorkload>, ProblemHttpResult>> WorkloadAsync(
        int districtId, ClaimsPrincipal user, WorkloadQuery query, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await query.ForDistrictAsync(user, districtId, cancellationToken) is { } workload
            ? TypedResults.Ok(workload)
            : Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope");

    private static async Task<Results<Ok<IncidentImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? format, string? longitude, string? latitude, string? type, string? date, string? id, string? dateFormat, string? time,
        ImportIncidentsCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (BeatDesignModule.Columns(format, longitude, latitude, type, date, id, dateFormat, time) is not { } columns) return Problems.BadRequest(localizer, "Incidents.FormatUnknown");
        var (stream, name) = (request.Body, "upload.csv");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.GetFile("file") is not { } file) return Problems.BadRequest(localizer, "Incidents.FileRequired");
            (stream, name) = (file.OpenReadStream(), file.FileName);
        }
        var report = await command.ExecuteAsync(stream, name, columns, format!.ToLowerInvariant(), request.HttpContext.User, cancellationToken);
        return report.FileProblem is { } problem
            ? Problems.BadRequest(localizer, BeatDesignModule.FileProblemKey(problem), BeatDesignModule.FileProblemDetail(problem))
            : TypedResults.Ok(report);
    }

    private static async Task<Results<Accepted<DesignRunStarted>, ProblemHttpResult, ValidationProblem>> StartAsync(
        int districtId, DesignRunInput? body, ClaimsPrincipal user, StartDesignRunCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await command.ExecuteAsync(user, districtId, body ?? new DesignRunInput(null, null, false, false, null), cancellationToken);
        return Outcome(result, localizer, () => TypedResults.Accepted($"/api/v1/beat-design/runs/{result.Id}", new DesignRunStarted(result.Id)));
    }

    private static async Task<Results<Ok<IReadOnlyList<DesignRunView>>, ProblemHttpResult>> RunsAsync(
        int districtId, ClaimsPrincipal user, DesignQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await queries.RunsAsync(user, districtId, cancellationToken) is { } runs ? TypedResults.Ok(runs) : Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope");

    private static async Task<Results<Ok<DesignRunView>, ProblemHttpResult>> RunAsync(
        int runId, ClaimsPrincipal user, DesignQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await queries.RunAsync(user, runId, cancellationToken) is { } run ? TypedResults.Ok(run) : Problems.NotFound(localizer, "Design.RunNotFound");

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> CancelAsync(
        int runId, ClaimsPrincipal user, CancelDesignRunCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Outcome(await command.ExecuteAsync(user, runId, cancellationToken), localizer, TypedResults.NoContent);

    private static async Task<Results<Ok<DesignApproved>, ProblemHttpResult, ValidationProblem>> ApproveAsync(
        int runId, ApproveRequest? body, ClaimsPrincipal user, ApproveDesignCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!TryEffectiveFrom(body?.EffectiveFrom, out var from))
        {
            var errors = new FieldErrors();
            errors.Add("effectiveFrom", localizer["Design.EffectiveFromOutOfRange"]);
            return Problems.Validation(localizer, errors);
        }
        var result = await command.ExecuteAsync(user, runId, from, body?.ConfirmNotBetter ?? false, cancellationToken);
        return Outcome(result, localizer, () => TypedResults.Ok(new DesignApproved(result.Id)));
    }

    private static async Task<Results<Ok<IReadOnlyList<BeatVersionView>>, ProblemHttpResult>> VersionsAsync(
        int districtId, ClaimsPrincipal user, DesignQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await queries.VersionsAsync(user, districtId, cancellationToken) is { } versions ? TypedResults.Ok(versions) : Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope");

    /// <summary>The day a design takes effect, yyyy-MM-dd; none given is today (the command's default). False: given but unreadable.</summary>
    private static bool TryEffectiveFrom(string? text, out DateOnly? from)
    {
        from = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        from = parsed;
        return true;
    }

    /// <summary>The HTTP answer for a design command: the given success, 404 unseen, 403 out of scope, 400 bad input, 409 not now.</summary>
    private static Results<TDone, ProblemHttpResult, ValidationProblem> Outcome<TDone>(DesignResult result, IStringLocalizer localizer, Func<TDone> done)
        where TDone : IResult => result.Outcome switch
    {
        DesignOutcome.Done => done(),
        DesignOutcome.NotFound => Problems.NotFound(localizer, "Design.RunNotFound"),
        DesignOutcome.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope"),
        DesignOutcome.Invalid => Problems.Validation(localizer, result.Errors),
        _ => Problems.Status(localizer, StatusCodes.Status409Conflict, result.MessageKey ?? "Problem.409"),
    };
}

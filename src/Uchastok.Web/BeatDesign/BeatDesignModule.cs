using Microsoft.Extensions.Localization;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.BeatDesign;

/// <summary>Workload-balanced beat design (C7): recorded incidents, the workload of each beat, staffing.</summary>
public static class BeatDesignModule
{
    public static IServiceCollection AddBeatDesign(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WorkloadSettings.From(configuration));
        services.AddScoped<ImportIncidentsCommand>();
        services.AddScoped<WorkloadQuery>();
        services.AddScoped<StartDesignRunCommand>();
        services.AddScoped<CancelDesignRunCommand>();
        services.AddScoped<ApproveDesignCommand>();
        services.AddScoped<ApplyBeatVersion>();
        services.AddScoped<ActivateBeatVersionsCommand>();
        services.AddScoped<DesignCommands>();
        services.AddScoped<DesignQueries>();
        services.AddSingleton<DesignRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<DesignRunner>());
        services.AddHostedService<BeatVersionActivator>();
        return services;
    }

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
        design.MapGet("/districts/{districtId:int}/beat-design/runs", async (int districtId, HttpContext context, DesignQueries q, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await q.RunsAsync(context.User, districtId, ct) is { } runs ? Results.Ok(runs) : Problems.Status(l, StatusCodes.Status403Forbidden, "Territory.OutOfScope"))
            .WithSummary("The district's recent design runs.");
        design.MapGet("/beat-design/runs/{runId:int}", async (int runId, HttpContext context, DesignQueries q, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await q.RunAsync(context.User, runId, ct) is { } run ? Results.Ok(run) : Problems.NotFound(l, "Design.RunNotFound"))
            .WithSummary("A run: state, progress, and when done the measures of today's beats and of the proposal.");
        design.MapPost("/beat-design/runs/{runId:int}/cancel", async (int runId, HttpContext context, DesignCommands c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Outcome(await c.CancelAsync(context.User, runId, ct), l, () => Results.NoContent())).WithSummary("Stop a queued or running run.");
        design.MapPost("/beat-design/runs/{runId:int}/approve", ApproveAsync)
            .WithSummary("Approve a finished run as the district's new beats from effectiveFrom (yyyy-MM-dd, today by default; a later date is scheduled). A proposal whose verdict is notBetter needs confirmNotBetter: true (else 400 naming the field); an unchanged one is refused (409).");
        design.MapGet("/districts/{districtId:int}/beat-versions", async (int districtId, HttpContext context, DesignQueries q, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await q.VersionsAsync(context.User, districtId, ct) is { } versions ? Results.Ok(versions) : Problems.Status(l, StatusCodes.Status403Forbidden, "Territory.OutOfScope"))
            .WithSummary("The history of the district's beats: versions with their effective dates.");
        return app;
    }

    private static async Task<IResult> StartAsync(int districtId, DesignRunInput? body, HttpContext context, DesignCommands commands,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await commands.StartAsync(context.User, districtId, body ?? new DesignRunInput(null, null, false, false, null), cancellationToken);
        return Outcome(result, localizer, () => Results.Accepted($"/api/v1/beat-design/runs/{result.Id}", new { id = result.Id }));
    }

    public sealed record ApproveRequest(string? EffectiveFrom, bool ConfirmNotBetter = false);

    private static async Task<IResult> ApproveAsync(int runId, ApproveRequest? body, HttpContext context, DesignCommands commands,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(body?.EffectiveFrom))
        {
            if (!DateOnly.TryParseExact(body.EffectiveFrom.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                var errors = new FieldErrors();
                errors.Add("effectiveFrom", localizer["Design.EffectiveFromOutOfRange"]);
                return Problems.Validation(localizer, errors);
            }
            from = parsed;
        }
        var result = await commands.ApproveAsync(context.User, runId, from, body?.ConfirmNotBetter ?? false, cancellationToken);
        return Outcome(result, localizer, () => Results.Ok(new { versionId = result.Id }));
    }

    private static IResult Outcome(DesignResult result, IStringLocalizer localizer, Func<IResult> done) => result.Outcome switch
    {
        DesignOutcome.Done => done(),
        DesignOutcome.NotFound => Problems.NotFound(localizer, "Design.RunNotFound"),
        DesignOutcome.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope"),
        DesignOutcome.Invalid => Problems.Validation(localizer, result.Errors),
        _ => Problems.Status(localizer, StatusCodes.Status409Conflict, result.MessageKey ?? "Problem.409"),
    };

    private static async Task<IResult> WorkloadAsync(int districtId, HttpContext context, WorkloadQuery query, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await query.ForDistrictAsync(context.User, districtId, cancellationToken) is { } workload
            ? TypedResults.Ok(workload)
            : Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope");

    private static async Task<IResult> ImportAsync(
        HttpRequest request, string? format, string? longitude, string? latitude, string? type, string? date, string? id, string? dateFormat,
        ImportIncidentsCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Columns(format, longitude, latitude, type, date, id, dateFormat) is not { } columns) return Problems.BadRequest(localizer, "Incidents.FormatUnknown");
        var (stream, name) = (request.Body, "upload.csv");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.GetFile("file") is not { } file) return Problems.BadRequest(localizer, "Incidents.FileRequired");
            (stream, name) = (file.OpenReadStream(), file.FileName);
        }
        var report = await command.ExecuteAsync(stream, name, columns, format!.ToLowerInvariant(), request.HttpContext.User, cancellationToken);
        return report.FileProblem is { } problem ? Problems.BadRequest(localizer, FileProblemKey(problem), FileProblemDetail(problem)) : TypedResults.Ok(report);
    }

    /// <summary>The columns for a format: police.uk's own, or those a generic file names.</summary>
    public static IncidentColumns? Columns(string? format, string? longitude, string? latitude, string? type, string? date, string? id, string? dateFormat) =>
        format?.ToLowerInvariant() switch
        {
            "police-uk" => IncidentColumns.PoliceUk,
            "generic" when !string.IsNullOrWhiteSpace(longitude) && !string.IsNullOrWhiteSpace(latitude) && !string.IsNullOrWhiteSpace(type) && !string.IsNullOrWhiteSpace(date)
                => new IncidentColumns(longitude.Trim(), latitude.Trim(), type.Trim(), date.Trim(), string.IsNullOrWhiteSpace(id) ? null : id.Trim(), string.IsNullOrWhiteSpace(dateFormat) ? null : dateFormat.Trim()),
            _ => null,
        };

    public static string FileProblemKey(string problem) => $"Incidents.{problem.Split(':')[0]}";

    public static string FileProblemDetail(string problem) => problem.Contains(':', StringComparison.Ordinal) ? problem[(problem.IndexOf(':', StringComparison.Ordinal) + 1)..] : string.Empty;
}

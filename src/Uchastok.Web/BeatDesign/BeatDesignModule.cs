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
        return services;
    }

    public static IEndpointRouteBuilder MapBeatDesignApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Beat design");
        api.MapGet("/districts/{districtId:int}/workload", WorkloadAsync).RequireAuthorization(Policies.TerritoryManagers)
            .WithSummary("Each active beat's load from its small areas: residents, incidents and appeals of the last year, travel; staffing by target load and by norm.");
        api.MapPost("/incidents/import", ImportAsync).RequireAuthorization(Policies.Admin).DisableAntiforgery()
            .WithSummary("Import recorded incidents from CSV (text/csv body or a multipart file): format=police-uk, or format=generic with the column names. Every refused row is reported.");
        return app;
    }

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

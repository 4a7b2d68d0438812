using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Transparency;

/// <summary>Transparency (C11): open data with privacy protection; public reports come next to it.</summary>
public static class TransparencyModule
{
    public static IServiceCollection AddTransparency(this IServiceCollection services)
    {
        services.AddScoped<OpenDataExport>();
        return services;
    }

    public static IEndpointRouteBuilder MapTransparencyApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/open-data").AllowAnonymous().WithTags("Open data");
        open.MapGet("/appeals.{format}", async Task<IResult> (string format, string? from, string? to, OpenDataExport export, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!OpenDataExport.TryMonths(from, to, KazakhstanTime.Today(clock), out var first, out var last)) return Problems.BadRequest(l, "OpenData.MonthsInvalid", OpenDataExport.MaxMonths);
            return Write(format, await export.AppealsAsync(first, last, ct), "appeals", l);
        }).WithSummary("Appeals per beat and month: received, decided, decided on time, ratings and their mean; counts under 5 suppressed. CSV or JSON.");
        open.MapGet("/incidents.{format}", async Task<IResult> (string format, string? from, string? to, OpenDataExport export, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!OpenDataExport.TryMonths(from, to, KazakhstanTime.Today(clock), out var first, out var last)) return Problems.BadRequest(l, "OpenData.MonthsInvalid", OpenDataExport.MaxMonths);
            return Write(format, await export.IncidentsAsync(first, last, ct), "incidents", l);
        }).WithSummary("Recorded incidents by month, type and beat, at anonymous public points. CSV or JSON.");
        return app;
    }

    private static IResult Write<T>(string format, IReadOnlyList<T> rows, string name, IStringLocalizer localizer) => format switch
    {
        "csv" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(OpenDataExport.Csv(rows)), "text/csv; charset=utf-8", $"uchastok-{name}.csv"),
        "json" => TypedResults.Ok(rows),
        _ => Problems.NotFound(localizer, "OpenData.FormatUnknown"),
    };
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.CrimeAnalytics;

/// <summary>
/// The crime analytics API (issue 20) for staff: hotspot cells, counts by month, weekday and hour, and the categories.
/// The same queries serve the page <c>/analytics/hotspots</c>. Scope: an inspector his beats and his district, a
/// supervisor his district and its beats, an administrator everything; outside it 403, an unknown area 404, bad input 400.
/// </summary>
public static class CrimeAnalyticsApi
{
    public static IEndpointRouteBuilder MapCrimeAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/analytics").RequireAuthorization(Policies.Staff).WithTags("CrimeAnalytics");
        staff.MapGet("/hotspots", HotspotsAsync)
            .WithSummary("Incidents counted on the 250 m grid for scope=beat|district|city (id for beat and district), from/to months (yyyy-MM, at most 60; default the 12 months up to the latest incident) and category (a code of /categories, or none for all). Each cell: column, row, count, centre and polygon (WGS84 [lon, lat]). kde=true adds the kernel density (incidents per km², bandwidth 500 m) and the cells it reaches. At most CrimeAnalytics:MapCellLimit cells (3,000 unless set), the busiest first: cellsWithIncidents counts all cells with an incident, capped says some were left out.");
        staff.MapGet("/counts", CountsAsync)
            .WithSummary("Counts for the same filter by month, and by weekday (1 = Monday) and hour from the incidents that have a time of day; withTime says how many have one, hasTimes whether any.");
        staff.MapGet("/categories", CategoriesAsync)
            .WithSummary("The incident categories (code, name in the caller's language, source), from the settings file BeatDesign maps source types with.");
        return app;
    }

    private static async Task<Results<Ok<HotspotMapView>, ProblemHttpResult>> HotspotsAsync(
        string? scope, string? id, string? from, string? to, string? category, bool? kde,
        ClaimsPrincipal user, HotspotQueries queries, IncidentCategoryMap categories, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (area, filter, problem) = await ResolveAsync(scope, id, from, to, category, user, queries, categories, localizer, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(await queries.MapAsync(area!, filter!, kde == true, cancellationToken));
    }

    private static async Task<Results<Ok<HotspotCountsView>, ProblemHttpResult>> CountsAsync(
        string? scope, string? id, string? from, string? to, string? category,
        ClaimsPrincipal user, HotspotQueries queries, IncidentCategoryMap categories, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (area, filter, problem) = await ResolveAsync(scope, id, from, to, category, user, queries, categories, localizer, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(await queries.CountsAsync(area!, filter!, cancellationToken));
    }

    private static Ok<IReadOnlyList<HotspotCategoryView>> CategoriesAsync(HotspotQueries queries) => TypedResults.Ok(queries.Categories());

    /// <summary>Input first (400), then the area (404 unknown, 403 outside the caller's scope).</summary>
    private static async Task<(HotspotArea? Area, HotspotFilter? Filter, ProblemHttpResult? Problem)> ResolveAsync(
        string? scope, string? id, string? from, string? to, string? category,
        ClaimsPrincipal user, HotspotQueries queries, IncidentCategoryMap categories, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var latest = string.IsNullOrWhiteSpace(to) ? await queries.LatestMonthAsync(user, cancellationToken) : default;
        var (filter, problem) = HotspotInput.Read(scope, id, from, to, category, categories, latest);
        if (problem is not null) return (null, null, Problems.BadRequest(localizer, problem.Key, problem.Arguments));
        var (area, refusal) = await queries.AreaAsync(user, filter!, cancellationToken);
        return refusal switch
        {
            HotspotRefusal.NotFound => (null, null, Problems.NotFound(localizer, "Hotspots.AreaNotFound")),
            HotspotRefusal.OutOfScope => (null, null, Problems.Status(localizer, StatusCodes.Status403Forbidden, "Hotspots.OutOfScope")),
            _ => (area, filter, null),
        };
    }
}

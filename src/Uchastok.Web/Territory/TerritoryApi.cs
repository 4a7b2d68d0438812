using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Rules.Territory;

namespace Uchastok.Web.Territory;

public sealed record IdCodeName(int Id, string Code, string Name);
public sealed record IdName(int Id, string Name);
public sealed record InspectorDto(int Id, string Name, string Rank, string Position, string Phone, string PhotoUrl);
public sealed record ReceptionPointDto(string Address, string Hours, double Lat, double Lon);
public sealed record LocateResponse(IdCodeName Beat, IdName District, InspectorDto? Inspector, ReceptionPointDto? ReceptionPoint);
public sealed record LatLon(double Lat, double Lon);
public sealed record BeatDetailResponse(int Id, string Code, string Name, IdName District, int Population, double AreaSquareKilometres, LatLon Centre, InspectorDto? Inspector, ReceptionPointDto? ReceptionPoint);
public sealed record AssignInspectorRequest(int? OfficerId);
public sealed record ImportResponse(int Created, int Updated, int Deactivated);
/// <summary>A beat's outline as a GeoJSON Feature (RFC 7946): its id, code and name, and the polygon.</summary>
public sealed record BeatBoundaryFeature(string Type, BeatBoundaryProperties Properties, JsonElement Geometry);
public sealed record BeatBoundaryProperties(int Id, string Code, string Name);
/// <summary>
/// A GeoJSON FeatureCollection (RFC 7946) as the map layers, the export and the import carry it; what each feature's
/// properties hold depends on the layer (README). For the OpenAPI document: those endpoints write the text as stored.
/// </summary>
public sealed record GeoJsonFeatureCollection(string Type, IReadOnlyList<GeoJsonFeature> Features);
public sealed record GeoJsonFeature(string Type, JsonElement Properties, JsonElement Geometry);
public sealed record ImportErrorDto(string Problem, int? Feature, string? Code, string Message, double? Lat, double? Lon);

/// <summary>
/// The territory API, shaped after police.uk's neighbourhood API: districts play the role of
/// forces, beats of neighbourhoods. Public reads are anonymous; changes need a role and a scope.
/// </summary>
public static class TerritoryApi
{
    private const string GeoJsonMediaType = "application/geo+json";

    public static IEndpointRouteBuilder MapTerritoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Territory");

        var open = api.MapGroup(string.Empty).AllowAnonymous();
        open.MapGet("/beats/locate", LocateAsync).WithName("LocateBeat").WithSummary("The beat, inspector and reception point for a point.");
        open.MapGet("/districts", ListDistrictsAsync).WithSummary("All districts, with population and number of beats.");
        open.MapGet("/districts/{districtId:int}/beats", ListBeatsAsync).WithSummary("The active beats of a district.");
        open.MapGet("/beats/{beatId:int}", GetBeatAsync).WithSummary("A beat's details.");
        open.MapGet("/beats/{beatId:int}/boundary", GetBoundaryAsync).Produces<BeatBoundaryFeature>(StatusCodes.Status200OK, GeoJsonMediaType).WithSummary("A beat's outline as a GeoJSON Feature.");
        open.MapGet("/beats/{beatId:int}/team", GetTeamAsync).WithSummary("The officers who serve a beat.");
        open.MapGet("/addresses", SearchAddressesAsync).WithSummary("Gazetteer search: street and house number in Kazakh, Russian or English.");
        open.MapGet("/streets", SearchStreetsAsync).WithSummary("Streets whose names match what was typed (a part is enough, any of the three languages): for a typeahead.");
        open.MapGet("/map/base.geojson", BaseLayerAsync).Produces<GeoJsonFeatureCollection>(StatusCodes.Status200OK, GeoJsonMediaType).WithSummary("What Uchastok draws under its maps: district outlines and names, streets with their names, reception points (names in kk/ru/en).");
        open.MapGet("/map/beats.geojson", BeatsLayerAsync).Produces<GeoJsonFeatureCollection>(StatusCodes.Status200OK, GeoJsonMediaType).WithSummary("The active beats' outlines and numbers, for a map zoomed in.");
        open.MapGet("/addresses/nearest", NearestAddressAsync).WithSummary("The gazetteer address nearest to a point (within 250 m), to name a pin on the map; 204 when none is near.");

        var admin = api.MapGroup("/beats").RequireAuthorization(Policies.Admin);
        admin.MapGet("/export", ExportAsync).Produces<GeoJsonFeatureCollection>(StatusCodes.Status200OK, GeoJsonMediaType).WithSummary("Active beats as GeoJSON (administrators).");
        admin.MapPost("/import", ImportAsync).WithSummary("Replace the beats of the districts in a GeoJSON FeatureCollection, all or nothing (administrators).");

        api.MapPut("/beats/{beatId:int}/inspector", AssignAsync)
            .RequireAuthorization(Policies.TerritoryManagers)
            .WithSummary("Assign an officer to a beat: administrators anywhere, supervisors in their own district.");
        return app;
    }

    private static async Task<Results<Ok<LocateResponse>, ProblemHttpResult>> LocateAsync(
        string? lat, string? lon, TerritoryQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!Coordinates.TryParse(lat, lon, out var latitude, out var longitude))
            return Problems.BadRequest(localizer, "Locate.BadCoordinates");
        var card = await queries.LocateAsync(latitude, longitude, cancellationToken);
        if (card is null) return Problems.NotFound(localizer, "Locate.NoBeat");
        return TypedResults.Ok(new LocateResponse(
            new IdCodeName(card.Id, card.Code, card.Name), new IdName(card.DistrictId, card.DistrictName),
            Inspector(card.Inspector), ReceptionPoint(card.ReceptionPoint)));
    }

    private static async Task<Ok<IReadOnlyList<DistrictSummary>>> ListDistrictsAsync(TerritoryQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListDistrictsAsync(cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<BeatSummary>>, ProblemHttpResult>> ListBeatsAsync(
        int districtId, TerritoryQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await queries.ListBeatsAsync(districtId, cancellationToken) is { } beats
            ? TypedResults.Ok(beats)
            : Problems.NotFound(localizer, "Territory.DistrictNotFound");

    private static async Task<Results<Ok<BeatDetailResponse>, ProblemHttpResult>> GetBeatAsync(
        int beatId, TerritoryQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var card = await queries.GetBeatAsync(beatId, cancellationToken);
        if (card is null) return Problems.NotFound(localizer, "Territory.BeatNotFound");
        return TypedResults.Ok(new BeatDetailResponse(card.Id, card.Code, card.Name, new IdName(card.DistrictId, card.DistrictName),
            card.Population, card.AreaSquareKilometres, new LatLon(card.CentreLatitude, card.CentreLongitude),
            Inspector(card.Inspector), ReceptionPoint(card.ReceptionPoint)));
    }

    private static async Task<Results<JsonHttpResult<BeatBoundaryFeature>, ProblemHttpResult>> GetBoundaryAsync(
        int beatId, TerritoryQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var card = await queries.GetBeatAsync(beatId, cancellationToken);
        if (card is null) return Problems.NotFound(localizer, "Territory.BeatNotFound");
        var feature = new BeatBoundaryFeature("Feature", new BeatBoundaryProperties(card.Id, card.Code, card.Name), GeoJson.ToElement(card.BoundaryGeoJson));
        return TypedResults.Json(feature, contentType: GeoJsonMediaType);
    }

    private static async Task<Results<Ok<InspectorDto[]>, ProblemHttpResult>> GetTeamAsync(
        int beatId, TerritoryQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var card = await queries.GetBeatAsync(beatId, cancellationToken);
        if (card is null) return Problems.NotFound(localizer, "Territory.BeatNotFound");
        return TypedResults.Ok(new[] { card.Inspector, card.DistrictHead }.OfType<OfficerCard>().Select(o => Inspector(o)!).ToArray());
    }

    private static async Task<Results<Ok<IReadOnlyList<AddressHit>>, ProblemHttpResult>> SearchAddressesAsync(
        string? q, AddressSearch search, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200) return Problems.BadRequest(localizer, "Address.QueryRequired");
        return TypedResults.Ok(await search.SearchAsync(q, 10, cancellationToken));
    }

    private static async Task<Results<ContentHttpResult, StatusCodeHttpResult>> BaseLayerAsync(string? v, HttpContext http, MapLayers layers, CancellationToken cancellationToken) =>
        LayerFile(await layers.BaseAsync(cancellationToken), v, http);

    private static async Task<Results<ContentHttpResult, StatusCodeHttpResult>> BeatsLayerAsync(string? v, HttpContext http, MapLayers layers, CancellationToken cancellationToken) =>
        LayerFile(await layers.BeatsAsync(cancellationToken), v, http);

    /// <summary>
    /// A map layer as a file the browser keeps: a year, unchanged, when asked for by its revision (<c>?v=</c>, as the pages
    /// link it), so a second visit fetches nothing; otherwise five minutes, then revalidated by its ETag.
    /// </summary>
    private static Results<ContentHttpResult, StatusCodeHttpResult> LayerFile(MapLayer layer, string? version, HttpContext http)
    {
        var current = version == layer.Revision.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = current ? "public, max-age=31536000, immutable" : "public, max-age=300";
        http.Response.Headers.ETag = layer.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(layer.ETag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Text(layer.GeoJson, "application/geo+json");
    }

    private static async Task<Results<Ok<IReadOnlyList<StreetHit>>, ProblemHttpResult>> SearchStreetsAsync(
        string? q, AddressSearch search, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200) return Problems.BadRequest(localizer, "Address.QueryRequired");
        return TypedResults.Ok(await search.StreetsAsync(q, 8, cancellationToken));
    }

    /// <summary>No address near a point is an answer, not an error: 204, so a map asking on every tap logs nothing.</summary>
    private static async Task<Results<Ok<AddressHit>, NoContent, ProblemHttpResult>> NearestAddressAsync(
        string? lat, string? lon, AddressSearch search, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!Coordinates.TryParse(lat, lon, out var latitude, out var longitude)) return Problems.BadRequest(localizer, "Locate.BadCoordinates");
        return await search.NearestAsync(latitude, longitude, cancellationToken) is { } hit ? TypedResults.Ok(hit) : TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportAsync(string? district, ExportBeatsQuery export, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var geoJson = await export.ExecuteAsync(district, cancellationToken);
        if (geoJson is null) return Problems.NotFound(localizer, "Territory.DistrictNotFound");
        return TypedResults.Text(geoJson, GeoJsonMediaType);
    }

    /// <summary>The body is the GeoJSON itself (application/geo+json or application/json), so a plain curl --data-binary works.</summary>
    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ImportBeatsCommand import, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/geo+json" or "application/json"))
            return Problems.Status(localizer, StatusCodes.Status415UnsupportedMediaType, "Import.MediaType");
        using var reader = new StreamReader(request.Body);
        var outcome = await import.ExecuteAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken);
        if (outcome.Succeeded) return TypedResults.Ok(new ImportResponse(outcome.Created, outcome.Updated, outcome.Deactivated));

        var errors = outcome.Errors.Select(e => new ImportErrorDto(e.Problem.ToString(), e.FeatureNumber, e.Code,
            ImportMessages.Describe(localizer, e), e.Latitude, e.Longitude)).ToList();
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = localizer["Import.Refused"],
            Detail = localizer["Import.RefusedDetail", errors.Count],
            Type = "https://uchastok.kz/problems/Import.Refused",
        };
        problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AssignAsync(
        int beatId, AssignInspectorRequest body, ClaimsPrincipal user, AssignInspectorCommand command,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await command.ExecuteAsync(user, beatId, body.OfficerId, cancellationToken) switch
        {
            AssignInspectorResult.Assigned => TypedResults.NoContent(),
            AssignInspectorResult.BeatNotFound => Problems.NotFound(localizer, "Territory.BeatNotFound"),
            AssignInspectorResult.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope"),
            AssignInspectorResult.OfficerNotFound => Problems.BadRequest(localizer, "Territory.OfficerNotFound"),
            _ => Problems.BadRequest(localizer, "Territory.OfficerInAnotherDistrict"),
        };

    private static InspectorDto? Inspector(OfficerCard? officer) =>
        officer is null ? null : new(officer.Id, officer.Name, officer.Rank, officer.Position, officer.Phone, officer.PhotoUrl);

    private static ReceptionPointDto? ReceptionPoint(ReceptionPointCard? point) =>
        point is null ? null : new(point.Address, point.Hours, point.Latitude, point.Longitude);
}

/// <summary>Import problems as sentences an administrator can act on, in their language.</summary>
public static class ImportMessages
{
    public static string Describe(IStringLocalizer localizer, Rules.Territory.BeatImportError error)
    {
        var where = error.Latitude is { } lat && error.Longitude is { } lon
            ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.00000}, {lon:0.00000}")
            : string.Empty;
        var parts = (error.Detail ?? string.Empty).Split('|');
        string message = localizer[$"Import.{error.Problem}", parts[0], parts.Length > 1 ? parts[1] : string.Empty, where];
        return error.FeatureNumber is { } feature
            ? localizer["Import.FeaturePrefix", feature, error.Code ?? "—", message]
            : message;
    }
}

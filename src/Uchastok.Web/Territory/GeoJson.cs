using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Uchastok.Web.Territory;

/// <summary>GeoJSON in and out, through NetTopologySuite's System.Text.Json converters.</summary>
public static class GeoJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static Geometry ReadGeometry(string json) => JsonSerializer.Deserialize<Geometry>(json, Options)!;

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    /// <summary>An outline as stored: its GeoJSON, its area in km² and an inner point (inside even a concave outline).</summary>
    public static (string GeoJson, double AreaSquareKilometres, double CentreLatitude, double CentreLongitude) Outline(Geometry boundary)
    {
        var centre = boundary.InteriorPoint.Coordinate;
        return (Write(boundary), Uchastok.Rules.Territory.GeoMeasure.AreaSquareMetres(boundary) / 1_000_000, Math.Round(centre.Y, 6), Math.Round(centre.X, 6));
    }

    public static JsonElement ToElement(string geometryJson)
    {
        using var document = JsonDocument.Parse(geometryJson);
        return document.RootElement.Clone();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}

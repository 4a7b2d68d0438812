using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Uchastok.Rules.Territory;

/// <summary>Reads the features of a GeoJSON FeatureCollection file: each geometry with its properties.</summary>
public static class GeoJsonFeatures
{
    public static List<(Geometry Geometry, JsonElement Properties)> Read(string path)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => (JsonSerializer.Deserialize<Geometry>(f.GetProperty("geometry").GetRawText(), options)!, f.GetProperty("properties").Clone()))
            .ToList();
    }

    public static List<Geometry> Geometries(string path) => Read(path).Select(f => f.Geometry).ToList();
}

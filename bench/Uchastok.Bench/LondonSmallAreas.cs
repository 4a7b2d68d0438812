using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Uchastok.Bench;

/// <summary>
/// London's 2021 Lower Layer Super Output Areas (ONS, Open Government Licence v3.0; "Contains OS
/// data © Crown copyright and database right 2022"), read from the shared data folder and used as
/// 4,994 beats: a city-sized territory about ten times the demo city.
/// </summary>
public static class LondonSmallAreas
{
    public const string RelativePath = "london/lsoa-2021.geojson";

    public static IReadOnlyList<Geometry> Load(string sharedDataPath)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(Path.Combine(sharedDataPath, RelativePath));
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, options)
            ?? throw new InvalidDataException($"{RelativePath} is not a GeoJSON FeatureCollection.");
        return features.Select(f => f.Geometry).ToList();
    }
}

using System.Text.Json;

namespace Uchastok.Web.BeatDesign;

/// <summary>Beats as a GeoJSON FeatureCollection: for the load maps (code and load over the mean) and for the versions kept.</summary>
public static class BeatFeatures
{
    public static string Collection(IEnumerable<(string Code, double Ratio, string GeometryGeoJson)> beats) =>
        Collection(beats.Select(b => ((IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["code"] = b.Code, ["ratio"] = Math.Round(b.Ratio, 3) }, b.GeometryGeoJson)));

    /// <summary>Each geometry is stored GeoJSON already, so it is written as it is, not parsed and written again.</summary>
    public static string Collection(IEnumerable<(IReadOnlyDictionary<string, object?> Properties, string GeometryGeoJson)> features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',', features.Select(f =>
            $"{{\"type\":\"Feature\",\"properties\":{JsonSerializer.Serialize(f.Properties)},\"geometry\":{f.GeometryGeoJson}}}")) + "]}";
}

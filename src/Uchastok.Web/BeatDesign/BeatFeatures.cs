using System.Globalization;
using System.Text.Json;

namespace Uchastok.Web.BeatDesign;

/// <summary>Beats as a GeoJSON FeatureCollection for the load maps: each with its code and its load over the mean.</summary>
public static class BeatFeatures
{
    public static string Collection(IEnumerable<(string Code, double Ratio, string GeometryGeoJson)> beats) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',', beats.Select(b =>
            $"{{\"type\":\"Feature\",\"properties\":{{\"code\":{JsonSerializer.Serialize(b.Code)},\"ratio\":{Math.Round(b.Ratio, 3).ToString(CultureInfo.InvariantCulture)}}},\"geometry\":{b.GeometryGeoJson}}}")) + "]}";
}

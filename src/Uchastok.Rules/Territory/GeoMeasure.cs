using NetTopologySuite.Geometries;

namespace Uchastok.Rules.Territory;

/// <summary>
/// Lengths and areas of WGS84 geometries in metres, using a local equirectangular
/// projection at the geometry's latitude. Accurate to well under 1 % at city scale,
/// which is all beat validation and reporting need.
/// </summary>
public static class GeoMeasure
{
    public const double MetresPerDegreeLatitude = 111_320;

    public static double MetresPerDegreeLongitude(double latitude) =>
        MetresPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180);

    public static double AreaSquareMetres(Geometry geometry)
    {
        if (geometry.IsEmpty) return 0;
        var latitude = geometry.EnvelopeInternal.Centre.Y;
        return geometry.Area * MetresPerDegreeLatitude * MetresPerDegreeLongitude(latitude);
    }

    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var dx = (lon2 - lon1) * MetresPerDegreeLongitude((lat1 + lat2) / 2);
        var dy = (lat2 - lat1) * MetresPerDegreeLatitude;
        return Math.Sqrt(dx * dx + dy * dy);
    }
}

using NetTopologySuite.Geometries;
using Uchastok.Rules.Territory;

namespace Uchastok.Bench;

/// <summary>
/// London's 2021 Lower Layer Super Output Areas (ONS, Open Government Licence v3.0; "Contains OS
/// data © Crown copyright and database right 2022"), read from the shared data folder and used as
/// 4,994 beats: a city-sized territory about ten times the demo city.
/// </summary>
public static class LondonSmallAreas
{
    public const string RelativePath = "london/lsoa-2021.geojson";

    public static IReadOnlyList<Geometry> Load(string sharedDataPath) => GeoJsonFeatures.Geometries(Path.Combine(sharedDataPath, RelativePath));
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Uchastok.Rules.Territory.DemoCity;

/// <summary>A real district of Almaty: outline from OpenStreetMap, names, official population.</summary>
public sealed record DistrictSource(string Code, string NameKk, string NameRu, string NameEn, int Population, Geometry Boundary);

/// <summary>
/// Reads Almaty's eight districts from the project's shared data folder
/// (<c>almaty/districts.osm.geojson</c> for geometry of record, <c>districts.names-ru-kk.geojson</c>
/// for Kazakh and Russian names, <c>district-population.csv</c> for official populations).
/// The files spell district names differently (Jetysu / Zhetysu, Nauryzbai / Nauryzbay), so names
/// are matched after folding those spellings, and the Kazakh/Russian names by greatest overlap.
/// </summary>
public static class AlmatyDistrictSource
{
    public static IReadOnlyList<DistrictSource> Load(string sharedDataPath)
    {
        var folder = Path.Combine(sharedDataPath, "almaty");
        var osm = GeoJsonFeatures.Read(Path.Combine(folder, "districts.osm.geojson"));
        var named = GeoJsonFeatures.Read(Path.Combine(folder, "districts.names-ru-kk.geojson"));
        var populations = ReadPopulations(Path.Combine(folder, "district-population.csv"));

        var districts = new List<DistrictSource>();
        foreach (var (geometry, properties) in osm)
        {
            var osmName = properties.GetProperty("name").GetString()!;
            var (englishName, population) = populations.Single(p => Fold(p.Name) == Fold(osmName));
            var (_, names) = named.MaxBy(n => OverlayNGRobust.Overlay(n.Geometry, geometry, SpatialFunction.Intersection).Area);
            districts.Add(new DistrictSource(
                englishName.ToLowerInvariant(),
                names.GetProperty("name_kz").GetString()!.Replace('Ə', 'Ә'),
                names.GetProperty("name_ru").GetString()!,
                englishName,
                population,
                geometry));
        }
        return districts.OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
    }


    private static List<(string Name, int Population)> ReadPopulations(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = SplitCsv(lines[0]);
        var nameColumn = header.IndexOf("district_name");
        var populationColumn = header.IndexOf("official_population");
        return lines.Skip(1).Where(l => l.Length > 0).Select(SplitCsv)
            .Select(cells => (cells[nameColumn], int.Parse(cells[populationColumn], CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Folds the transliteration variants the sources use (j/zh, y/i).</summary>
    private static string Fold(string name)
    {
        var lower = name.ToLowerInvariant().Replace("zh", "j", StringComparison.Ordinal);
        return lower.Replace('y', 'i');
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}

using System.Globalization;
using System.IO.Compression;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Uchastok.Rules.BeatDesign;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Territory.DemoCity;

namespace Uchastok.Bench;

/// <summary>One small area of an evaluation instance, before weighting.</summary>
public sealed record EvaluationArea(string Code, string Group, Geometry Geometry, int Residents, IReadOnlyDictionary<string, int> Incidents);

/// <summary>A districting instance of real data: its small areas and how many beats to make.</summary>
public sealed record EvaluationInstance(string Name, IReadOnlyList<EvaluationArea> Areas, int Beats, string Source)
{
    /// <summary>The instance as the optimiser sees it: loads by <see cref="Workload"/> with the default weights, geometry in metres.</summary>
    public DesignProblem Problem(WorkloadWeights? weights = null)
    {
        var projection = LocalProjection.For(Areas.Select(a => a.Geometry));
        var metres = Areas.Select(a => projection.Project(a.Geometry)).ToList();
        var adjacency = AreaAdjacency.Build(metres, projected: true);
        var loads = Areas.Select((a, i) => Workload.Of(new AreaWorkloadInput(a.Residents, a.Incidents, 0, metres[i].Area / 1e6, false), weights).Total).ToList();
        return new DesignProblem(loads, metres.Select(m => m.Area).ToList(), metres.Select(m => m.Length).ToList(),
            metres.Select(m => (m.Centroid.X, m.Centroid.Y)).ToList(), Areas.Select(a => a.Residents).ToList(), adjacency, Beats);
    }
}

/// <summary>
/// The evaluation instances of docs/beat-design.md, read from the shared data folder: London's
/// 2021 small areas with mid-2020 population (joined spatially from the 2011 areas) and the
/// Metropolitan Police burglaries of 2024; San Francisco's block groups with their population and
/// four crime counts; the demo city of Almaty.
/// </summary>
public static class BeatDesignInstances
{
    public static IReadOnlyList<EvaluationArea> London(string sharedData)
    {
        var areas2021 = GeoJsonFeatures.Read(Path.Combine(sharedData, "london/lsoa-2021.geojson"));
        var areas2011 = GeoJsonFeatures.Read(Path.Combine(sharedData, "london/lsoa-2011.geojson"));
        var population2011 = File.ReadLines(Path.Combine(sharedData, "london/population-mid2020-lsoa2011.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(c => c[0], c => int.Parse(c[6], CultureInfo.InvariantCulture));

        // Mid-2020 population of the 2011 areas, carried to the 2021 areas by share of overlapping area.
        var tree = new STRtree<(Geometry Geometry, int Population)>();
        foreach (var (geometry, properties) in areas2011)
            tree.Insert(geometry.EnvelopeInternal, (geometry, population2011.GetValueOrDefault(properties.GetProperty("LSOA11CD").GetString()!)));
        tree.Build();
        var residents = areas2021.Select(a =>
        {
            var total = 0.0;
            foreach (var (old, population) in tree.Query(a.Geometry.EnvelopeInternal))
            {
                var overlap = a.Geometry.Intersection(old).Area;
                if (overlap > 0) total += population * overlap / old.Area;
            }
            return (int)Math.Round(total);
        }).ToList();

        // Burglaries of 2024, at police.uk's anonymised map points, located in the 2021 areas.
        var locator = new BeatLocator(areas2021.Select((a, i) => (i, a.Geometry)));
        var burglaries = new int[areas2021.Count];
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(sharedData, "london/met-burglary-2010-12_to_2025-02.csv.gz")), CompressionMode.Decompress)))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                if (!line.StartsWith("2024-", StringComparison.Ordinal)) continue;
                var cells = line.Split(',');
                if (!double.TryParse(cells[1], CultureInfo.InvariantCulture, out var lon) || !double.TryParse(cells[2], CultureInfo.InvariantCulture, out var lat)) continue;
                if (locator.Locate(lon, lat) is { } area) burglaries[area]++;
            }
        }
        return areas2021.Select((a, i) => new EvaluationArea(a.Properties.GetProperty("LSOA21CD").GetString()!, a.Properties.GetProperty("LAD22NM").GetString()!,
            a.Geometry, residents[i], new Dictionary<string, int> { ["burglary"] = burglaries[i] })).ToList();
    }

    public static IReadOnlyList<EvaluationArea> SanFrancisco(string sharedData) =>
        GeoJsonFeatures.Read(Path.Combine(sharedData, "sf/sf_blockgroups_population_crime.geojson")).Select(f => new EvaluationArea(
            f.Properties.GetProperty("GEO_id2").ToString(), "San Francisco", f.Geometry, f.Properties.GetProperty("Population").GetInt32(),
            new Dictionary<string, int>
            {
                ["vandalism"] = f.Properties.GetProperty("Vandalism").GetInt32(),
                ["robbery"] = f.Properties.GetProperty("Robbery").GetInt32(),
                ["drugs"] = f.Properties.GetProperty("Drugs").GetInt32(),
                ["car-theft"] = f.Properties.GetProperty("CarTheft").GetInt32(),
            })).ToList();

    /// <summary>The demo city's generated beats as small areas, by district.</summary>
    public static IReadOnlyList<EvaluationArea> Almaty(string sharedData) =>
        DemoCityGenerator.Generate(AlmatyDistrictSource.Load(sharedData)).Beats
            .Select(b => new EvaluationArea(b.Code, b.DistrictCode, b.Boundary, b.Population, new Dictionary<string, int>())).ToList();

    /// <summary>
    /// A small connected instance for the exact check: the first <paramref name="count"/> areas that a
    /// breadth-first search reaches from the named seed area, over neighbours of the seed's group (its
    /// borough), in file order. Each area reached touches one reached before it, so the piece is connected;
    /// a name and an order, not a random draw, make it the same piece every run.
    /// </summary>
    public static EvaluationInstance Grown(string name, IReadOnlyList<EvaluationArea> areas, string seedCode, int count, int beats, string source)
    {
        var seed = areas.Single(a => a.Code == seedCode);
        var pool = areas.Where(a => a.Group == seed.Group).ToList();
        var projection = LocalProjection.For(pool.Select(a => a.Geometry));
        var adjacency = AreaAdjacency.Build(pool.Select(a => projection.Project(a.Geometry)).ToList(), projected: true);
        var reached = new List<int> { pool.IndexOf(seed) };
        var seen = reached.ToHashSet();
        for (var at = 0; at < reached.Count && reached.Count < count; at++)
        {
            foreach (var (next, _) in adjacency.Neighbours[reached[at]])
            {
                if (reached.Count < count && seen.Add(next)) reached.Add(next);
            }
        }
        if (reached.Count < count)
            throw new InvalidOperationException($"{name}: only {reached.Count} areas connect to {seedCode} in {seed.Group}, not {count}.");
        return new EvaluationInstance(name, reached.Select(i => pool[i]).ToList(), beats, source);
    }

}

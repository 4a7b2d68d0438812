using System.Diagnostics;
using NetTopologySuite.Geometries;
using Uchastok.Rules.BeatDesign;
using Uchastok.Rules.Territory;

namespace Uchastok.Bench;

/// <summary>Neighbouring pairs of the two Almaty district files and of London's small areas, for a range of tolerances.</summary>
public static class AdjacencyExplore
{
    public static int Run(string sharedData)
    {
        foreach (var file in new[] { "almaty/districts.osm.geojson", "almaty/districts.names-ru-kk.geojson" })
        {
            var areas = GeoJsonFeatures.Geometries(Path.Combine(sharedData, file));
            foreach (var (gap, min) in new[] { (0.5, 0.5), (1.0, 0.5), (2.0, 0.5), (2.0, 2.0), (3.0, 0.5), (5.0, 0.5), (5.0, 5.0), (2.0, 20.0) })
            {
                var adjacency = AreaAdjacency.Build(areas, new AdjacencyTolerance(gap, min));
                Console.WriteLine($"{file} gap {gap} m, min {min} m: {adjacency.Pairs.Count} pairs: " +
                    string.Join(", ", adjacency.Pairs.Select(p => $"{p.First}-{p.Second}:{p.SharedMetres:F0}")));
            }
        }
        var london = GeoJsonFeatures.Geometries(Path.Combine(sharedData, "london/lsoa-2021.geojson"));
        var watch = Stopwatch.StartNew();
        var londonAdjacency = AreaAdjacency.Build(london);
        Console.WriteLine($"London: {londonAdjacency.Pairs.Count} pairs in {watch.Elapsed.TotalSeconds:F1} s; isolated: {londonAdjacency.Neighbours.Count(n => n.Count == 0)}");
        return 0;
    }

}

using NetTopologySuite.Geometries;
using Uchastok.Rules.BeatDesign;

namespace Uchastok.Rules.Tests.BeatDesign;

/// <summary>Generated instances: a grid of 100 m squares in metres, row by row.</summary>
internal static class Grids
{
    private static readonly GeometryFactory Factory = new();

    public static List<Geometry> Squares(int rows, int columns, double side = 100) =>
        (from r in Enumerable.Range(0, rows)
         from c in Enumerable.Range(0, columns)
         select (Geometry)Factory.CreatePolygon([
             new(c * side, r * side), new((c + 1) * side, r * side), new((c + 1) * side, (r + 1) * side), new(c * side, (r + 1) * side), new(c * side, r * side)])).ToList();

    public static DesignProblem Problem(int rows, int columns, int beats, IReadOnlyList<double>? loads = null, IReadOnlyList<int>? current = null, IReadOnlyList<bool>? fixedAreas = null)
    {
        var squares = Squares(rows, columns);
        var adjacency = AreaAdjacency.Build(squares, projected: true);
        return new DesignProblem(
            loads ?? Enumerable.Repeat(100.0, squares.Count).ToList(), squares.Select(s => s.Area).ToList(), squares.Select(s => s.Length).ToList(),
            squares.Select(s => (s.Centroid.X, s.Centroid.Y)).ToList(), Enumerable.Repeat(100, squares.Count).ToList(), adjacency, beats, current, fixedAreas);
    }

    /// <summary>Loads from 50 to 150, drawn with a fixed seed.</summary>
    public static List<double> RandomLoads(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => 50 + random.NextDouble() * 100).ToList();
    }
}

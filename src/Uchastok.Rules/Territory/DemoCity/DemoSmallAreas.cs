using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate;

namespace Uchastok.Rules.Territory.DemoCity;

/// <summary>A small area of the demo city: a quarter of a beat, with its share of the beat's residents.</summary>
public sealed record GeneratedSmallArea(string Code, int BeatIndex, int Population, Geometry Boundary);

/// <summary>
/// The building blocks of beat design in the demo city (C7). Almaty has no open layer of small
/// areas, so each generated beat is cut into <see cref="PerBeat"/> Voronoi cells clipped to it;
/// today's beats are then exactly unions of small areas, as an optimiser's beats will be. The
/// residents of a beat are shared by area, ±15 %, and add up to the beat's. A random stream of its
/// own keeps the rest of the demo city as it was.
/// </summary>
public static class DemoSmallAreas
{
    public const int PerBeat = 4;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IReadOnlyList<GeneratedSmallArea> Subdivide(IReadOnlyList<GeneratedBeat> beats, int seed = DemoCityGenerator.DefaultSeed)
    {
        var random = new Random(unchecked(seed * 31 + 7));
        var areas = new List<GeneratedSmallArea>();
        for (var b = 0; b < beats.Count; b++)
        {
            var beat = beats[b];
            var cells = Cut(beat.Boundary, random);
            var weights = cells.Select(c => c.Area * (0.85 + random.NextDouble() * 0.3)).ToArray();
            var total = weights.Sum();
            var populations = weights.Select(w => (int)Math.Floor(beat.Population * w / total)).ToArray();
            populations[Array.IndexOf(weights, weights.Max())] += beat.Population - populations.Sum();
            for (var i = 0; i < cells.Count; i++) areas.Add(new GeneratedSmallArea($"{beat.Code}-{i + 1}", b, populations[i], cells[i]));
        }
        return areas;
    }

    private static List<Geometry> Cut(Geometry beat, Random random)
    {
        var prepared = PreparedGeometryFactory.Prepare(beat);
        var envelope = beat.EnvelopeInternal;
        var samples = new List<Coordinate>();
        for (var attempt = 0; samples.Count < PerBeat * 20 && attempt < 20_000; attempt++)
        {
            var c = new Coordinate(envelope.MinX + random.NextDouble() * envelope.Width, envelope.MinY + random.NextDouble() * envelope.Height);
            if (prepared.Contains(Factory.CreatePoint(c))) samples.Add(c);
        }
        if (samples.Count < PerBeat) return [beat];

        // A few rounds of k-means make the cells of even size; their Voronoi cells, clipped to the beat, tile it exactly.
        var centres = samples.Take(PerBeat).Select(c => c.Copy()).ToArray();
        for (var round = 0; round < 8; round++)
        {
            var groups = samples.GroupBy(s => Enumerable.Range(0, centres.Length).MinBy(i => centres[i].Distance(s))).ToList();
            foreach (var group in groups) centres[group.Key] = new Coordinate(group.Average(s => s.X), group.Average(s => s.Y));
        }
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(centres);
        var clip = new Envelope(envelope);
        clip.ExpandBy(0.01);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(Factory);
        var cells = new List<Geometry>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = OverlayNGRobust.Overlay(diagram.GetGeometryN(i), beat, SpatialFunction.Intersection);
            if (!cell.IsEmpty && cell is Polygon or MultiPolygon && cell.Area > 0) cells.Add(cell);
        }
        return cells.Count == 0 ? [beat] : cells.OrderByDescending(c => c.InteriorPoint.Y).ThenBy(c => c.InteriorPoint.X).ToList();
    }
}

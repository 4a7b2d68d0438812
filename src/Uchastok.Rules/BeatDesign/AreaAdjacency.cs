using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Buffer;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.BeatDesign;

/// <summary>Two areas that share a stretch of boundary, and how long it is in metres.</summary>
public sealed record AdjacentPair(int First, int Second, double SharedMetres);

/// <summary>
/// Which small areas are neighbours, from their geometry. Two areas are neighbours when at least
/// <see cref="AdjacencyTolerance.MinSharedMetres"/> of one's boundary runs within
/// <see cref="AdjacencyTolerance.GapMetres"/> of the other, beyond the twice-the-gap that two areas
/// meeting only at a corner give: a shared edge, not a shared corner.
/// The gap absorbs the slivers and tiny overlaps of files whose neighbours were drawn separately;
/// the minimum length keeps areas that meet at a point (or across a sliver's tip) apart. Shared
/// lengths also give each union's perimeter without building it (see <see cref="DesignProblem"/>).
/// </summary>
public sealed class AreaAdjacency
{
    private AreaAdjacency(int count, IReadOnlyList<AdjacentPair> pairs)
    {
        Count = count;
        Pairs = pairs;
        var neighbours = Enumerable.Range(0, count).Select(_ => new List<(int, double)>()).ToArray();
        foreach (var pair in pairs)
        {
            neighbours[pair.First].Add((pair.Second, pair.SharedMetres));
            neighbours[pair.Second].Add((pair.First, pair.SharedMetres));
        }
        Neighbours = neighbours.Select(n => (IReadOnlyList<(int Area, double SharedMetres)>)n.OrderBy(x => x.Item1).ToArray()).ToArray();
    }

    public int Count { get; }
    public IReadOnlyList<AdjacentPair> Pairs { get; }
    /// <summary>For each area, its neighbours in ascending order with the shared boundary length.</summary>
    public IReadOnlyList<IReadOnlyList<(int Area, double SharedMetres)>> Neighbours { get; }

    public static AreaAdjacency FromPairs(int count, IEnumerable<AdjacentPair> pairs) => new(count, pairs.ToList());

    /// <summary>Builds the adjacency of WGS84 polygons (or geometries already in metres, with <paramref name="projected"/>).</summary>
    public static AreaAdjacency Build(IReadOnlyList<Geometry> areas, AdjacencyTolerance? tolerance = null, bool projected = false)
    {
        var rule = tolerance ?? AdjacencyTolerance.Default;
        var metres = projected ? areas : LocalProjection.For(areas).Project(areas);
        var tree = new STRtree<int>();
        for (var i = 0; i < metres.Count; i++)
        {
            var envelope = new Envelope(metres[i].EnvelopeInternal);
            envelope.ExpandBy(rule.GapMetres);
            tree.Insert(envelope, i);
        }
        tree.Build();

        var buffers = new Geometry?[metres.Count];
        var parameters = new BufferParameters(2, EndCapStyle.Round, JoinStyle.Round, 2);
        Geometry Buffered(int i) => buffers[i] ??= metres[i].Buffer(rule.GapMetres, parameters);

        var pairs = new List<AdjacentPair>();
        for (var i = 0; i < metres.Count; i++)
        {
            var envelope = new Envelope(metres[i].EnvelopeInternal);
            envelope.ExpandBy(rule.GapMetres);
            foreach (var j in tree.Query(envelope).Where(j => j > i).Order())
            {
                if (!Buffered(j).EnvelopeInternal.Intersects(metres[i].EnvelopeInternal)) continue;
                // The stretch of i's boundary that lies within the gap of j, measured both ways: the shorter
                // counts. Two areas meeting at a right-angled corner already give twice the gap this way, so
                // that much is not a shared edge.
                var corner = 2 * rule.GapMetres;
                var iToJ = metres[i].Boundary.Intersection(Buffered(j)).Length - corner;
                if (iToJ < rule.MinSharedMetres) continue;
                var jToI = metres[j].Boundary.Intersection(Buffered(i)).Length - corner;
                var shared = Math.Min(iToJ, jToI);
                if (shared >= rule.MinSharedMetres) pairs.Add(new AdjacentPair(i, j, shared));
            }
        }
        return new AreaAdjacency(metres.Count, pairs);
    }

    /// <summary>Whether the given areas form one connected piece.</summary>
    public bool IsConnected(IReadOnlyCollection<int> areas) => areas.Count <= 1 || Pieces(areas).Count == 1;

    /// <summary>The connected pieces of a set of areas, each in ascending order, ordered by their first area.</summary>
    public List<List<int>> Pieces(IEnumerable<int> areas)
    {
        var members = areas.ToHashSet();
        var seen = new HashSet<int>();
        var pieces = new List<List<int>>();
        foreach (var start in members.Order())
        {
            if (!seen.Add(start)) continue;
            var piece = new List<int> { start };
            for (var at = 0; at < piece.Count; at++)
            {
                foreach (var (next, _) in Neighbours[piece[at]])
                    if (members.Contains(next) && seen.Add(next)) piece.Add(next);
            }
            piece.Sort();
            pieces.Add(piece);
        }
        return pieces;
    }
}

/// <summary>
/// How close two boundaries must run (<see cref="GapMetres"/>) and for how long
/// (<see cref="MinSharedMetres"/>, beyond a corner's) to make neighbours. The default, a 2 m gap and
/// 0.5 m of edge, absorbs drawing noise and slivers without joining areas that only meet at a point;
/// on the Almaty district files it finds the 13 pairs of the OpenStreetMap outlines and the 15 of the
/// second file (docs/beat-design.md says which tolerances agree and why).
/// </summary>
public sealed record AdjacencyTolerance(double GapMetres, double MinSharedMetres)
{
    public static readonly AdjacencyTolerance Default = new(2, 0.5);
}

/// <summary>An equirectangular projection to metres around the middle latitude of a set of geometries: within 1 % at city scale.</summary>
public sealed class LocalProjection(double centreLatitude)
{
    private readonly double _metresPerDegreeOfLongitude = GeoMeasure.MetresPerDegreeLongitude(centreLatitude);

    public static LocalProjection For(IEnumerable<Geometry> geometries)
    {
        var box = new Envelope();
        foreach (var geometry in geometries) box.ExpandToInclude(geometry.EnvelopeInternal);
        return new LocalProjection(box.IsNull ? 0 : box.Centre.Y);
    }

    public IReadOnlyList<Geometry> Project(IReadOnlyList<Geometry> geometries) => geometries.Select(Project).ToList();

    public Geometry Project(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new ScaleFilter(_metresPerDegreeOfLongitude, GeoMeasure.MetresPerDegreeLatitude));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ScaleFilter(double x, double y) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, seq.GetX(i) * x);
            seq.SetY(i, seq.GetY(i) * y);
        }
    }
}

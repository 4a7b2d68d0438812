using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Uchastok.Rules.Territory;

/// <summary>
/// Finds the beat that contains a point. Beats are kept in an STR-tree over prepared
/// polygons, so one lookup costs a tree descent plus an indexed point-in-polygon test.
/// Immutable once built: rebuild it when the territory changes and swap the reference.
/// </summary>
public sealed class BeatLocator
{
    private readonly STRtree<Entry> _tree = new();
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    public BeatLocator(IEnumerable<(int BeatId, Geometry Boundary)> beats)
    {
        foreach (var (beatId, boundary) in beats)
        {
            _tree.Insert(boundary.EnvelopeInternal, new Entry(beatId, PreparedGeometryFactory.Prepare(boundary)));
            Count++;
        }
        _tree.Build();
    }

    public int Count { get; }

    /// <summary>The id of the beat containing the point, or null outside every beat.</summary>
    /// <remarks>A point exactly on a shared edge belongs to the beat with the lowest id, so the answer never depends on tree order.</remarks>
    public int? Locate(double longitude, double latitude)
    {
        var point = _factory.CreatePoint(new Coordinate(longitude, latitude));
        int? found = null;
        foreach (var entry in _tree.Query(point.EnvelopeInternal))
        {
            if ((found is null || entry.BeatId < found) && entry.Boundary.Covers(point))
                found = entry.BeatId;
        }
        return found;
    }

    private sealed record Entry(int BeatId, IPreparedGeometry Boundary);
}

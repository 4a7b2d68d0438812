using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Uchastok.Bench;

/// <summary>
/// The baseline the STR-tree is compared with: every beat's envelope is checked in turn and the
/// prepared polygon is tested only when the envelope contains the point. Same tie rule as
/// <c>BeatLocator</c> (lowest id wins on a shared edge), so both must give the same answers.
/// </summary>
public sealed class LinearScanLocator
{
    private readonly (int BeatId, Envelope Envelope, IPreparedGeometry Boundary)[] _beats;
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    public LinearScanLocator(IEnumerable<(int BeatId, Geometry Boundary)> beats) =>
        _beats = beats.Select(b => (b.BeatId, b.Boundary.EnvelopeInternal, PreparedGeometryFactory.Prepare(b.Boundary))).ToArray();

    public int? Locate(double longitude, double latitude)
    {
        Point? point = null;
        int? found = null;
        foreach (var (beatId, envelope, boundary) in _beats)
        {
            if (!envelope.Contains(longitude, latitude) || (found is not null && beatId >= found)) continue;
            point ??= _factory.CreatePoint(new Coordinate(longitude, latitude));
            if (boundary.Covers(point)) found = beatId;
        }
        return found;
    }
}

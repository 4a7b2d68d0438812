using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// One square of the crime grid, by column (east) and row (north) from the grid's origin.
/// Cells order by row, then column: the order every ranking falls back on for ties.
/// </summary>
public readonly record struct GridCell(int Column, int Row) : IComparable<GridCell>
{
    public int CompareTo(GridCell other) => Row != other.Row ? Row.CompareTo(other.Row) : Column.CompareTo(other.Column);
}

/// <summary>
/// A square grid in metres over a city (250 m by default, issue 20). Points go to metres by a local
/// equirectangular projection about the origin's latitude, the one <see cref="GeoMeasure"/> uses:
/// north–south is exact (111,320 m a degree), east–west is scaled by cos(origin latitude), so a cell
/// at a latitude 0.3° away (about 33 km, the size of London) is 250 m tall and about 1.5 m narrower
/// or wider than 250 m (0.6 %). That is far below the anonymisation of police.uk's points (snapped to
/// map points, often 100 m or more off) and keeps cells exact squares in the grid's own metres, with
/// no projection library. The same grid must be used for history and forecast: it is defined by its
/// origin and cell size alone.
/// </summary>
public sealed class CrimeGrid
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private readonly double metresPerDegreeLongitude;

    public CrimeGrid(double originLongitude, double originLatitude, double cellMetres = 250)
    {
        if (!(cellMetres > 0)) throw new ArgumentOutOfRangeException(nameof(cellMetres), "A cell needs a positive size.");
        if (!double.IsFinite(originLongitude) || !double.IsFinite(originLatitude) || Math.Abs(originLatitude) > 80)
            throw new ArgumentOutOfRangeException(nameof(originLatitude), "The origin must be a finite point away from the poles.");
        OriginLongitude = originLongitude;
        OriginLatitude = originLatitude;
        CellMetres = cellMetres;
        metresPerDegreeLongitude = GeoMeasure.MetresPerDegreeLongitude(originLatitude);
    }

    public double OriginLongitude { get; }
    public double OriginLatitude { get; }
    public double CellMetres { get; }

    /// <summary>Metres east and north of the origin.</summary>
    public (double X, double Y) ToMetres(double longitude, double latitude) =>
        ((longitude - OriginLongitude) * metresPerDegreeLongitude, (latitude - OriginLatitude) * GeoMeasure.MetresPerDegreeLatitude);

    public (double Longitude, double Latitude) ToWgs84(double x, double y) =>
        (OriginLongitude + x / metresPerDegreeLongitude, OriginLatitude + y / GeoMeasure.MetresPerDegreeLatitude);

    /// <summary>The cell holding a point; a point on a cell's west or south edge belongs to it.</summary>
    public GridCell CellOf(double longitude, double latitude)
    {
        var (x, y) = ToMetres(longitude, latitude);
        return new GridCell((int)Math.Floor(x / CellMetres), (int)Math.Floor(y / CellMetres));
    }

    public (double Longitude, double Latitude) CentreOf(GridCell cell) =>
        ToWgs84((cell.Column + 0.5) * CellMetres, (cell.Row + 0.5) * CellMetres);

    /// <summary>The cell's square in WGS84 (longitude, latitude), for maps.</summary>
    public Polygon PolygonOf(GridCell cell)
    {
        Coordinate Corner(int dx, int dy)
        {
            var (lon, lat) = ToWgs84((cell.Column + dx) * CellMetres, (cell.Row + dy) * CellMetres);
            return new Coordinate(lon, lat);
        }
        return Wgs84.CreatePolygon([Corner(0, 0), Corner(1, 0), Corner(1, 1), Corner(0, 1), Corner(0, 0)]);
    }

    /// <summary>The cell's square as a map draws it: the closed ring of [longitude, latitude] pairs, rounded to 10 cm.</summary>
    public IReadOnlyList<double[]> RingOf(GridCell cell) =>
        PolygonOf(cell).ExteriorRing.Coordinates.Select(p => new[] { Math.Round(p.X, 6), Math.Round(p.Y, 6) }).ToList();

    /// <summary>Distance in metres between two cells' centres (in the grid's own metres).</summary>
    public double CentreDistance(GridCell a, GridCell b)
    {
        var dx = (double)(a.Column - b.Column);
        var dy = (double)(a.Row - b.Row);
        return Math.Sqrt(dx * dx + dy * dy) * CellMetres;
    }

    /// <summary>Every cell whose square meets the area (WGS84), in cell order.</summary>
    public IReadOnlyList<GridCell> CellsCovering(Geometry area)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (area.IsEmpty) return [];
        var box = area.EnvelopeInternal;
        var low = CellOf(box.MinX, box.MinY);
        var high = CellOf(box.MaxX, box.MaxY);
        var prepared = PreparedGeometryFactory.Prepare(area);
        var cells = new List<GridCell>();
        for (var row = low.Row; row <= high.Row; row++)
            for (var column = low.Column; column <= high.Column; column++)
            {
                var cell = new GridCell(column, row);
                if (prepared.Intersects(PolygonOf(cell))) cells.Add(cell);
            }
        return cells;
    }
}

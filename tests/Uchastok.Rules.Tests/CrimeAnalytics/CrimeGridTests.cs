using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Tests.CrimeAnalytics;

public sealed class CrimeGridTests
{
    // Origin at longitude 0, latitude 60: cos 60° = 0.5, so a degree of longitude is 55,660 m, of latitude 111,320 m.
    private static readonly CrimeGrid Grid = new(0, 60);

    [Fact]
    public void CellOf_CountsWholeCellsEastAndNorthOfTheOrigin()
    {
        Assert.Equal(new GridCell(0, 0), Grid.CellOf(0, 60));
        Assert.Equal(new GridCell(0, 1), Grid.CellOf(0, 60 + 260 / 111_320.0));
        Assert.Equal(new GridCell(2, 0), Grid.CellOf(510 / 55_660.0, 60 + 1 / 111_320.0));
        Assert.Equal(new GridCell(-1, -1), Grid.CellOf(-1 / 55_660.0, 60 - 1 / 111_320.0));
    }

    [Fact]
    public void CentreAndPolygon_GoBackToWgs84()
    {
        var (lon, lat) = Grid.CentreOf(new GridCell(2, 1));
        Assert.Equal(625 / 55_660.0, lon, 12);
        Assert.Equal(60 + 375 / 111_320.0, lat, 12);
        Assert.Equal(new GridCell(2, 1), Grid.CellOf(lon, lat));

        var square = Grid.PolygonOf(new GridCell(2, 1));
        Assert.Equal(5, square.Coordinates.Length);
        Assert.Equal(500 / 55_660.0, square.Coordinates[0].X, 12);
        Assert.Equal(60 + 250 / 111_320.0, square.Coordinates[0].Y, 12);
        // The square is 250 m by 250 m, measured independently of the grid (GeoMeasure, within its < 1 % error).
        Assert.InRange(GeoMeasure.AreaSquareMetres(square), 62_500 * 0.99, 62_500 * 1.01);
    }

    [Fact]
    public void CentreDistance_IsInGridMetres()
    {
        Assert.Equal(500, Grid.CentreDistance(new GridCell(0, 0), new GridCell(0, 2)), 9);
        Assert.Equal(Math.Sqrt(2) * 250, Grid.CentreDistance(new GridCell(0, 0), new GridCell(1, 1)), 9);
    }

    [Fact]
    public void CellsCovering_GivesEveryCellTheAreaMeets_InCellOrder()
    {
        // A square from 10 m to 490 m east and north of the origin meets the four cells (0..1, 0..1).
        var (x0, y0) = Grid.ToWgs84(10, 10);
        var (x1, y1) = Grid.ToWgs84(490, 490);
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        var area = factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

        Assert.Equal([new GridCell(0, 0), new GridCell(1, 0), new GridCell(0, 1), new GridCell(1, 1)], Grid.CellsCovering(area));
    }

    [Fact]
    public void StudyArea_IndexesCellsByRowThenColumn_AndGivesMinusOneOutside()
    {
        var area = new StudyArea(Grid, [new GridCell(1, 1), new GridCell(5, 0), new GridCell(0, 1), new GridCell(5, 0)]);

        Assert.Equal(3, area.Count);
        Assert.Equal([new GridCell(5, 0), new GridCell(0, 1), new GridCell(1, 1)], area.Cells);
        Assert.Equal(2, area.IndexOf(new GridCell(1, 1)));
        Assert.Equal(-1, area.IndexOf(new GridCell(2, 2)));
        Assert.Equal(1, area.IndexOf(Grid.CentreOf(new GridCell(0, 1)).Longitude, Grid.CentreOf(new GridCell(0, 1)).Latitude));
    }

    [Fact]
    public void Grid_RefusesANonPositiveCell() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrimeGrid(0, 60, 0));
}

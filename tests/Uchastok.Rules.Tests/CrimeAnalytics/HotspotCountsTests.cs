using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Rules.Tests.CrimeAnalytics;

public sealed class HotspotCountsTests
{
    private static readonly CrimeGrid Grid = new(76.9, 43.2);

    /// <summary>A point in the middle of the cell (column, row).</summary>
    private static (double, double) In(int column, int row) => Grid.CentreOf(new GridCell(column, row));

    [Fact]
    public void Count_PutsEachPointInItsCell_InCellOrder()
    {
        var cells = HotspotCounts.Count(Grid, [In(2, 3), In(2, 3), In(0, 0), In(2, 3), In(5, 1)]);

        Assert.Equal([(new GridCell(0, 0), 1), (new GridCell(5, 1), 1), (new GridCell(2, 3), 3)], cells.Select(c => (c.Cell, c.Count)));
        Assert.All(cells, c => Assert.Null(c.Density));
    }

    [Fact]
    public void Count_WithDensity_SpreadsOverTheNeighbours_AndKeepsTheMass()
    {
        var cells = HotspotCounts.Count(Grid, [In(10, 10), In(10, 10)], bandwidthMetres: 500);

        var centre = cells.Single(c => c.Cell == new GridCell(10, 10));
        var neighbour = cells.Single(c => c.Cell == new GridCell(11, 10));
        Assert.Equal(2, centre.Count);
        Assert.Equal(0, neighbour.Count);
        Assert.True(centre.Density > neighbour.Density && neighbour.Density > 0);
        // Density is per km² and a cell is 0.0625 km²: summed over the cells it gives back the two incidents.
        Assert.Equal(2.0, cells.Sum(c => c.Density!.Value) * 0.0625, 6);
        // Symmetric: east and north neighbours are as dense as each other.
        Assert.Equal(neighbour.Density!.Value, cells.Single(c => c.Cell == new GridCell(10, 11)).Density!.Value, 9);
    }

    [Fact]
    public void Count_NoPoints_GivesNoCells()
    {
        Assert.Empty(HotspotCounts.Count(Grid, []));
        Assert.Empty(HotspotCounts.Count(Grid, [], bandwidthMetres: 500));
    }
}

using NetTopologySuite.Geometries;
using Uchastok.Rules.BeatDesign;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Tests.Support;

namespace Uchastok.Rules.Tests.BeatDesign;

public sealed class AreaAdjacencyTests
{
    [Fact]
    public void Grid_SquaresSharingAnEdgeAreNeighbours_SquaresMeetingAtACornerAreNot()
    {
        var adjacency = AreaAdjacency.Build(Grids.Squares(3, 3), projected: true);

        Assert.Equal(12, adjacency.Pairs.Count);
        Assert.All(adjacency.Pairs, p => Assert.InRange(p.SharedMetres, 99, 101));
        Assert.Equal([1, 3], adjacency.Neighbours[0].Select(n => n.Area));
        Assert.Equal([1, 3, 5, 7], adjacency.Neighbours[4].Select(n => n.Area));
    }

    [Fact]
    public void Sliver_BetweenNeighbours_IsBridgedByTheGap_ButALongerGapIsNot()
    {
        var factory = new GeometryFactory();
        Geometry Box(double x0, double x1) => factory.CreatePolygon([new(x0, 0), new(x1, 0), new(x1, 100), new(x0, 100), new(x0, 0)]);
        var withSliver = new[] { Box(0, 100), Box(100.8, 200) };
        var apart = new[] { Box(0, 100), Box(105, 200) };

        Assert.Single(AreaAdjacency.Build(withSliver, projected: true).Pairs);
        Assert.Empty(AreaAdjacency.Build(apart, projected: true).Pairs);
    }

    [Theory]
    [InlineData("districts.osm.geojson", 13)]
    [InlineData("districts.names-ru-kk.geojson", 15)]
    public void AlmatyDistrictFiles_HaveTheirTouchingPairs(string file, int pairs)
    {
        var districts = GeoJsonFeatures.Geometries(Path.Combine(SharedData.Path, "almaty", file));

        var adjacency = AreaAdjacency.Build(districts);

        Assert.Equal(pairs, adjacency.Pairs.Count);
        Assert.True(adjacency.IsConnected(Enumerable.Range(0, districts.Count).ToList()));
    }

    [Fact]
    public void AlmatyOsmOutlines_TheToleranceDecidesTheTwoNearContacts()
    {
        var districts = GeoJsonFeatures.Geometries(Path.Combine(SharedData.Path, "almaty", "districts.osm.geojson"));
        var names = GeoJsonFeatures.Geometries(Path.Combine(SharedData.Path, "almaty", "districts.names-ru-kk.geojson"));

        // Gaps of 1 to 5 m keep both narrow contacts; half a metre loses one, a 20 m minimum both.
        foreach (var gap in new[] { 1.0, 3.0, 5.0 }) Assert.Equal(13, AreaAdjacency.Build(districts, new AdjacencyTolerance(gap, 0.5)).Pairs.Count);
        Assert.Equal(12, AreaAdjacency.Build(districts, new AdjacencyTolerance(0.5, 0.5)).Pairs.Count);
        Assert.Equal(11, AreaAdjacency.Build(districts, new AdjacencyTolerance(2, 20)).Pairs.Count);
        // The second file's borders are long: its 15 pairs hold at every tolerance.
        Assert.Equal(15, AreaAdjacency.Build(names, new AdjacencyTolerance(2, 20)).Pairs.Count);
    }

    [Fact]
    public void LondonSmallAreas_EveryAreaHasANeighbour_AndNeighboursReallyMeet()
    {
        var areas = GeoJsonFeatures.Geometries(Path.Combine(SharedData.Path, "london", "lsoa-2021.geojson"));

        var adjacency = AreaAdjacency.Build(areas);

        Assert.Equal(4994, adjacency.Count);
        Assert.DoesNotContain(adjacency.Neighbours, n => n.Count == 0);
        Assert.True(adjacency.IsConnected(Enumerable.Range(0, areas.Count).ToList()));
        // On average a small area has five to six neighbours, as a planar tiling should.
        Assert.InRange(2.0 * adjacency.Pairs.Count / areas.Count, 5, 7);
        Assert.All(adjacency.Pairs.Take(500), p => Assert.True(areas[p.First].Distance(areas[p.Second]) < 1e-4));
    }

}

using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Tests.Support;

namespace Uchastok.Rules.Tests.Territory;

public sealed class BeatLocatorTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Rectangle(double west, double south, double east, double north) =>
        (Polygon)Factory.ToGeometry(new Envelope(west, east, south, north));

    private static LinearRing RectangleRing(double west, double south, double east, double north) =>
        Factory.CreateLinearRing(
        [
            new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
            new Coordinate(west, north), new Coordinate(west, south),
        ]);

    [Fact]
    public void Locate_PointInsideOneOfThreeBeats_ReturnsThatBeat()
    {
        var locator = new BeatLocator(
        [
            (11, Rectangle(76.90, 43.25, 76.91, 43.26)),
            (12, Rectangle(76.91, 43.25, 76.92, 43.26)),
            (13, Rectangle(76.92, 43.25, 76.93, 43.26)),
        ]);

        Assert.Equal(3, locator.Count);
        Assert.Equal(11, locator.Locate(76.905, 43.255));
        Assert.Equal(12, locator.Locate(76.915, 43.255));
        Assert.Equal(13, locator.Locate(76.925, 43.255));
    }

    [Theory]
    [InlineData(76.95, 43.255)] // east of every beat
    [InlineData(76.905, 43.30)] // north of every beat
    [InlineData(43.255, 76.905)] // latitude and longitude swapped
    public void Locate_PointOutsideEveryBeat_ReturnsNull(double longitude, double latitude)
    {
        var locator = new BeatLocator(
        [
            (1, Rectangle(76.90, 43.25, 76.91, 43.26)),
            (2, Rectangle(76.91, 43.25, 76.92, 43.26)),
        ]);

        Assert.Null(locator.Locate(longitude, latitude));
    }

    [Fact]
    public void Locate_PointInsideEnvelopeButOutsideLShapedBeat_ReturnsNull()
    {
        // The L covers the west and south strips of the square 76.90..76.92 x 43.25..43.27;
        // its north-east quarter is inside the bounding box but not inside the beat.
        var lShape = Factory.CreatePolygon(
        [
            new Coordinate(76.90, 43.25), new Coordinate(76.92, 43.25), new Coordinate(76.92, 43.26),
            new Coordinate(76.91, 43.26), new Coordinate(76.91, 43.27), new Coordinate(76.90, 43.27),
            new Coordinate(76.90, 43.25),
        ]);
        var locator = new BeatLocator([(5, lShape)]);

        Assert.Equal(5, locator.Locate(76.905, 43.265));
        Assert.Equal(5, locator.Locate(76.915, 43.255));
        Assert.Null(locator.Locate(76.915, 43.265));
    }

    [Fact]
    public void Locate_PointInHoleOfBeat_ReturnsNull()
    {
        var withHole = Factory.CreatePolygon(
            RectangleRing(76.90, 43.25, 76.92, 43.27),
            [RectangleRing(76.905, 43.255, 76.915, 43.265)]);
        var locator = new BeatLocator([(1, withHole)]);

        Assert.Null(locator.Locate(76.91, 43.26));
        Assert.Equal(1, locator.Locate(76.902, 43.26));
    }

    [Fact]
    public void Locate_PointInHoleFilledByAnotherBeat_ReturnsTheInnerBeat()
    {
        // A ring-shaped beat around a park that is its own beat: the ring has the lower id, so
        // a locator that ignored holes would wrongly answer 1.
        var ring = Factory.CreatePolygon(
            RectangleRing(76.90, 43.25, 76.92, 43.27),
            [RectangleRing(76.905, 43.255, 76.915, 43.265)]);
        var park = Rectangle(76.905, 43.255, 76.915, 43.265);
        var locator = new BeatLocator([(1, ring), (2, park)]);

        Assert.Equal(2, locator.Locate(76.91, 43.26));
        Assert.Equal(1, locator.Locate(76.902, 43.26));
    }

    [Fact]
    public void Locate_PointOnSharedEdge_ReturnsLowestIdWhateverTheOrder()
    {
        var west = Rectangle(76.90, 43.25, 76.91, 43.26);
        var east = Rectangle(76.91, 43.25, 76.92, 43.26);

        var lowFirst = new BeatLocator([(3, west), (7, east)]);
        var highFirst = new BeatLocator([(7, west), (3, east)]);

        Assert.Equal(3, lowFirst.Locate(76.91, 43.255));
        Assert.Equal(3, highFirst.Locate(76.91, 43.255));
    }

    [Fact]
    public void Locate_PointOnCornerOfFourBeats_ReturnsLowestId()
    {
        var locator = new BeatLocator(
        [
            (9, Rectangle(76.90, 43.25, 76.91, 43.26)),
            (4, Rectangle(76.91, 43.25, 76.92, 43.26)),
            (2, Rectangle(76.90, 43.26, 76.91, 43.27)),
            (6, Rectangle(76.91, 43.26, 76.92, 43.27)),
        ]);

        Assert.Equal(2, locator.Locate(76.91, 43.26));
    }

    [Fact]
    public void Locate_PointOnOuterBoundary_ReturnsTheBeat()
    {
        var locator = new BeatLocator([(8, Rectangle(76.90, 43.25, 76.91, 43.26))]);

        Assert.Equal(8, locator.Locate(76.90, 43.255));
        Assert.Equal(8, locator.Locate(76.91, 43.26));
    }

    [Fact]
    public void Locate_PointInSecondPartOfMultiPolygon_ReturnsThatBeat()
    {
        // A beat made of two blocks with another beat's block between them.
        var split = Factory.CreateMultiPolygon(
        [
            Rectangle(76.90, 43.25, 76.91, 43.26),
            Rectangle(76.92, 43.25, 76.93, 43.26),
        ]);
        var locator = new BeatLocator([(1, split), (2, Rectangle(76.91, 43.25, 76.92, 43.26))]);

        Assert.Equal(1, locator.Locate(76.905, 43.255));
        Assert.Equal(1, locator.Locate(76.925, 43.255));
        Assert.Equal(2, locator.Locate(76.915, 43.255));
        Assert.Null(locator.Locate(76.935, 43.255));
    }

    [Fact]
    public void Locate_NoBeats_ReturnsNull()
    {
        var locator = new BeatLocator([]);

        Assert.Equal(0, locator.Count);
        Assert.Null(locator.Locate(76.91, 43.26));
    }

    [Fact]
    public void Locate_InteriorPointOfEveryLondonSmallArea_ReturnsThatArea()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        FeatureCollection? areas;
        using (var file = File.OpenRead(Path.Combine(SharedData.Path, "london", "lsoa-2021.geojson")))
            areas = JsonSerializer.Deserialize<FeatureCollection>(file, options);
        Assert.NotNull(areas);
        Assert.Equal(4994, areas.Count);
        Assert.Contains(areas, a => a.Geometry is MultiPolygon); // the data exercises both polygon kinds

        var locator = new BeatLocator(areas.Select((area, id) => (id, area.Geometry)));
        Assert.Equal(4994, locator.Count);

        var misplaced = new List<string>();
        for (var id = 0; id < areas.Count; id++)
        {
            var point = areas[id].Geometry.InteriorPoint;
            var located = locator.Locate(point.X, point.Y);
            if (located != id)
                misplaced.Add($"{areas[id].Attributes["LSOA21CD"]} at {point.Y},{point.X} -> {located?.ToString() ?? "none"}");
        }

        Assert.True(misplaced.Count == 0, $"{misplaced.Count} areas misplaced:\n" + string.Join("\n", misplaced.Take(20)));
    }
}

using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Tests.Territory;

public sealed class BeatImportValidatorTests
{
    // District "north" is the square lon 76.90..76.92, lat 43.25..43.27 (about 1.6 km x 2.2 km);
    // "south" is the square directly below it. The usual import splits "north" into a west
    // beat (76.90..76.91) and an east beat (76.91..76.92).
    private const double West = 76.90, Middle = 76.91, East = 76.92;
    private const double Bottom = 43.25, Top = 43.27;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Dictionary<string, Geometry> Districts() => new()
    {
        ["north"] = Rectangle(West, Bottom, East, Top),
        ["south"] = Rectangle(West, 43.23, East, Bottom),
    };

    private static Geometry Rectangle(double west, double south, double east, double north) =>
        Factory.ToGeometry(new Envelope(west, east, south, north));

    private static string Ring(params (double Lon, double Lat)[] points) =>
        "[" + string.Join(",", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Lon},{p.Lat}]"))) + "]";

    private static string RectangleRing(double west, double south, double east, double north) =>
        Ring((west, south), (east, south), (east, north), (west, north), (west, south));

    private static string Polygon(params string[] rings) =>
        $$"""{"type":"Polygon","coordinates":[{{string.Join(",", rings)}}]}""";

    private static string RectanglePolygon(double west, double south, double east, double north) =>
        Polygon(RectangleRing(west, south, east, north));

    private static string WestBeat => RectanglePolygon(West, Bottom, Middle, Top);

    private static string EastBeat => RectanglePolygon(Middle, Bottom, East, Top);

    /// <summary>A GeoJSON feature; a null argument leaves that member out, population is raw JSON.</summary>
    private static string Feature(string? code, string? district, string? geometry, string? population = null, string? name = null)
    {
        var properties = new List<string>();
        if (code is not null) properties.Add($"\"code\":{JsonSerializer.Serialize(code)}");
        if (district is not null) properties.Add($"\"district\":{JsonSerializer.Serialize(district)}");
        if (name is not null) properties.Add($"\"name\":{JsonSerializer.Serialize(name)}");
        if (population is not null) properties.Add($"\"population\":{population}");
        var geometryMember = geometry is null ? "" : $",\"geometry\":{geometry}";
        return $"{{\"type\":\"Feature\",\"properties\":{{{string.Join(",", properties)}}}{geometryMember}}}";
    }

    private static string Collection(params string[] features) =>
        $"{{\"type\":\"FeatureCollection\",\"features\":[{string.Join(",", features)}]}}";

    private static string TwoGoodBeats() =>
        Collection(Feature("N-1", "north", WestBeat, "4200"), Feature("N-2", "north", EastBeat, "3900"));

    private static BeatImportError SingleError(BeatImportResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.Beats);
        return Assert.Single(result.Errors);
    }

    private static void AssertLocatedInside(BeatImportError error, double west, double south, double east, double north)
    {
        Assert.NotNull(error.Latitude);
        Assert.NotNull(error.Longitude);
        // Strictly inside: a point on the edge of the problem area would be ambiguous on a map.
        Assert.True(error.Longitude.Value > west && error.Longitude.Value < east, $"longitude {error.Longitude} on the edge");
        Assert.True(error.Latitude.Value > south && error.Latitude.Value < north, $"latitude {error.Latitude} on the edge");
    }

    [Fact]
    public void Validate_TwoBeatsTilingTheDistrict_ReturnsBothDraftsWithPopulation()
    {
        var json = Collection(
            Feature("N-1", "north", WestBeat, "4200", name: "Участок № 1"),
            Feature("N-2", "north", EastBeat, "3900"));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        Assert.Collection(result.Beats,
            first =>
            {
                Assert.Equal(1, first.FeatureNumber);
                Assert.Equal("N-1", first.Code);
                Assert.Equal("Участок № 1", first.Name);
                Assert.Equal("north", first.DistrictCode);
                Assert.Equal(4200, first.Population);
                Assert.True(first.Boundary.EqualsTopologically(Rectangle(West, Bottom, Middle, Top)));
            },
            second =>
            {
                Assert.Equal(2, second.FeatureNumber);
                Assert.Equal("N-2", second.Code);
                Assert.Null(second.Name);
                Assert.Equal("north", second.DistrictCode);
                Assert.Equal(3900, second.Population);
                Assert.True(second.Boundary.EqualsTopologically(Rectangle(Middle, Bottom, East, Top)));
            });
    }

    [Fact]
    public void Validate_PopulationMissingOrNull_DraftHasZeroPopulation()
    {
        var json = Collection(Feature("N-1", "north", WestBeat), Feature("N-2", "north", EastBeat, "null"));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.All(result.Beats, b => Assert.Equal(0, b.Population));
    }

    [Fact]
    public void Validate_MultiPolygonBeat_IsAccepted()
    {
        // One beat made of two separate strips, the other beat the strip between them.
        var multi = $$"""{"type":"MultiPolygon","coordinates":[[{{RectangleRing(West, Bottom, 76.905, Top)}}],[{{RectangleRing(76.915, Bottom, East, Top)}}]]}""";
        var json = Collection(
            Feature("N-1", "north", multi, "5000"),
            Feature("N-2", "north", RectanglePolygon(76.905, Bottom, 76.915, Top), "3000"));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.IsType<MultiPolygon>(result.Beats[0].Boundary);
        Assert.Equal(2, result.Beats[0].Boundary.NumGeometries);
    }

    [Theory]
    [InlineData("EPSG:4326")]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84")]
    [InlineData("urn:ogc:def:crs:EPSG::4326")]
    public void Validate_Wgs84CrsDeclared_IsAccepted(string crs)
    {
        var json = TwoGoodBeats().Replace(
            "{\"type\":\"FeatureCollection\",",
            $"{{\"type\":\"FeatureCollection\",\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{crs}\"}}}},",
            StringComparison.Ordinal);
        Assert.Contains(crs, json, StringComparison.Ordinal);

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[")]
    public void Validate_NotJson_ReturnsNotJson(string text)
    {
        var error = SingleError(BeatImportValidator.Validate(text, Districts()));

        Assert.Equal(BeatImportProblem.NotJson, error.Problem);
        Assert.Null(error.FeatureNumber);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}")]
    [InlineData("{\"features\":[]}")]
    [InlineData("{\"type\":\"FeatureCollection\"}")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":{}}")]
    [InlineData("{\"type\":\"featurecollection\",\"features\":[]}")]
    public void Validate_NotAFeatureCollection_ReturnsNotFeatureCollection(string json)
    {
        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.NotFeatureCollection, error.Problem);
    }

    [Fact]
    public void Validate_EmptyFeatureArray_ReturnsNoFeatures()
    {
        var error = SingleError(BeatImportValidator.Validate("{\"type\":\"FeatureCollection\",\"features\":[]}", Districts()));

        Assert.Equal(BeatImportProblem.NoFeatures, error.Problem);
    }

    [Theory]
    [InlineData("EPSG:3857")]
    [InlineData("urn:ogc:def:crs:EPSG::32643")]
    public void Validate_ProjectedCrsDeclared_ReturnsNonWgs84Crs(string crs)
    {
        var crsMember = $"\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{crs}\"}}}}";
        var json = $"{{\"type\":\"FeatureCollection\",{crsMember},\"features\":[{Feature("N-1", "north", WestBeat)}]}}";

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.NonWgs84Crs, error.Problem);
        Assert.Equal(crs, error.Detail);
    }

    [Fact]
    public void Validate_WebMercatorCoordinatesWithoutCrs_ReturnsCoordinatesOutOfRange()
    {
        // Almaty in EPSG:3857 metres, as exported by a tool that forgot to write the crs member.
        var projected = RectanglePolygon(8_560_000, 5_350_000, 8_562_000, 5_352_000);
        var json = Collection(Feature("N-1", "north", WestBeat), Feature("N-2", "north", projected));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.CoordinatesOutOfRange, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Equal("N-2", error.Code);
    }

    [Fact]
    public void Validate_LatitudeAndLongitudeSwapped_ReturnsOutsideDistrict()
    {
        // [lat, lon] instead of GeoJSON's [lon, lat] is still a valid position (lat 76.9° is in the
        // Arctic), so the range check cannot catch it; the district check must.
        var swapped = Polygon(Ring((Bottom, West), (Bottom, East), (Top, East), (Top, West), (Bottom, West)));
        var json = Collection(Feature("N-1", "north", swapped));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.Empty(result.Beats);
        var outside = Assert.Single(result.Errors, e => e.Problem == BeatImportProblem.OutsideDistrict);
        Assert.Equal((1, "N-1"), (outside.FeatureNumber, outside.Code));
        Assert.Single(result.Errors, e => e.Problem == BeatImportProblem.Gap);
    }

    [Fact]
    public void Validate_CoordinateBeyondDoubleRange_ReturnsCoordinatesOutOfRange()
    {
        var json = Collection(Feature("N-1", "north",
            """{"type":"Polygon","coordinates":[[[1e400,43.25],[76.91,43.25],[76.91,43.27],[1e400,43.25]]]}"""));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.CoordinatesOutOfRange, error.Problem);
        Assert.Equal(1, error.FeatureNumber);
    }

    [Theory]
    [InlineData("null")]
    [InlineData(null)]
    public void Validate_FeatureWithoutGeometry_ReturnsMissingGeometry(string? geometry)
    {
        var json = Collection(Feature("N-1", "north", WestBeat), Feature("N-2", "north", geometry));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.MissingGeometry, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Equal("N-2", error.Code);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[76.905,43.26]}""", "Point")]
    [InlineData("""{"type":"LineString","coordinates":[[76.90,43.25],[76.91,43.27]]}""", "LineString")]
    [InlineData("""{"type":"GeometryCollection","geometries":[]}""", "GeometryCollection")]
    public void Validate_NonPolygonGeometry_ReturnsUnsupportedGeometryType(string geometry, string type)
    {
        var json = Collection(Feature("N-1", "north", geometry));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.UnsupportedGeometryType, error.Problem);
        Assert.Equal(1, error.FeatureNumber);
        Assert.Equal("N-1", error.Code);
        Assert.Equal(type, error.Detail);
    }

    [Theory]
    [InlineData("""{"type":"Polygon"}""")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[["76.90","43.25"],[76.91,43.25],[76.91,43.27],[76.90,43.25]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[76.90],[76.91,43.25],[76.91,43.27],[76.90,43.25]]]}""")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[]]}""")]
    public void Validate_MalformedPolygonCoordinates_ReturnsUnreadableGeometry(string geometry)
    {
        var json = Collection(Feature("N-1", "north", geometry));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.UnreadableGeometry, error.Problem);
        Assert.Equal(1, error.FeatureNumber);
        Assert.Equal("N-1", error.Code);
    }

    [Fact]
    public void Validate_EmptyMultiPolygonBesideACoveringBeat_ReturnsUnreadableGeometry()
    {
        // Without its own check, a beat with no territory slips through: it overlaps nothing,
        // lies outside nothing, and the other beat leaves no gap.
        var json = Collection(
            Feature("N-1", "north", RectanglePolygon(West, Bottom, East, Top)),
            Feature("N-2", "north", """{"type":"MultiPolygon","coordinates":[]}"""));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.UnreadableGeometry, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Equal("N-2", error.Code);
    }

    [Fact]
    public void Validate_RingNotClosed_ReturnsRingNotClosedAtFirstPoint()
    {
        var open = Polygon(Ring((West, Bottom), (Middle, Bottom), (Middle, Top), (West, Top)));
        var json = Collection(Feature("N-1", "north", open));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.RingNotClosed, error.Problem);
        Assert.Equal(1, error.FeatureNumber);
        Assert.Equal("N-1", error.Code);
        Assert.Equal(West, error.Longitude);
        Assert.Equal(Bottom, error.Latitude);
    }

    [Fact]
    public void Validate_RingOfThreePositions_ReturnsRingTooShort()
    {
        var line = Polygon(Ring((West, Bottom), (Middle, Top), (West, Bottom)));
        var json = Collection(Feature("N-1", "north", line));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.RingTooShort, error.Problem);
        Assert.Equal(1, error.FeatureNumber);
        Assert.Equal("N-1", error.Code);
        Assert.Equal("3", error.Detail);
    }

    [Fact]
    public void Validate_BowTie_ReturnsSelfIntersectionAtTheCrossing()
    {
        // West-bottom -> middle-top -> middle-bottom -> west-top: the two diagonals cross at the centre.
        var bowTie = Polygon(Ring((West, Bottom), (Middle, Top), (Middle, Bottom), (West, Top), (West, Bottom)));
        var json = Collection(Feature("N-1", "north", bowTie));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.SelfIntersection, error.Problem);
        Assert.Equal(1, error.FeatureNumber);
        Assert.Equal("N-1", error.Code);
        Assert.NotNull(error.Longitude);
        Assert.NotNull(error.Latitude);
        Assert.Equal((West + Middle) / 2, error.Longitude.Value, 6);
        Assert.Equal((Bottom + Top) / 2, error.Latitude.Value, 6);
    }

    [Fact]
    public void Validate_HoleOutsideShell_ReturnsInvalidGeometry()
    {
        var shell = RectangleRing(West, Bottom, Middle, Top);
        var hole = RectangleRing(76.95, 43.30, 76.96, 43.31);
        var json = Collection(Feature("N-1", "north", Polygon(shell, hole)));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.InvalidGeometry, error.Problem);
        Assert.Equal(1, error.FeatureNumber);
        Assert.Equal("N-1", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_FeatureWithoutCode_ReturnsMissingCode(string? code)
    {
        var json = Collection(Feature("N-1", "north", WestBeat), Feature(code, "north", EastBeat));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.MissingCode, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Null(error.Code);
    }

    [Theory]
    [InlineData("N-1")]
    [InlineData("n-1")]
    [InlineData(" N-1 ")]
    public void Validate_CodeRepeated_ReturnsDuplicateCodeNamingTheFirstFeature(string repeated)
    {
        var json = Collection(
            Feature("N-1", "north", WestBeat),
            Feature("N-2", "north", RectanglePolygon(Middle, Bottom, East, 43.26)),
            Feature(repeated, "north", RectanglePolygon(Middle, 43.26, East, Top)));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.DuplicateCode, error.Problem);
        Assert.Equal(3, error.FeatureNumber);
        Assert.Equal(repeated.Trim(), error.Code);
        Assert.Equal("1", error.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_FeatureWithoutDistrict_ReturnsMissingDistrict(string? district)
    {
        var json = Collection(Feature("N-1", "north", WestBeat), Feature("N-2", district, EastBeat));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.MissingDistrict, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Equal("N-2", error.Code);
    }

    [Fact]
    public void Validate_DistrictNotInTheCity_ReturnsUnknownDistrict()
    {
        var json = Collection(Feature("N-1", "north", WestBeat), Feature("N-2", "medeu", EastBeat));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.UnknownDistrict, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Equal("N-2", error.Code);
        Assert.Equal("medeu", error.Detail);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"4200\"")]
    [InlineData("4200.5")]
    [InlineData("true")]
    [InlineData("3000000000")]
    [InlineData("{}")]
    public void Validate_PopulationNotANonNegativeInteger_ReturnsInvalidPopulation(string population)
    {
        var json = Collection(Feature("N-1", "north", WestBeat, "4200"), Feature("N-2", "north", EastBeat, population));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.InvalidPopulation, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Equal("N-2", error.Code);
        Assert.Equal(population, error.Detail);
    }

    [Fact]
    public void Validate_BeatsOverlapByAHectare_ReturnsOverlapOnTheLaterFeature()
    {
        // The east beat reaches 0.001° (about 80 m x 111 m, 9,000 m²) into the west beat.
        var eastWithBulge = Polygon(Ring(
            (Middle, Bottom), (East, Bottom), (East, Top), (Middle, Top),
            (Middle, 43.261), (76.909, 43.261), (76.909, 43.260), (Middle, 43.260), (Middle, Bottom)));
        var json = Collection(Feature("N-1", "north", WestBeat), Feature("N-2", "north", eastWithBulge));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.Overlap, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Equal("N-2", error.Code);
        Assert.NotNull(error.Detail);
        var detail = error.Detail.Split('|');
        Assert.Equal("N-1", detail[0]);
        Assert.InRange(double.Parse(detail[1], CultureInfo.InvariantCulture), 8_500, 9_500);
        AssertLocatedInside(error, 76.909, 43.260, Middle, 43.261);
    }

    [Fact]
    public void Validate_OverlapSmallerThanTolerance_IsAccepted()
    {
        // A 0.00002° notch (about 1.6 m x 2.2 m, under 4 m²): drawing noise, not a real overlap.
        var eastWithNotch = Polygon(Ring(
            (Middle, Bottom), (East, Bottom), (East, Top), (Middle, Top),
            (Middle, 43.26002), (76.90998, 43.26002), (76.90998, 43.26), (Middle, 43.26), (Middle, Bottom)));
        var json = Collection(Feature("N-1", "north", WestBeat), Feature("N-2", "north", eastWithNotch));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Beats.Count);
    }

    [Fact]
    public void Validate_SameNotchWithZeroTolerance_ReturnsOverlap()
    {
        // Guards the test above: the notch is a real overlap, accepted only because of the tolerance.
        var eastWithNotch = Polygon(Ring(
            (Middle, Bottom), (East, Bottom), (East, Top), (Middle, Top),
            (Middle, 43.26002), (76.90998, 43.26002), (76.90998, 43.26), (Middle, 43.26), (Middle, Bottom)));
        var json = Collection(Feature("N-1", "north", WestBeat), Feature("N-2", "north", eastWithNotch));

        var result = BeatImportValidator.Validate(json, Districts(), new BeatImportTolerance(0));

        Assert.Contains(result.Errors, e => e.Problem == BeatImportProblem.Overlap && e.FeatureNumber == 2);
        Assert.Empty(result.Beats);
    }

    [Fact]
    public void Validate_StripBetweenBeatsUncovered_ReturnsGapInsideTheStrip()
    {
        // 0.001° (about 80 m) of the district between the two beats belongs to nobody.
        var json = Collection(
            Feature("N-1", "north", WestBeat),
            Feature("N-2", "north", RectanglePolygon(76.911, Bottom, East, Top)));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.Gap, error.Problem);
        Assert.Null(error.FeatureNumber);
        Assert.NotNull(error.Detail);
        Assert.StartsWith("north|", error.Detail, StringComparison.Ordinal);
        AssertLocatedInside(error, Middle, Bottom, 76.911, Top);
    }

    [Fact]
    public void Validate_HoleInTheOnlyBeat_ReturnsGapInsideTheHole()
    {
        var withHole = Polygon(RectangleRing(West, Bottom, East, Top), RectangleRing(76.905, 43.255, 76.906, 43.256));
        var json = Collection(Feature("N-1", "north", withHole));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.Gap, error.Problem);
        AssertLocatedInside(error, 76.905, 43.255, 76.906, 43.256);
    }

    [Fact]
    public void Validate_GapsInTwoDistricts_ReportsEachDistrict()
    {
        var json = Collection(
            Feature("N-1", "north", RectanglePolygon(West, Bottom, 76.919, Top)),
            Feature("S-1", "south", RectanglePolygon(76.901, 43.23, East, Bottom)));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.Empty(result.Beats);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(BeatImportProblem.Gap, e.Problem));
        Assert.Contains(result.Errors, e => e.Detail!.StartsWith("north|", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Detail!.StartsWith("south|", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BeatReachingOutOfItsDistrict_ReturnsOutsideDistrict()
    {
        // The east beat runs 0.005° past the district's east edge, into the neighbouring city block.
        var json = Collection(
            Feature("N-1", "north", WestBeat),
            Feature("N-2", "north", RectanglePolygon(Middle, Bottom, 76.925, Top)));

        var error = SingleError(BeatImportValidator.Validate(json, Districts()));

        Assert.Equal(BeatImportProblem.OutsideDistrict, error.Problem);
        Assert.Equal(2, error.FeatureNumber);
        Assert.Equal("N-2", error.Code);
        Assert.NotNull(error.Detail);
        Assert.StartsWith("north|", error.Detail, StringComparison.Ordinal);
        AssertLocatedInside(error, East, Bottom, 76.925, Top);
    }

    [Fact]
    public void Validate_BeatDrawnInTheWrongDistrict_ReturnsOutsideDistrictAndGap()
    {
        // N-2 is labelled "north" but lies entirely in "south", leaving the east half of "north" empty.
        var json = Collection(
            Feature("N-1", "north", WestBeat),
            Feature("N-2", "north", RectanglePolygon(West, 43.23, East, Bottom)));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.Empty(result.Beats);
        var outside = Assert.Single(result.Errors, e => e.Problem == BeatImportProblem.OutsideDistrict);
        Assert.Equal(2, outside.FeatureNumber);
        var gap = Assert.Single(result.Errors, e => e.Problem == BeatImportProblem.Gap);
        AssertLocatedInside(gap, Middle, Bottom, East, Top);
    }

    [Fact]
    public void Validate_ErrorsInSeveralFeatures_ReportsEveryOne()
    {
        var json = Collection(
            Feature(null, "north", WestBeat),
            Feature("N-2", "north", EastBeat),
            Feature("N-3", "atlantis", EastBeat),
            Feature("N-4", "north", """{"type":"Point","coordinates":[76.905,43.26]}"""),
            Feature("N-5", "north", EastBeat, "-3"));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.False(result.Succeeded);
        Assert.Empty(result.Beats);
        Assert.Collection(result.Errors,
            e => Assert.Equal((BeatImportProblem.MissingCode, (int?)1, (string?)null), (e.Problem, e.FeatureNumber, e.Code)),
            e => Assert.Equal((BeatImportProblem.UnknownDistrict, (int?)3, (string?)"N-3"), (e.Problem, e.FeatureNumber, e.Code)),
            e => Assert.Equal((BeatImportProblem.UnsupportedGeometryType, (int?)4, (string?)"N-4"), (e.Problem, e.FeatureNumber, e.Code)),
            e => Assert.Equal((BeatImportProblem.InvalidPopulation, (int?)5, (string?)"N-5"), (e.Problem, e.FeatureNumber, e.Code)));
    }

    [Fact]
    public void Validate_OneFeatureWithSeveralProblems_ReportsEachProblem()
    {
        var json = Collection(Feature(null, null, null, "\"many\""));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.Equal(
            new[] { BeatImportProblem.MissingCode, BeatImportProblem.MissingDistrict, BeatImportProblem.InvalidPopulation, BeatImportProblem.MissingGeometry },
            result.Errors.Select(e => e.Problem));
        Assert.All(result.Errors, e => Assert.Equal(1, e.FeatureNumber));
    }

    [Fact]
    public void Validate_OneBadFeatureAmongGoodOnes_ReturnsNoDrafts()
    {
        var json = Collection(
            Feature("N-1", "north", WestBeat, "4200"),
            Feature("N-2", "north", EastBeat, "3900"),
            Feature("S-1", "south", RectanglePolygon(West, 43.23, East, Bottom), "-1"));

        var result = BeatImportValidator.Validate(json, Districts());

        Assert.False(result.Succeeded);
        Assert.Empty(result.Beats);
        var error = Assert.Single(result.Errors);
        Assert.Equal((BeatImportProblem.InvalidPopulation, (int?)3), (error.Problem, error.FeatureNumber));
    }
}

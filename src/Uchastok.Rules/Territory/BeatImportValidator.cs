using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Operation.Valid;

namespace Uchastok.Rules.Territory;

/// <summary>
/// Reads a GeoJSON FeatureCollection of beats and decides whether it may replace the beats
/// of the districts it names. Every problem is reported, per feature where it belongs to
/// one, so an administrator can fix the file in one pass. Nothing here touches a database:
/// the caller stores the drafts only when <see cref="BeatImportResult.Succeeded"/>.
/// </summary>
/// <remarks>
/// Feature properties: <c>code</c> (required, unique), <c>district</c> (district code,
/// required), <c>name</c> (optional), <c>population</c> (optional, non-negative integer).
/// </remarks>
public static class BeatImportValidator
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly HashSet<string> Wgs84CrsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "CRS84",
    };

    public static BeatImportResult Validate(
        string geoJson,
        IReadOnlyDictionary<string, Geometry> districtBoundaries,
        BeatImportTolerance? tolerance = null)
    {
        tolerance ??= new BeatImportTolerance();
        var errors = new List<BeatImportError>();
        var drafts = new List<BeatDraft>();

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(geoJson);
        }
        catch (JsonException exception)
        {
            return new([], [new BeatImportError(BeatImportProblem.NotJson, Detail: exception.Message)]);
        }

        using (document)
        {
            if (ReadCollection(document.RootElement, districtBoundaries, drafts, errors) is { } refused) return refused;
        }

        // Geometric checks between beats only make sense once every beat is readable on its own.
        if (errors.Count == 0)
        {
            CheckOverlaps(drafts, tolerance, errors);
            CheckDistrictCoverage(drafts, districtBoundaries, tolerance, errors);
        }

        return new(errors.Count == 0 ? drafts : [], errors);
    }

    /// <summary>Reads the features into drafts and errors; a result when the whole file is refused at once.</summary>
    private static BeatImportResult? ReadCollection(
        JsonElement root, IReadOnlyDictionary<string, Geometry> districtBoundaries, List<BeatDraft> drafts, List<BeatImportError> errors)
    {
        try
        {
            return ReadFeatures(root, districtBoundaries, drafts, errors);
        }
        catch (InvalidOperationException) when (HasLoneSurrogate(root))
        {
            return new([], [new BeatImportError(BeatImportProblem.UnreadableText)]);
        }
    }

    private static BeatImportResult? ReadFeatures(
        JsonElement root, IReadOnlyDictionary<string, Geometry> districtBoundaries, List<BeatDraft> drafts, List<BeatImportError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != "FeatureCollection"
            || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return new([], [new BeatImportError(BeatImportProblem.NotFeatureCollection)]);
        }

        if (CrsName(root) is { } crs && !Wgs84CrsNames.Contains(crs))
            return new([], [new BeatImportError(BeatImportProblem.NonWgs84Crs, Detail: crs)]);

        if (features.GetArrayLength() == 0)
            return new([], [new BeatImportError(BeatImportProblem.NoFeatures)]);

        var seenCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var feature in features.EnumerateArray())
        {
            number++;
            try
            {
                var draft = ReadFeature(feature, number, districtBoundaries, seenCodes, errors);
                if (draft is not null) drafts.Add(draft);
            }
            catch (InvalidOperationException) when (HasLoneSurrogate(feature))
            {
                // JsonDocument keeps escapes as written; GetString throws on one that decodes to half a character.
                errors.Add(new(BeatImportProblem.UnreadableText, number));
            }
        }
        return null;
    }

    /// <summary>Whether some string in the element (a name or a value) decodes to a lone UTF-16 surrogate.</summary>
    private static bool HasLoneSurrogate(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Readable(() => property.Name) || HasLoneSurrogate(property.Value)) return true;
                }
                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (HasLoneSurrogate(item)) return true;
                return false;
            case JsonValueKind.String:
                return !Readable(() => element.GetString());
            default:
                return false;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? CrsName(JsonElement root) =>
        root.TryGetProperty("crs", out var crs) && crs.ValueKind == JsonValueKind.Object
        && crs.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
        && properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;

    private static BeatDraft? ReadFeature(
        JsonElement feature,
        int number,
        IReadOnlyDictionary<string, Geometry> districts,
        Dictionary<string, int> seenCodes,
        List<BeatImportError> errors)
    {
        var errorsBefore = errors.Count;
        var properties = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p)
            && p.ValueKind == JsonValueKind.Object ? p : default;

        var code = StringProperty(properties, "code");
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new(BeatImportProblem.MissingCode, number));
            code = null;
        }
        else if (!BeatCode.IsValid(code))
        {
            // Not echoed back: the code is the problem, and the feature's number finds it.
            errors.Add(new(BeatImportProblem.InvalidCode, number, Detail: BeatCode.MaxLength.ToString(CultureInfo.InvariantCulture)));
            code = null;
        }
        else if (seenCodes.TryGetValue(code, out var firstNumber))
        {
            errors.Add(new(BeatImportProblem.DuplicateCode, number, code, firstNumber.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            seenCodes[code] = number;
        }

        var districtCode = StringProperty(properties, "district");
        if (string.IsNullOrWhiteSpace(districtCode))
            errors.Add(new(BeatImportProblem.MissingDistrict, number, code));
        else if (!districts.ContainsKey(districtCode))
            errors.Add(new(BeatImportProblem.UnknownDistrict, number, code, districtCode));

        var population = 0;
        if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("population", out var pop)
            && pop.ValueKind != JsonValueKind.Null)
        {
            if (pop.ValueKind != JsonValueKind.Number || !pop.TryGetInt32(out population) || population < 0)
            {
                errors.Add(new(BeatImportProblem.InvalidPopulation, number, code, pop.GetRawText()));
            }
        }

        var boundary = ReadGeometry(feature, number, code, errors);
        if (errors.Count > errorsBefore || boundary is null) return null;
        return new BeatDraft(number, code!, StringProperty(properties, "name"), districtCode!, population, boundary);
    }

    private static string? StringProperty(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()?.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static Geometry? ReadGeometry(JsonElement feature, int number, string? code, List<BeatImportError> errors)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry)
            || geometry.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(BeatImportProblem.MissingGeometry, number, code));
            return null;
        }

        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(type is "Polygon" or "MultiPolygon" ? BeatImportProblem.UnreadableGeometry : BeatImportProblem.UnsupportedGeometryType, number, code, type));
            return null;
        }

        try
        {
            Geometry result = type switch
            {
                "Polygon" => ReadPolygon(coordinates),
                // An empty MultiPolygon is well-formed GeoJSON but would give a beat with no territory.
                "MultiPolygon" when coordinates.GetArrayLength() == 0 => throw new GeometryReadException(BeatImportProblem.UnreadableGeometry, type, null),
                "MultiPolygon" => Factory.CreateMultiPolygon(coordinates.EnumerateArray().Select(ReadPolygon).ToArray()),
                _ => throw new GeometryReadException(BeatImportProblem.UnsupportedGeometryType, type, null),
            };

            var validation = new IsValidOp(result).ValidationError;
            if (validation is not null)
            {
                var problem = validation.ErrorType is TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection
                    ? BeatImportProblem.SelfIntersection
                    : BeatImportProblem.InvalidGeometry;
                errors.Add(new(problem, number, code, validation.Message, validation.Coordinate?.Y, validation.Coordinate?.X));
                return null;
            }
            return result;
        }
        catch (GeometryReadException exception)
        {
            errors.Add(new(exception.Problem, number, code, exception.Detail, exception.At?.Y, exception.At?.X));
            return null;
        }
    }

    private static Polygon ReadPolygon(JsonElement rings)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
            throw new GeometryReadException(BeatImportProblem.UnreadableGeometry, null, null);
        var linearRings = rings.EnumerateArray().Select(ReadRing).ToArray();
        return Factory.CreatePolygon(linearRings[0], linearRings[1..]);
    }

    private static LinearRing ReadRing(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array)
            throw new GeometryReadException(BeatImportProblem.UnreadableGeometry, null, null);

        var coordinates = new List<Coordinate>();
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                throw new GeometryReadException(BeatImportProblem.UnreadableGeometry, position.GetRawText(), null);

            var coordinate = new Coordinate(position[0].GetDouble(), position[1].GetDouble());
            if (coordinate.X is < -180 or > 180 || coordinate.Y is < -90 or > 90)
                throw new GeometryReadException(BeatImportProblem.CoordinatesOutOfRange, position.GetRawText(), null);
            coordinates.Add(coordinate);
        }

        if (coordinates.Count < 4)
            throw new GeometryReadException(BeatImportProblem.RingTooShort, coordinates.Count.ToString(CultureInfo.InvariantCulture), coordinates.FirstOrDefault());
        if (!coordinates[0].Equals2D(coordinates[^1]))
            throw new GeometryReadException(BeatImportProblem.RingNotClosed, null, coordinates[0]);
        return Factory.CreateLinearRing(coordinates.ToArray());
    }

    private static void CheckOverlaps(List<BeatDraft> drafts, BeatImportTolerance tolerance, List<BeatImportError> errors)
    {
        var tree = new STRtree<BeatDraft>();
        foreach (var draft in drafts) tree.Insert(draft.Boundary.EnvelopeInternal, draft);
        tree.Build();

        foreach (var draft in drafts)
        {
            foreach (var other in tree.Query(draft.Boundary.EnvelopeInternal))
            {
                if (other.FeatureNumber <= draft.FeatureNumber || !draft.Boundary.Intersects(other.Boundary)) continue;
                var overlap = OverlayNGRobust.Overlay(draft.Boundary, other.Boundary, SpatialFunction.Intersection);
                var area = GeoMeasure.AreaSquareMetres(overlap);
                if (area <= tolerance.SquareMetres) continue;
                var at = overlap.InteriorPoint.Coordinate;
                errors.Add(new(BeatImportProblem.Overlap, other.FeatureNumber, other.Code,
                    $"{draft.Code}|{Math.Round(area).ToString(CultureInfo.InvariantCulture)}", at?.Y, at?.X));
            }
        }
    }

    private static void CheckDistrictCoverage(
        List<BeatDraft> drafts,
        IReadOnlyDictionary<string, Geometry> districts,
        BeatImportTolerance tolerance,
        List<BeatImportError> errors)
    {
        foreach (var group in drafts.GroupBy(d => d.DistrictCode, StringComparer.OrdinalIgnoreCase))
        {
            var district = districts[group.Key];
            foreach (var beat in group)
            {
                var outside = OverlayNGRobust.Overlay(beat.Boundary, district, SpatialFunction.Difference);
                var area = GeoMeasure.AreaSquareMetres(outside);
                if (area > tolerance.SquareMetres)
                {
                    var at = outside.InteriorPoint.Coordinate;
                    errors.Add(new(BeatImportProblem.OutsideDistrict, beat.FeatureNumber, beat.Code,
                        $"{group.Key}|{Math.Round(area).ToString(CultureInfo.InvariantCulture)}", at?.Y, at?.X));
                }
            }

            var covered = UnaryUnionOp.Union(group.Select(b => b.Boundary).ToList());
            var gaps = OverlayNGRobust.Overlay(district, covered, SpatialFunction.Difference);
            for (var i = 0; i < gaps.NumGeometries; i++)
            {
                var gap = gaps.GetGeometryN(i);
                var area = GeoMeasure.AreaSquareMetres(gap);
                if (area <= tolerance.SquareMetres) continue;
                var at = gap.InteriorPoint.Coordinate;
                errors.Add(new(BeatImportProblem.Gap, Detail: $"{group.Key}|{Math.Round(area).ToString(CultureInfo.InvariantCulture)}", Latitude: at?.Y, Longitude: at?.X));
            }
        }
    }

    private sealed class GeometryReadException(BeatImportProblem problem, string? detail, Coordinate? at) : Exception(detail)
    {
        public BeatImportProblem Problem { get; } = problem;
        public string? Detail { get; } = detail;
        public Coordinate? At { get; } = at;
    }
}

using NetTopologySuite.Geometries;

namespace Uchastok.Rules.Territory;

/// <summary>What is wrong with one feature (or the whole file) of a beat import.</summary>
public enum BeatImportProblem
{
    NotJson,
    NotFeatureCollection,
    NoFeatures,
    NonWgs84Crs,
    MissingGeometry,
    UnsupportedGeometryType,
    UnreadableGeometry,
    CoordinatesOutOfRange,
    RingNotClosed,
    RingTooShort,
    SelfIntersection,
    InvalidGeometry,
    MissingCode,
    DuplicateCode,
    MissingDistrict,
    UnknownDistrict,
    InvalidPopulation,
    Overlap,
    Gap,
    OutsideDistrict,
    /// <summary>The code belongs to an existing beat of a district the file does not cover.</summary>
    CodeInOtherDistrict,
}

/// <summary>
/// One reason an import is refused. <paramref name="FeatureNumber"/> is 1-based as a person
/// counts features in the file; the location points at the problem where there is one.
/// </summary>
public sealed record BeatImportError(
    BeatImportProblem Problem,
    int? FeatureNumber = null,
    string? Code = null,
    string? Detail = null,
    double? Latitude = null,
    double? Longitude = null);

/// <summary>A beat read from an import file and checked on its own.</summary>
public sealed record BeatDraft(int FeatureNumber, string Code, string? Name, string DistrictCode, int Population, Geometry Boundary);

public sealed record BeatImportResult(IReadOnlyList<BeatDraft> Beats, IReadOnlyList<BeatImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// How much disagreement between neighbouring polygons is treated as drawing noise rather
/// than a real overlap or gap. Boundaries drawn by different tools rarely meet to the
/// centimetre; anything larger than a parked car's footprint is a real problem.
/// </summary>
public sealed record BeatImportTolerance(double SquareMetres = 10);

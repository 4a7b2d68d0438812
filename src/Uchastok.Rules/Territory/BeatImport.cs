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
    /// <summary>The code is not of the form <see cref="BeatCode"/> allows.</summary>
    InvalidCode,
    /// <summary>A text in the feature is not valid Unicode: a lone UTF-16 surrogate written as an escape (<c>\uD800</c>).</summary>
    UnreadableText,
}

/// <summary>
/// What a beat code may be: letters, digits, hyphens and dots, starting with a letter or digit,
/// at most <see cref="MaxLength"/> characters. Codes are shown on maps, in tooltips, file names
/// and links; nothing that could be markup, a path or a control character gets in. The demo city's
/// codes (<c>ALM-001</c>) and the area codes of the real data sets (London's <c>E01000001</c>,
/// San Francisco's twelve-digit block groups) fit.
/// </summary>
public static partial class BeatCode
{
    public const int MaxLength = 32;

    public static bool IsValid(string code) => Pattern().IsMatch(code);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}\p{Nd}][\p{L}\p{Nd}.\-]{0,31}\z")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
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

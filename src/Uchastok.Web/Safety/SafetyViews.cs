namespace Uchastok.Web.Safety;

/// <summary>
/// A quick report's body over the API; the form's fields carry the same names. <c>notHappeningNow</c> answers
/// "is this happening now?" — without it a text that reads like danger is answered 409 with the call to 102.
/// With multipart/form-data the photo goes in a part named <c>photo</c>.
/// </summary>
public sealed record SafetyReportRequest(
    string? Category, double? Lat, double? Lon, string? AddressText, int? DistrictId, string? Text, bool NotHappeningNow = false, bool Sign = false);

/// <summary>What the sender gets back: the reference to keep, and where the report went.</summary>
public sealed record SafetyReportReceiptView(string Reference, bool PlaceLocated, string? District, string? Beat, bool Signed, string Message);

/// <summary>A report as its beat's inspector, the district's supervisor or an administrator sees it.</summary>
public sealed record SafetyReportView(
    long Id, string Reference, string Category, string CategoryName, DateTime CreatedAtUtc,
    double? Latitude, double? Longitude, string? Address, bool PlaceLocated, int? BeatId, string? BeatCode, int? DistrictId, string? DistrictName,
    string Text, string Status, bool Signed, string? SignedBy, string? PhotoUrl);

/// <summary>A page of reports, newest first; pass <c>next</c> as <c>before</c> for the older ones.</summary>
public sealed record SafetyReportPage(IReadOnlyList<SafetyReportView> Reports, long? Next);

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

/// <summary>
/// A safety notice's text in the languages the officer writes it in (at least one; at most 1,500 characters each).
/// There is no field for the report's text: the notice is the officer's own words.
/// </summary>
public sealed record SafetyNoticeRequest(string? TextKk, string? TextRu, string? TextEn);

/// <summary>The notice sent: its Community mailing (see <c>/community/mailings</c> for delivery) and how many subscribers it reaches.</summary>
public sealed record SafetyNoticeView(int MailingId, int Recipients, string Message);

/// <summary>The open incidents of the caller's beats or district: how many, and the newest few.</summary>
public sealed record OpenIncidentsSummary(int Open, IReadOnlyList<SafetyIncidentBrief> Newest);

/// <summary>An incident in brief, for a start page: what (the category, or "alarm"), where and when; never the text.</summary>
public sealed record SafetyIncidentBrief(long Id, string Reference, string Kind, string What, DateTime CreatedAtUtc, string? Address, string? BeatCode, string Status);

/// <summary>
/// A beat's safety figures on the district board: reports and alarms open now and received in the period, and the
/// seconds they waited to be acknowledged (median and 90th percentile of the <c>Acknowledged</c> ones; null when none
/// was). The district's own row has no beat.
/// </summary>
public sealed record SafetyBoardRow(
    int? BeatId, string? BeatCode, int ReportsOpen, int Reports, int AlarmsOpen, int Alarms, int Acknowledged, double? MedianSecondsToAcknowledge, double? NinetiethSecondsToAcknowledge);

/// <summary>The district board's safety figures since a local date: a row per beat (and one for incidents on no beat), and the district's.</summary>
public sealed record SafetyBoard(DateOnly Since, IReadOnlyList<SafetyBoardRow> Beats, SafetyBoardRow District);

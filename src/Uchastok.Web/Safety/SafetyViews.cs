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

/// <summary>
/// A report or an alarm as its beat's inspector, the district's supervisor or an administrator sees it. An alarm has
/// <c>alarm</c> true, its device's name, its place in <c>address</c>, an empty text, the time its device gave, and
/// <c>mediaUrl</c> — Uchastok's logged redirect to the footage, never the footage's own address — when it has footage.
/// </summary>
public sealed record SafetyReportView(
    long Id, string Reference, string Category, string CategoryName, DateTime CreatedAtUtc,
    double? Latitude, double? Longitude, string? Address, bool PlaceLocated, int? BeatId, string? BeatCode, int? DistrictId, string? DistrictName,
    string Text, string Status, bool Signed, string? SignedBy, string? PhotoUrl,
    bool Alarm = false, string? DeviceName = null, string? MediaUrl = null, DateTime? OccurredAtUtc = null);

/// <summary>A page of reports, newest first; pass <c>next</c> as <c>before</c> for the older ones.</summary>
public sealed record SafetyReportPage(IReadOnlyList<SafetyReportView> Reports, long? Next);

/// <summary>
/// An SOS device to register: <c>kind</c> is <c>street-post</c>, <c>highway-post</c> or <c>building-panic-button</c>; the point
/// must lie on a beat; <c>place</c> says where it stands in words an officer finds it by.
/// </summary>
public sealed record SafetyDeviceInput(string? Kind, string? Name, string? Place, double? Lat, double? Lon, bool HasCamera = false, bool HasSpeaker = false);

/// <summary>A registered device as administrators see it; never its key.</summary>
public sealed record SafetyDeviceView(
    int Id, string Kind, string KindName, string Name, string Place, double Latitude, double Longitude,
    int BeatId, string? BeatCode, int DistrictId, string? DistrictName, bool HasCamera, bool HasSpeaker,
    DateTime CreatedAtUtc, DateTime KeyIssuedAtUtc, DateTime? RevokedAtUtc);

/// <summary>A device with its new key, in this answer only (it is stored hashed), and the Authorization header the device sends.</summary>
public sealed record SafetyDeviceKeyView(SafetyDeviceView Device, string Key, string Authorization);

/// <summary>
/// An alarm event as a device sends it. <c>eventId</c> is the device's own (1–64 visible ASCII characters): the same id again
/// is the same incident. <c>occurredAtUtc</c> is ISO 8601 (UTC when no offset is given). The point defaults to the device's.
/// <c>mediaUrl</c>: an https link to its footage, which stays at its source.
/// </summary>
public sealed record SafetyAlarmEventRequest(string? EventId, string? OccurredAtUtc, double? Lat, double? Lon, string? MediaUrl);

/// <summary>What a device gets back: the incident its event is (201 the first time, 200 for the same event again).</summary>
public sealed record SafetyAlarmReceiptView(long Id, string Reference, string Status, string EventId, bool Repeated);
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

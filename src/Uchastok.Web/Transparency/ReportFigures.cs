using System.Text.Json.Serialization;
using Uchastok.Rules.Transparency;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Transparency;

/// <summary>A name in the three languages, picked for the reader.</summary>
public sealed record LocalName(string Kk, string Ru, string En)
{
    /// <summary>Not stored: the stored figures must not depend on the language of whoever drafted them.</summary>
    [JsonIgnore]
    public string Local => LocalizationSetup.Pick(Kk, Ru, En);
}

/// <summary>
/// What a quarterly report says, as published: stored with the report, so the archive shows the
/// same numbers for ever. Figures drawn from residents' appeals are null where they would rest on
/// fewer than <see cref="OpenDataPrivacy.MinimumCount"/> appeals or ratings, as in open data.
/// </summary>
public sealed record ReportFigures(
    string Quarter, ReportLevel Level, LocalName Area, LocalName? District, string? Inspector,
    AppealFigures Appeals, IReadOnlyList<ServicePoint> Trend, MeetingFigures Meetings, PriorityFigures Priorities,
    ActivityFigures Activities, ReportTrust Trust);

/// <summary>
/// Appeals received and decided in the quarter, decided by their legal deadline, and the
/// applicants' ratings (1–5). Each is null where <see cref="ReportDisclosure"/> withholds it; the
/// share only with both its counts, the mean only with the count of ratings.
/// </summary>
public sealed record AppealFigures(int? Received, int? Decided, int? DecidedOnTime, double? OnTimeShare, int? Ratings, double? MeanRating);

/// <summary>One quarter of the trend: the on-time share and the mean rating, each where it rests on enough appeals.</summary>
public sealed record ServicePoint(string Quarter, double? OnTimeShare, double? MeanRating);

/// <summary>
/// Meetings held with residents, by kind, with their total attendance; and of the inspectors
/// serving the area, how many held the quarterly report meeting.
/// </summary>
public sealed record MeetingFigures(int Held, int Attendance, IReadOnlyDictionary<string, int> ByKind, int InspectorsReported, int Inspectors);

/// <summary>Neighbourhood priorities raised and acted on in the quarter, and those worked on in it, as they stood at its end (the city report gives counts only).</summary>
public sealed record PriorityFigures(int Raised, int ActionTaken, IReadOnlyList<ReportPriority> Items);

public sealed record ReportPriority(string Beat, string Issue, DateOnly RaisedOn, string? Action, DateOnly? ActionOn, string Language);

/// <summary>
/// Preventive and community work recorded in the quarter: how much, by kind, and how many people
/// took part. A beat's report leaves out the work with one person or family
/// (<see cref="QuarterlyReports.IndividualWork"/>): on a beat it could point at a household; the district's counts it.
/// </summary>
public sealed record ActivityFigures(int Count, int Participants, IReadOnlyDictionary<string, int> ByKind);

/// <summary>
/// The trust index in the quarter, as the public trust page shows it: no score under 30
/// responses. A beat's report gives its district's, as that page does (<see cref="OfDistrict"/>).
/// </summary>
public sealed record ReportTrust(string Status, int Responses, double? Score, double? Low, double? High, bool OfDistrict);

namespace Uchastok.Web.Appeals;

public sealed record OfficerRef(int Id, string Name, string Rank);

public sealed record PlaceRef(int Id, string Name);

public sealed record AttachmentRef(long Id, string FileName, string ContentType, int Length);

public sealed record TimelineEntry(
    DateTime AtUtc, string At, string Kind, string? Action, string State, string Title, string? Actor, string? Text, DateOnly? DueDate, bool Internal);

public sealed record RatingView(int Overall, int Legality, int Timeliness, int Quality, int Politeness, int Awareness, string? Comment, DateTime AtUtc);

/// <summary>The applicant's personal data, shown only to staff in scope, and every showing logged.</summary>
public sealed record ApplicantView(string Name, string? Phone, string? Email, string? MaskedIin, bool HasAccount);

/// <summary>
/// One appeal as a person may see it. For the applicant: public steps only, no applicant block, no
/// queue. For staff: internal notes, the applicant, the queue and the actions their capacity allows.
/// </summary>
public sealed record AppealDetail(
    long Id,
    string Number,
    string Kind,
    string KindLabel,
    int CategoryId,
    string Category,
    string Text,
    double? Lat,
    double? Lon,
    string? Address,
    PlaceRef? Beat,
    PlaceRef? District,
    string State,
    string StateLabel,
    DateTime ReceivedAtUtc,
    DateOnly ReceivedOn,
    DateOnly DueDate,
    bool Overdue,
    bool DueSoon,
    OfficerRef? Assignee,
    string? Answer,
    DateTime? AnsweredAtUtc,
    string? ForwardedTo,
    bool Contested,
    DateOnly? AnswerWindowEnds,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<AttachmentRef> Attachments,
    RatingView? Rating,
    bool CanRate,
    IReadOnlyList<string> Actions,
    ApplicantView? Applicant,
    string? Queue,
    bool? AboutPoliceOfficer,
    bool? ComplaintUpheld = null,
    string? Language = null,
    string? NearestAddress = null);

public sealed record AppealListItem(
    string Number, string Kind, string KindLabel, string Category, string State, string StateLabel,
    DateOnly ReceivedOn, DateOnly DueDate, bool Overdue, bool DueSoon, OfficerRef? Assignee, string? Beat, string Excerpt);

/// <summary>Filters of a staff queue; all optional.</summary>
public sealed record QueueFilter(string? State = null, string? Kind = null, bool OverdueOnly = false, bool DueSoonOnly = false, int? AssigneeOfficerId = null, string? Search = null);

public sealed record BoardRow(OfficerRef Officer, int Open, int DueSoon, int Overdue, int DecidedLast90Days, int OnTimeLast90Days, double? OnTimeShare, double? MeanRating, int Ratings);

public sealed record DistrictBoard(PlaceRef District, DateOnly Today, int Unassigned, int OpenTips, IReadOnlyList<BoardRow> Officers, double? DistrictOnTimeShare);

public sealed record QuarterRating(string Quarter, int Count, double Mean);

public sealed record OfficerRatingView(
    OfficerRef Officer, PlaceRef District, int Count, double? Mean, IReadOnlyList<int> Distribution,
    IReadOnlyDictionary<string, double?> QualityMeans, IReadOnlyList<QuarterRating> Quarters, IReadOnlyList<string> RecentComments);

public sealed record TipView(long Id, DateTime ReceivedAtUtc, string At, string Category, string Text, string? Address, double? Lat, double? Lon, string? Beat, bool Reviewed, string? ReviewNote);

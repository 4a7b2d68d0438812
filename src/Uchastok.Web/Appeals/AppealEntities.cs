using Uchastok.Rules.Appeals;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Appeals;

/// <summary>An appeal category residents choose from; administrators keep the list.</summary>
public sealed class AppealCategory
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    /// <summary>
    /// Appeals under it (domestic conflict, minors) never appear in a public list, not even as a
    /// category, beat and day: their mere existence at an address can harm the applicant.
    /// </summary>
    public bool IsSensitive { get; set; }
}

/// <summary>The term to decide one kind of appeal, in working days (default 15, APPC art. 76).</summary>
public sealed class AppealKindSetting
{
    public AppealKind Kind { get; set; }
    public int WorkingDays { get; set; }
}

/// <summary>The yearly sequence behind appeal numbers.</summary>
public sealed class AppealSequence
{
    public int Year { get; set; }
    public long LastNumber { get; set; }
}

/// <summary>
/// A resident's appeal (обращение) and where it stands. The applicant's contact details are the
/// minimum needed to answer; the IIN, when given, is kept encrypted and shown only masked.
/// </summary>
public sealed class Appeal
{
    public long Id { get; set; }
    public required string Number { get; set; }
    public AppealKind Kind { get; set; }
    public int CategoryId { get; set; }
    public AppealCategory Category { get; set; } = null!;
    public required string Text { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? AddressText { get; set; }
    public int? BeatId { get; set; }
    public Beat? Beat { get; set; }
    public int? DistrictId { get; set; }
    public District? District { get; set; }

    public AppealQueue Queue { get; set; }
    public int? AssigneeOfficerId { get; set; }
    public Officer? AssigneeOfficer { get; set; }
    /// <summary>For a complaint about a police officer: that officer, who must never see it.</summary>
    public int? ConcernedOfficerId { get; set; }
    public bool AboutPoliceOfficer { get; set; }

    public string? ApplicantUserId { get; set; }
    public required string ApplicantName { get; set; }
    public string? ApplicantPhone { get; set; }
    public string? ApplicantEmail { get; set; }
    public string? ApplicantProtectedIin { get; set; }
    public string? ApplicantMaskedIin { get; set; }
    /// <summary>The language the applicant filed in; every notification uses it.</summary>
    public required string Language { get; set; }

    /// <summary>SHA-256 of the private tracking token; the token itself is never stored in clear.</summary>
    public required string TrackingTokenHash { get; set; }
    /// <summary>The token encrypted with Data Protection, to put the tracking link into later notifications.</summary>
    public required string ProtectedTrackingToken { get; set; }

    public AppealState State { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public int? AnsweredByOfficerId { get; set; }
    public string? AnswerText { get; set; }
    public string? ForwardedTo { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>When the appeal left the open states (answered, forwarded, left without consideration): on-time statistics use it.</summary>
    public DateOnly? DecidedOn { get; set; }
    public bool Contested { get; set; }
    /// <summary>For a complaint about an officer: whether the answer found it justified. Counts against that officer (C9).</summary>
    public bool? ComplaintUpheld { get; set; }
    public int Extensions { get; set; }

    /// <summary>The due date the assignee was last reminded of, so a reminder goes once per due date.</summary>
    public DateOnly? RemindedForDue { get; set; }
    /// <summary>The due date the supervisor was last told was missed.</summary>
    public DateOnly? EscalatedForDue { get; set; }

    /// <summary>Optimistic concurrency: two officers acting at once cannot both move the appeal.</summary>
    public int Version { get; set; }

    /// <summary>Where the appeal came in: the site, the JSON API or Open311.</summary>
    public AppealChannel Channel { get; set; }
    /// <summary>The integration key of the partner system that filed it (Open311), if one did.</summary>
    public int? ApiKeyId { get; set; }
    /// <summary>The applicant agreed that the text and the approximate place may be shown publicly, without name or contacts.</summary>
    public bool PublishConsent { get; set; }

    public List<AppealEvent> Events { get; set; } = [];
    public List<AppealAttachment> Attachments { get; set; } = [];
    public AppealRating? Rating { get; set; }
}

/// <summary>Where an appeal came in. Every channel enters the same lifecycle.</summary>
public enum AppealChannel
{
    Site,
    Api,
    Open311,
}

public enum AppealEventKind
{
    Filed,
    Transition,
    /// <summary>An officer's internal note: never shown to the applicant.</summary>
    InternalNote,
    Rated,
}

/// <summary>One step of an appeal's history: who, when, from, to, why.</summary>
public sealed class AppealEvent
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public DateTime AtUtc { get; set; }
    public AppealEventKind Kind { get; set; }
    public AppealAction? Action { get; set; }
    public AppealState? FromState { get; set; }
    public AppealState ToState { get; set; }
    public string? ActorUserId { get; set; }
    public int? ActorOfficerId { get; set; }
    public Officer? ActorOfficer { get; set; }
    /// <summary>The officer the appeal was assigned to by this step, if it was.</summary>
    public int? AssigneeOfficerId { get; set; }
    public Officer? AssigneeOfficer { get; set; }
    public string? Text { get; set; }
    public DateOnly? DueDate { get; set; }
    public bool IsPublic { get; set; }
}

public sealed class AppealAttachment
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public int Length { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>The applicant's rating of the service, once per appeal, credited to the officer who answered.</summary>
public sealed class AppealRating
{
    public long AppealId { get; set; }
    public int? OfficerId { get; set; }
    public int Overall { get; set; }
    public int Legality { get; set; }
    public int Timeliness { get; set; }
    public int Quality { get; set; }
    public int Politeness { get; set; }
    public int Awareness { get; set; }
    public string? Comment { get; set; }
    public DateTime AtUtc { get; set; }
    public DateOnly RatedOn { get; set; }
}

/// <summary>An Idempotency-Key already used: the same key from the same sender gets the same appeal back.</summary>
public sealed class AppealIdempotencyKey
{
    public required string Sender { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of the request: the same key with a different request is refused.</summary>
    public required string RequestHash { get; set; }
    public long AppealId { get; set; }
    public Appeal Appeal { get; set; } = null!;
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// An anonymous report of an offence (a tip): no applicant, so no appeal lifecycle. It goes to
/// the district's duty list, where the supervisor reviews it.
/// </summary>
public sealed class Tip
{
    public long Id { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public int? BeatId { get; set; }
    public int CategoryId { get; set; }
    public AppealCategory Category { get; set; } = null!;
    public required string Text { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? AddressText { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewedByUserId { get; set; }
    public string? ReviewNote { get; set; }
}

/// <summary>
/// A one-time code sent to an appeal's own contact so that its applicant can have the lost tracking
/// link back (<see cref="RecoverTrackingLinkCommand"/>). Only a hash of the code is kept.
/// </summary>
public sealed class TrackingLinkCode
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public Appeal Appeal { get; set; } = null!;
    public required string CodeHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    /// <summary>Wrong codes tried against this one; at <see cref="RecoverTrackingLinkCommand.MaxAttempts"/> it is spent.</summary>
    public int Attempts { get; set; }
}

/// <summary>
/// What Uchastok knows of a contact (a phone number or an e-mail) appeals were filed with: whether
/// its owner confirmed it, the code sent once to do so, when it was last sent a message, and how
/// many appeals named it in the current day. Only a hash of the contact and of the code is kept.
/// See <see cref="ApplicantContactGate"/>.
/// </summary>
public sealed class ApplicantContact
{
    public long Id { get; set; }
    /// <summary>SHA-256 of the normalised contact (phone digits, or the lower-cased e-mail).</summary>
    public required string ContactHash { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    /// <summary>The confirmation code, sent once in the first message; null until that message.</summary>
    public string? CodeHash { get; set; }
    public int CodeAttempts { get; set; }
    public DateTime? LastMessageAtUtc { get; set; }
    public DateTime WindowStartedAtUtc { get; set; }
    public int FilingsInWindow { get; set; }
}

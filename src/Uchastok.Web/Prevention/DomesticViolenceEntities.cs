using Uchastok.Rules.Prevention;

namespace Uchastok.Web.Prevention;

/// <summary>The channel a victim chose for messages from the police; <see cref="None"/> means no message at all.</summary>
public enum DvContactChannel { None, Sms, Email }

/// <summary>
/// A domestic-violence case (C16), opened on detection without the victim's statement (Tolykbaeva L7183).
/// Access follows <see cref="BeatId"/> and <see cref="DistrictId"/> (<see cref="PreventionAccess"/>). The
/// summary and every field about the victim are encrypted (<see cref="PreventionProtection"/>, ADR 0010);
/// the address of the incident is kept readable with a normalised key beside it, because repeat detection
/// compares it and the supervisor's board shows it.
/// </summary>
public sealed class DvCase
{
    public long Id { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public DvSource Source { get; set; }
    /// <summary>The appeal the case was opened from (source <see cref="DvSource.Appeal"/>).</summary>
    public long? AppealId { get; set; }
    /// <summary>The anonymous tip the case was opened from (source <see cref="DvSource.AnonymousTip"/>).</summary>
    public long? TipId { get; set; }
    public DateOnly DetectedOn { get; set; }
    public required string AddressText { get; set; }
    /// <summary>The address folded for comparison (<see cref="DomesticViolenceCases.AddressKey"/>).</summary>
    public required string AddressKey { get; set; }
    public required string ProtectedSummary { get; set; }
    public DvCaseState State { get; set; }
    public DateOnly? ProtocolOn { get; set; }
    public string? ProtocolNumber { get; set; }
    public DateOnly? SentToCourtOn { get; set; }
    public DateOnly? CourtDecidedOn { get; set; }
    public DvCourtOutcome? CourtOutcome { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The offender's file on the preventive register, whose plan carries the follow-up visits.</summary>
    public long? OffenderEntryId { get; set; }
    public string? ProtectedVictimName { get; set; }
    /// <summary>A number made from the keyed hash of the victim's folded name: "the same persons" without decrypting a row.</summary>
    public long? VictimKey { get; set; }
    public string? ProtectedVictimAddress { get; set; }
    public string? ProtectedVictimPhone { get; set; }
    public string? ProtectedVictimEmail { get; set; }
    public DvContactChannel VictimChannel { get; set; }
    /// <summary>The date the victim consented to be referred to a support organisation; no referral without it.</summary>
    public DateOnly? ReferralConsentOn { get; set; }
    public string? ReferralOrganisation { get; set; }
    public DateOnly? ReferredOn { get; set; }
    /// <summary>Set when an earlier case at the same address or between the same persons was found (<see cref="DomesticViolenceRepeat"/>).</summary>
    public bool IsRepeat { get; set; }
    /// <summary>The latest earlier case it repeats, and why (<see cref="DvRepeatReason"/> flags).</summary>
    public long? RepeatOfCaseId { get; set; }
    public DvRepeatReason RepeatReasons { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Bumped on every change, so two people acting on one case cannot overwrite each other.</summary>
    public int Version { get; set; }
}

/// <summary>An evidence item of a case: a statement (who, contact, text; all encrypted) or a file's SHA-256 with when it was recorded and by what.</summary>
public sealed class DvEvidence
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DvEvidenceKind Kind { get; set; }
    public string? ProtectedPersonName { get; set; }
    public string? ProtectedContact { get; set; }
    public string? ProtectedText { get; set; }
    public string? Sha256 { get; set; }
    public DateTime? RecordedAtUtc { get; set; }
    /// <summary>Which camera, whose dashcam or bodycam.</summary>
    public string? Source { get; set; }
    public required string ByUserId { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// A type of protective order or similar measure as an administrator configured it. The seed document
/// lists none, so each type carries its legal source and its check interval, with no default.
/// </summary>
public sealed class DvMeasureType
{
    public int Id { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }
    public required string LegalSource { get; set; }
    public int CheckIntervalCount { get; set; }
    public PeriodUnit CheckIntervalUnit { get; set; }
    public bool IsActive { get; set; } = true;

    public CalendarPeriod CheckInterval => new(CheckIntervalCount, CheckIntervalUnit);
}

/// <summary>A measure applied in a case: its type, from when until when, when it is next checked.</summary>
public sealed class DvMeasure
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int TypeId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }
    public DateOnly NextCheckDue { get; set; }
    public required string ByUserId { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// The settings of domestic-violence work the document does not give, one row: the window in which an
/// earlier case makes a new one a repeat, with the text of its source. No window: every earlier case counts.
/// </summary>
public sealed class DvSettings
{
    public int Id { get; set; }
    public int? RepeatWindowCount { get; set; }
    public PeriodUnit? RepeatWindowUnit { get; set; }
    public string? RepeatWindowSource { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public string? ChangedByUserId { get; set; }
}

using Uchastok.Rules.Prevention;

namespace Uchastok.Web.Prevention;

/// <summary>
/// A category of the preventive register (профучёт) as administrators keep it: its names, the legal basis
/// it rests on, how often its people are visited and how long a file is kept after removal. The law gives
/// no numbers for either period, so both are required settings with no default (see
/// <see cref="PreventionCategory"/>). Named "Record" beside the rule's <see cref="PreventionCategory"/>.
/// </summary>
public sealed class PreventionCategoryRecord
{
    public int Id { get; set; }
    /// <summary>Lowercase, stable across languages: <c>parole</c>, <c>dv-offender</c>.</summary>
    public required string Code { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }
    /// <summary>The law, article or order the category and its terms rest on, as the administrator copied it.</summary>
    public required string LegalBasis { get; set; }
    public int VisitIntervalCount { get; set; }
    public PeriodUnit VisitIntervalUnit { get; set; }
    public int RetentionCount { get; set; }
    public PeriodUnit RetentionUnit { get; set; }
    public bool Juvenile { get; set; }
    public bool DomesticViolenceOffender { get; set; }
    /// <summary>Alcohol or drug abuse: being in the category is health data.</summary>
    public bool HealthRelated { get; set; }
    /// <summary>Categories are deactivated, never deleted, so files already in one keep it.</summary>
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }

    public CalendarPeriod VisitInterval => new(VisitIntervalCount, VisitIntervalUnit);
    public CalendarPeriod RetentionAfterRemoval => new(RetentionCount, RetentionUnit);
}

/// <summary>
/// A person on the preventive register (C15): one file per person and category, on a beat. The IIN is
/// stored encrypted with a keyed hash beside it for search and a masked copy for display, and the
/// free text about the person (the basis, the removal reason) is encrypted too (ADR 0010): a copy of
/// the database shows who is on record, not why. The responsible inspector is the beat's: access and
/// lists follow <see cref="BeatId"/>, so a file moved to another beat leaves the old inspector at once.
/// </summary>
public sealed class PreventionEntry
{
    public long Id { get; set; }
    public int CategoryId { get; set; }
    public int BeatId { get; set; }
    /// <summary>The beat's district, kept on the row so that district lists and scope checks need no join.</summary>
    public int DistrictId { get; set; }
    public required string FullName { get; set; }
    /// <summary>The name folded for comparison (<see cref="PreventionDuplicates.NameKey"/>): duplicates by name and birth date are an index lookup.</summary>
    public required string NameKey { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? ProtectedIin { get; set; }
    public string? MaskedIin { get; set; }
    /// <summary>HMAC of the IIN (<c>SearchHashes</c>, purpose "iin"): search and duplicates by IIN without decrypting a row.</summary>
    public string? IinHash { get; set; }
    /// <summary>A gazetteer address, when the person lives at one.</summary>
    public int? AddressId { get; set; }
    /// <summary>Where the person lives: the gazetteer address's point, or a point set on the map.</summary>
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>The address as shown: the gazetteer's in Russian and Kazakh, or what the inspector typed beside his map point.</summary>
    public required string AddressText { get; set; }
    public required string ProtectedBasis { get; set; }
    public DateOnly PutOnRecord { get; set; }
    public PreventionFileState State { get; set; }
    public DateOnly? RemovedOn { get; set; }
    public string? ProtectedRemovalReason { get; set; }
    /// <summary>The removal date plus the category's retention period; the purge job deletes the file on that day.</summary>
    public DateOnly? PurgeDueOn { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Bumped on every change, so two people editing one file cannot overwrite each other.</summary>
    public int Version { get; set; }
}

/// <summary>
/// One action of a person's individual prevention plan: a visit, a talk, a referral… with its due date.
/// Recurring visits come from the category's interval (<see cref="PreventionPlanSchedule"/>): when one is
/// done the next is added. A done action is the inspector's preventive activity for the KPIs (C9): the
/// evaluation counts it from here, by <see cref="DoneByOfficerId"/>, so nothing is entered twice.
/// </summary>
public sealed class PreventionAction
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public PreventionActionKind Kind { get; set; }
    /// <summary>A visit of the category's recurring series; its completion schedules the next.</summary>
    public bool Recurring { get; set; }
    public DateOnly Due { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Place { get; set; }
    public string? ProtectedNote { get; set; }
    public int? DoneByOfficerId { get; set; }
    public string? DoneByUserId { get; set; }
    /// <summary>Set when the file is removed or the action withdrawn: it leaves the day list and the board.</summary>
    public DateTime? CancelledAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>What happened to a person on record: a breach, a new offence, a new address, a move, the removal. The history of the file.</summary>
public sealed class PreventionEvent
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public PreventionFileEvent Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    /// <summary>The reason, the new address or what the inspector noted, encrypted like the file's other text.</summary>
    public string? ProtectedNote { get; set; }
    public int? FromBeatId { get; set; }
    public int? ToBeatId { get; set; }
    /// <summary>The protocol the event rests on (a breach of administrative supervision), by its number until protocols exist in Uchastok.</summary>
    public string? ProtocolReference { get; set; }
    public required string ByUserId { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>Why a minor was taken home (Shumaev on juveniles: minors found intoxicated or unattended late are delivered to their parents).</summary>
public enum JuvenileDeliveryReason { Intoxicated, Unattended }

/// <summary>
/// A minor delivered home (C15, juveniles): whom, to whom, when, by whom. The minor may be on the
/// register (a juvenile file) or not yet; the name is kept encrypted either way.
/// </summary>
public sealed class JuvenileDelivery
{
    public long Id { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    /// <summary>The minor's file, when he or she is on the register.</summary>
    public long? EntryId { get; set; }
    public required string ProtectedMinorName { get; set; }
    public DateOnly MinorBirthDate { get; set; }
    public JuvenileDeliveryReason Reason { get; set; }
    /// <summary>Where the minor was found, as the officer wrote it.</summary>
    public required string FoundAt { get; set; }
    /// <summary>To whom the minor was handed (a parent, a guardian), encrypted.</summary>
    public required string ProtectedDeliveredTo { get; set; }
    public DateTime DeliveredAtUtc { get; set; }
    /// <summary>The officer who took the minor home, as written: he may not have an account.</summary>
    public required string DeliveredBy { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>A place where groups of minors gather, on the beat map for staff only (C15, juveniles).</summary>
public sealed class JuvenileGatheringPlace
{
    public int Id { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public required string Description { get; set; }
    /// <summary>When it was last seen in use; a place not used any more is closed, not deleted.</summary>
    public DateOnly ObservedOn { get; set; }
    public bool IsActive { get; set; } = true;
    public required string RecordedByUserId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

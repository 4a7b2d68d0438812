namespace Uchastok.Web.Prevention;

/// <summary>
/// A category of the preventive register as the API shows it; the same fields as <see cref="PreventionCategoryRequest"/>,
/// so a client can change what it read and send it back. Units are <c>Days</c>, <c>Weeks</c>, <c>Months</c> or <c>Years</c>.
/// </summary>
public sealed record PreventionCategoryView(
    int Id,
    string Code,
    string NameKk,
    string NameRu,
    string NameEn,
    string LegalBasis,
    int VisitIntervalCount,
    string VisitIntervalUnit,
    int RetentionCount,
    string RetentionUnit,
    bool Juvenile,
    bool DomesticViolenceOffender,
    bool HealthRelated,
    bool IsActive,
    int SortOrder)
{
    internal static PreventionCategoryView From(PreventionCategoryRecord c) => new(
        c.Id, c.Code, c.NameKk, c.NameRu, c.NameEn, c.LegalBasis,
        c.VisitIntervalCount, c.VisitIntervalUnit.ToString(), c.RetentionCount, c.RetentionUnit.ToString(),
        c.Juvenile, c.DomesticViolenceOffender, c.HealthRelated, c.IsActive, c.SortOrder);
}

/// <summary>
/// What an administrator sends to add or change a category. Both periods are required and have no default:
/// the law names the categories but gives neither a visit frequency nor a retention period.
/// </summary>
/// <param name="VisitIntervalUnit">Days, Weeks, Months or Years (any case).</param>
/// <param name="RetentionCount">How many units the file is kept after the person is removed from the register.</param>
public sealed record PreventionCategoryRequest(
    string? Code,
    string? NameKk,
    string? NameRu,
    string? NameEn,
    string? LegalBasis,
    int? VisitIntervalCount,
    string? VisitIntervalUnit,
    int? RetentionCount,
    string? RetentionUnit,
    bool Juvenile = false,
    bool DomesticViolenceOffender = false,
    bool HealthRelated = false,
    bool IsActive = true,
    int SortOrder = 0);

/// <summary>
/// What an inspector sends to put a person on the register. The address is a gazetteer address
/// (<paramref name="AddressId"/>) or a map point (<paramref name="Latitude"/>, <paramref name="Longitude"/>) with
/// an optional description; the beat is the one the address lies on. The IIN is optional (a person
/// without documents at hand) and, when given, must encode the birth date.
/// </summary>
/// <param name="Category">The category's code.</param>
public sealed record PreventionEntryRequest(
    string? FullName, DateOnly? BirthDate, string? Iin, int? AddressId, double? Latitude, double? Longitude, string? AddressText,
    string? Category, string? Basis, DateOnly? PutOnRecord);

/// <summary>A line of the register: who, in which category, where, and the next action due. The IIN only masked.</summary>
public sealed record PreventionEntryRow(
    long Id, string FullName, DateOnly BirthDate, string? MaskedIin, string CategoryCode, string Category, int BeatId, string BeatCode,
    string Address, DateOnly PutOnRecord, string State, DateOnly? NextDue, bool Overdue);

/// <summary>One page of the register in name order; <paramref name="Next"/> is the opaque cursor to pass as <c>after</c> for the next page, null on the last.</summary>
public sealed record PreventionRegisterPage(IReadOnlyList<PreventionEntryRow> Entries, string? Next);

/// <summary>An action of the individual prevention plan. <paramref name="Status"/>: Done, Overdue, DueToday, Upcoming or Cancelled.</summary>
public sealed record PreventionActionView(long Id, string Kind, bool Recurring, DateOnly Due, DateOnly? DoneOn, string Status, string? Place, string? Note, string? DoneBy);

/// <summary>An event of the file's history.</summary>
public sealed record PreventionEventView(long Id, string Kind, DateOnly OccurredOn, string? Note, string? FromBeat, string? ToBeat, string? ProtocolReference, string By, DateTime AtUtc);

/// <summary>
/// Another file that may be the same person, for the supervisor to look at; nothing is ever merged. One outside
/// the reader's scope carries only its district's code and the reason, no id, name, birth date or beat.
/// </summary>
public sealed record PreventionDuplicateView(long? EntryId, string Reason, string? FullName, DateOnly? BirthDate, string? BeatCode, string District);

/// <summary>A read of the file: who, when, why.</summary>
public sealed record PreventionReadView(string Reader, string Purpose, DateTime AtUtc);

/// <summary>
/// A person's file: the entry, the plan, the history. <paramref name="Duplicates"/> and <paramref name="AccessHistory"/>
/// are given to the district's supervisor and the administrator only (null for others).
/// </summary>
public sealed record PreventionFileView(
    long Id, string FullName, DateOnly BirthDate, string? MaskedIin, string CategoryCode, string Category, string LegalBasis,
    bool Juvenile, bool DomesticViolenceOffender, bool HealthRelated,
    int BeatId, string BeatCode, int DistrictId, string? Inspector, int? AddressId, string Address, double Latitude, double Longitude,
    string Basis, DateOnly PutOnRecord, string State, DateOnly? RemovedOn, string? RemovalReason, DateOnly? PurgeDueOn, int Version,
    IReadOnlyList<PreventionActionView> Plan, IReadOnlyList<PreventionEventView> Events,
    IReadOnlyList<PreventionDuplicateView>? Duplicates, IReadOnlyList<PreventionReadView>? AccessHistory);

/// <summary>A new action of the plan: its kind (Visit, PreventiveTalk, RehabilitationReferral, EmploymentReferral, SchoolContact, FamilyVisit) and due date.</summary>
public sealed record PlanActionRequest(string? Kind, DateOnly? Due);

/// <summary>An action done: when, where, what was said or done.</summary>
public sealed record PlanActionDoneRequest(DateOnly? DoneOn, string? Place, string? Note);

/// <summary>A new due date for an open action.</summary>
public sealed record PlanActionDueRequest(DateOnly? Due);

/// <summary>
/// An event on a file. <paramref name="Kind"/>: SupervisionBreach, NewOffence, AddressChanged, MovedToBeat, Removed.
/// A new address is a gazetteer address or a map point as when putting on record; a move names the beat.
/// </summary>
public sealed record PreventionEventRequest(
    string? Kind, DateOnly? OccurredOn, string? Reason, int? AddressId, double? Latitude, double? Longitude, string? AddressText,
    int? ToBeatId, string? ProtocolReference);

/// <summary>A stop of the inspector's day, in route order.</summary>
public sealed record DayStopView(
    int Order, long ActionId, long EntryId, string FullName, string Kind, DateOnly Due, bool Overdue, string Address,
    double Latitude, double Longitude, double? MetresFromPrevious, string BeatCode);

/// <summary>
/// The inspector's day: the plan actions due today or overdue on his beats, in a nearest-neighbour route
/// from his reception point (<paramref name="StartLatitude"/>, <paramref name="StartLongitude"/>, null without one).
/// </summary>
public sealed record InspectorDayView(DateOnly Day, int OfficerId, string Inspector, double? StartLatitude, double? StartLongitude, IReadOnlyList<DayStopView> Stops);

/// <summary>A line of the district board: an inspector's overdue plan actions and the oldest due date among them.</summary>
public sealed record PreventionOverdueRow(int OfficerId, string Inspector, IReadOnlyList<string> Beats, int Overdue, DateOnly OldestDue);

/// <summary>A minor taken home. <paramref name="Reason"/>: Intoxicated or Unattended; <paramref name="EntryId"/> the minor's file when on the register.</summary>
public sealed record JuvenileDeliveryRequest(
    int? BeatId, long? EntryId, string? MinorName, DateOnly? MinorBirthDate, string? Reason, string? FoundAt, string? DeliveredTo, DateTimeOffset? DeliveredAt, string? DeliveredBy);

public sealed record JuvenileDeliveryView(
    long Id, int BeatId, string BeatCode, long? EntryId, string MinorName, DateOnly MinorBirthDate, string Reason, string FoundAt, string DeliveredTo, DateTime DeliveredAtUtc, string DeliveredBy);

/// <summary>A place where groups of minors gather: a point, what it is, the day it was last seen in use.</summary>
public sealed record GatheringPlaceRequest(double? Latitude, double? Longitude, string? Description, DateOnly? ObservedOn);

public sealed record GatheringPlaceView(int Id, int BeatId, string BeatCode, double Latitude, double Longitude, string Description, DateOnly ObservedOn, bool IsActive);

namespace Uchastok.Web.Community;

public enum MeetingKind
{
    /// <summary>The inspector reports to the beat's residents; required every quarter.</summary>
    QuarterlyReport,
    Thematic,
    /// <summary>A reception held where people are (a yard, a market), not at the reception point.</summary>
    ReceptionOnTheRoad,
    /// <summary>With a public organisation or the akimat.</summary>
    JointEvent,
    Virtual,
}

public enum MeetingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>
/// A meeting of the inspector with the beat's residents (C10): announced ahead (place, time,
/// agenda, language), then recorded as held with its attendance, minutes and the issues raised —
/// or recorded only afterwards, when it was not announced here.
/// </summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public int OfficerId { get; set; }
    public MeetingKind Kind { get; set; }
    public MeetingStatus Status { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public int DurationMinutes { get; set; }
    public required string Place { get; set; }
    /// <summary>The address of an online meeting.</summary>
    public string? Link { get; set; }
    public string? Agenda { get; set; }
    /// <summary>The language the meeting is held in.</summary>
    public required string Language { get; set; }
    /// <summary>The local day it was held, once held: quarters count by it.</summary>
    public DateOnly? HeldOn { get; set; }
    public int? Attendance { get; set; }
    public string? Minutes { get; set; }
    /// <summary>Raised each time the meeting changes, so calendars that imported it take the change (iCalendar SEQUENCE).</summary>
    public int Sequence { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>Who made the record: the inspector, or his supervisor for him.</summary>
    public string? RecordedByUserId { get; set; }
}

public enum PriorityStatus
{
    Open,
    /// <summary>Action was taken; the priority stays public with what was done.</summary>
    ActionTaken,
}

/// <summary>
/// A neighbourhood priority (police.uk style): an issue residents raised, usually at a meeting,
/// that the police committed to act on, and what they did and when. Public on the beat's page.
/// </summary>
public sealed class NeighbourhoodPriority
{
    public int Id { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public int? MeetingId { get; set; }
    public required string Issue { get; set; }
    public DateOnly RaisedOn { get; set; }
    public string? Action { get; set; }
    public DateOnly? ActionOn { get; set; }
    public PriorityStatus Status { get; set; }
    /// <summary>The language the issue and action are written in.</summary>
    public required string Language { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public string? ChangedByUserId { get; set; }
}

public enum PreventiveActivityKind
{
    /// <summary>Door-to-door round of the beat (подворный обход).</summary>
    DoorToDoorRound,
    SchoolTalk,
    /// <summary>A preventive talk with a person on the preventive register.</summary>
    PreventiveTalk,
    /// <summary>Work with a family in a difficult situation, on domestic violence.</summary>
    FamilyVisit,
    /// <summary>A joint patrol or event with volunteers and public organisations.</summary>
    CommunityPatrol,
    Other,
}

/// <summary>Preventive and community work done on a beat: what counts for an inspector besides answering appeals (C9).</summary>
public sealed class PreventiveActivity
{
    public int Id { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public int OfficerId { get; set; }
    public PreventiveActivityKind Kind { get; set; }
    public DateOnly DoneOn { get; set; }
    public int Participants { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? RecordedByUserId { get; set; }
}

public enum BookingStatus
{
    Booked,
    Cancelled,
}

/// <summary>
/// A resident's personal reception with the inspector, in one of the slots of the reception
/// point's hours. The contact is the minimum to remind and to reach the person; the cancel link
/// carries a token kept only as a hash (and encrypted, for the reminder).
/// </summary>
public sealed class ReceptionBooking
{
    public long Id { get; set; }
    public int OfficerId { get; set; }
    public int BeatId { get; set; }
    public int? ReceptionPointId { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public int DurationMinutes { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Topic { get; set; }
    public required string Language { get; set; }
    public BookingStatus Status { get; set; }
    public required string TokenHash { get; set; }
    public required string ProtectedToken { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RemindedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
}

/// <summary>
/// A resident's subscription to police messages for a beat or a whole district, by e-mail or SMS,
/// in his language. It takes effect once confirmed by the link sent to the address; the same
/// link's token unsubscribes, without an account.
/// </summary>
public sealed class Subscription
{
    public long Id { get; set; }
    public Notifications.NotificationChannel Channel { get; set; }
    public required string Address { get; set; }
    /// <summary>The beat subscribed to; null for the whole district.</summary>
    public int? BeatId { get; set; }
    public int DistrictId { get; set; }
    /// <summary>"b:{beat}" or "d:{district}": what the subscription is to, in one column the uniqueness can hold on.</summary>
    public required string ScopeKey { get; set; }
    public required string Language { get; set; }
    public required string TokenHash { get; set; }
    public required string ProtectedToken { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    /// <summary>When the last confirmation request was sent, so that a form cannot be used to flood an address.</summary>
    public DateTime? ConfirmationSentAtUtc { get; set; }
    public DateTime? UnsubscribedAtUtc { get; set; }
}

public enum MailingKind
{
    SafetyAlert,
    Invitation,
    Information,
}

/// <summary>A message sent to the subscribers of a beat (and its district's) or of a district, in each one's language.</summary>
public sealed class Mailing
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public int? BeatId { get; set; }
    public MailingKind Kind { get; set; }
    public required string SubjectKk { get; set; }
    public required string SubjectRu { get; set; }
    public required string SubjectEn { get; set; }
    public required string TextKk { get; set; }
    public required string TextRu { get; set; }
    public required string TextEn { get; set; }
    public int Recipients { get; set; }
    public DateTime SentAtUtc { get; set; }
    public string? SentByUserId { get; set; }
}

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

/// <summary>A meeting of the inspector with the beat's residents (C10), as recorded once held.</summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public int OfficerId { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Place { get; set; }
    public int Attendance { get; set; }
    public string? Minutes { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>Who made the record: the inspector, or his supervisor for him.</summary>
    public string? RecordedByUserId { get; set; }
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

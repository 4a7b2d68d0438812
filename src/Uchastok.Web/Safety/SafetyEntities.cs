using Uchastok.Rules.Safety;

namespace Uchastok.Web.Safety;

/// <summary>What kind of incident a row is: a resident's quick report, or an SOS device's alarm (issue 19).</summary>
public enum SafetyIncidentKind { Report, Alarm }

/// <summary>
/// Where an incident stands on the duty console: <c>Open</c> until a duty officer takes it (<c>Escalated</c> once it
/// went to the supervisor untaken), <c>Acknowledged</c> while he works it, <c>Closed</c> with an outcome.
/// </summary>
public enum SafetyIncidentStatus { Open, Acknowledged, Escalated, Closed }

/// <summary>
/// One thing the duty console will show (<c>safety_incidents</c>): a quick report of a resident, later an
/// alarm of a device. It keeps what was reported and where, and about the sender only the account of a
/// signed-in resident who chose to sign it: no address, browser, cookie or anything else of an anonymous one.
/// </summary>
public sealed class SafetyIncident
{
    public long Id { get; set; }
    /// <summary>The code the resident keeps (say <c>SR-7K3P-9QXD</c>); random, so it tells nobody how many reports there are.</summary>
    public required string Reference { get; set; }
    public SafetyIncidentKind Kind { get; set; }
    public SafetyCategory Category { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>The address as the resident typed it, or the gazetteer's line for the point he chose.</summary>
    public string? AddressText { get; set; }
    /// <summary>Whether the place was found on the territory (a point, or an address the gazetteer knows).</summary>
    public bool PlaceLocated { get; set; }
    public int? BeatId { get; set; }
    /// <summary>Null when the typed address was not found and the resident chose no district: the report says so.</summary>
    public int? DistrictId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public SafetyIncidentStatus Status { get; set; }
    /// <summary>The account of a signed-in resident who chose to sign the report; null for every other report.</summary>
    public string? AccountId { get; set; }

    /// <summary>The duty officer (or supervisor) who took the incident: the first one owns it, a second is told who did.</summary>
    public string? AcknowledgedByUserId { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
    /// <summary>0 untaken in time or not yet due, 1 and 2 the escalation levels taken; each is written once (a conditional update).</summary>
    public int EscalationLevel { get; set; }
    public string? ClosedByUserId { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>The outcome's API name (<c>ConsoleOutcomes</c>): <c>patrol-sent</c>, <c>passed-to-inspector</c>, <c>became-appeal</c>, <c>no-offence</c>.</summary>
    public string? Outcome { get; set; }
    /// <summary>Which patrol was sent, as the duty officer wrote it; only with <c>patrol-sent</c>.</summary>
    public string? OutcomePatrol { get; set; }
    /// <summary>The appeal the incident became (its number); the appeal keeps the incident's reference in an internal note.</summary>
    public string? AppealNumber { get; set; }
    /// <summary>The SOS device an alarm came from; null for a report.</summary>
    public int? DeviceId { get; set; }
    /// <summary>The device's own id of the event; with <see cref="DeviceId"/> unique, so an event sent twice is one incident.</summary>
    public string? DeviceEventId { get; set; }
    /// <summary>When the device says the alarm was raised (its clock); <see cref="CreatedAtUtc"/> is when Uchastok received it.</summary>
    public DateTime? OccurredAtUtc { get; set; }
    /// <summary>An https link to the device's camera footage, which stays at its source; staff open it through a logged redirect.</summary>
    public string? MediaUrl { get; set; }
}

/// <summary>What an SOS device is: a post with an alarm button in a street or on a highway, or a panic button in a building.</summary>
public enum SafetyDeviceKind { StreetPost, HighwayPost, BuildingPanicButton }

/// <summary>
/// An SOS device registered by an administrator (<c>safety_devices</c>): where it stands, on which beat, what it can do,
/// and the hash of its key. The key itself is shown once, when made; a revoked device is never answered again.
/// </summary>
public sealed class SafetyDevice
{
    public int Id { get; set; }
    public SafetyDeviceKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>Where it stands, in words an officer finds it by ("Tole bi 59, at the bus stop").</summary>
    public required string PlaceDescription { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public bool HasCamera { get; set; }
    public bool HasSpeaker { get; set; }
    /// <summary>SHA-256 of the current key, hex (<see cref="DeviceKeys.Hash"/>).</summary>
    public required string KeyHash { get; set; }
    public DateTime KeyIssuedAtUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? RevokedByUserId { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>
/// The steps an incident's trail is made of (<see cref="SafetyIncidentStep.Step"/>). Every change to an incident writes
/// one in the same transaction, so the steps are also the change feed the live consoles follow.
/// </summary>
public static class SafetySteps
{
    public const string Received = "received";
    public const string Acknowledged = "acknowledged";
    /// <summary>Note: the level, <c>1</c> or <c>2</c>.</summary>
    public const string Escalated = "escalated";
    /// <summary>Note: the outcome's API name.</summary>
    public const string Closed = "closed";
    /// <summary>Note: the id of the Community mailing the notice went out as.</summary>
    public const string NoticeSent = "notice-sent";
}

/// <summary>One step of an incident's audit trail (<c>safety_incident_steps</c>): who did what, when.</summary>
public sealed class SafetyIncidentStep
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    /// <summary>
    /// What happened: <c>received</c> (every new incident), <c>acknowledged</c>, <c>escalated</c> (note: the level,
    /// <c>1</c> or <c>2</c>), <c>closed</c> (note: the outcome's API name), <c>notice-sent</c>. Every change to an
    /// incident writes one in the same transaction: the table is the change feed the live console follows.
    /// </summary>
    public required string Step { get; set; }
    /// <summary>The staff account that took the step; null when the system or the (possibly anonymous) resident did.</summary>
    public string? ByUserId { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Note { get; set; }
}

/// <summary>A report's photo (<c>safety_incident_photos</c>), its metadata removed before it was stored (<see cref="SafetyPhoto"/>).</summary>
public sealed class SafetyIncidentPhoto
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public int SizeBytes { get; set; }
}

namespace Uchastok.Web.Safety;

/// <summary>
/// One incident as the duty console shows it, and as the hub's client method <c>incident</c> receives it (the
/// contract the benchmark's client codes against: keep the names). Codes, not words: a push goes to consoles in
/// three languages, and each page names the codes in its own (<c>kind</c> <c>report</c>/<c>alarm</c>;
/// <c>category</c> the quick report's API name; <c>status</c> <c>open</c>, <c>acknowledged</c>, <c>escalated</c>,
/// <c>closed</c>; <c>outcome</c> an outcome's API name). Times are UTC.
/// </summary>
public sealed record ConsoleIncidentView(
    long Id, string Reference, string Kind, string Category, string Status,
    DateTime ReceivedAtUtc, DateTime? AcknowledgedAtUtc, string? AcknowledgedBy,
    DateTime? ClosedAtUtc, string? ClosedBy, string? Outcome, string? Patrol, string? AppealNumber, int EscalationLevel,
    ConsolePlaceView Place, ConsoleBeatView? Beat, ConsoleDistrictView? District, string Text, bool Signed,
    string? PhotoUrl, string? MediaUrl, ConsoleStepView LastStep, IReadOnlyList<ConsoleStepView> Trail);

/// <summary>Where: the point (when there is one) and the address line (typed, or the gazetteer's nearest).</summary>
public sealed record ConsolePlaceView(double? Lat, double? Lon, string? Address, bool Located);

public sealed record ConsoleBeatView(int Id, string Code);

public sealed record ConsoleDistrictView(int Id, string Name);

/// <summary>One step of the trail: what, when, by whom (a staff member's name; null for the system or the resident).</summary>
public sealed record ConsoleStepView(long Id, string Step, string? Note, DateTime AtUtc, string? By);

/// <summary>
/// The polling answer: the incidents changed since <c>since</c> (all in the caller's list without it), and the
/// server's time to send as the next <c>since</c>; the server reads back an overlap before it, so a change that
/// committed late is not missed, and the client replaces rows by id.
/// </summary>
public sealed record ConsoleFeedPage(IReadOnlyList<ConsoleIncidentView> Incidents, DateTime ServerTimeUtc);

/// <summary>How a close is asked for: the outcome's API name, and for <c>patrol-sent</c> which patrol.</summary>
public sealed record ConsoleCloseRequest(string? Outcome, string? Patrol);

/// <summary>Who already took an incident (the 409 of a second acknowledgement carries it too, in its detail).</summary>
public sealed record ConsoleTakenView(long Id, string? AcknowledgedBy, DateTime? AcknowledgedAtUtc, string Detail);

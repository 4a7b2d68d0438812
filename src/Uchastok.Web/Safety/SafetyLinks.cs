namespace Uchastok.Web.Safety;

/// <summary>
/// The links a reader follows from an incident, for the reports list and the duty console alike: both lead through the
/// logged API routes (SafetyApi's photo and media handlers), never to a stored file or a device's own link.
/// </summary>
public static class SafetyLinks
{
    /// <summary>The report's photo without its metadata; null when it has none.</summary>
    public static string? Photo(long incidentId, bool hasPhoto) => hasPhoto ? $"/api/v1/safety/reports/{incidentId}/photo" : null;

    /// <summary>The logged redirect to an alarm's footage (never the device's link itself: every opening must pass the log).</summary>
    public static string? Media(SafetyIncident incident) => incident.MediaUrl is null ? null : $"/api/v1/safety/incidents/{incident.Id}/media";
}

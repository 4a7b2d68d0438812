using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Safety;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

public enum SafetyAlarmOutcome { Created, Repeated, Invalid }

public sealed record SafetyAlarmResult(SafetyAlarmOutcome Outcome, SafetyAlarmReceiptView? Receipt, FieldErrors Errors);

/// <summary>
/// Turns an authenticated device's alarm event into an incident (issue 19): kind <c>Alarm</c>, category <c>alarm</c>,
/// status Open, on the device's beat and district, with its <c>received</c> step in the same transaction (the steps are the
/// change feed the duty console follows). The same (device, event id) again is the same incident, also when two copies
/// arrive at once: the unique index on the two decides, and the loser answers with the winner's incident.
/// </summary>
public sealed class ReceiveSafetyAlarmCommand(
    UchastokDbContext db, SafetyConsoleSignal consoleSignal, IConfiguration configuration, IStringLocalizer<SharedResource> localizer, TimeProvider clock,
    ILogger<ReceiveSafetyAlarmCommand> logger)
{
    /// <summary>
    /// The hosts a media link may name (<c>Safety:MediaHosts</c>: a list, or one value separated by commas; exact host
    /// names, any case). Staff open the link through Uchastok's own address, so a link to anywhere would let a stolen
    /// device key plant a phishing page behind our domain. Empty: any https host (development only — operators set it).
    /// </summary>
    public static IReadOnlySet<string> MediaHosts(IConfiguration configuration)
    {
        var section = configuration.GetSection("Safety:MediaHosts");
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether a media link's host is allowed: any when no hosts are set, else only those named.</summary>
    public static bool MediaHostAllowed(Uri link, IReadOnlySet<string> hosts) => hosts.Count == 0 || hosts.Contains(link.IdnHost);

    private readonly IReadOnlySet<string> _mediaHosts = MediaHosts(configuration);

    public async Task<SafetyAlarmResult> ExecuteAsync(AuthenticatedDevice device, SafetyAlarmEventRequest input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var eventId = input.EventId;
        if (!AlarmEvents.IsEventId(eventId)) errors.Add("eventId", localizer["SafetyAlarm.EventIdInvalid", AlarmEvents.MaxEventIdLength]);
        DateTime? occurred = null;
        if (!DateTimeOffset.TryParse(input.OccurredAtUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            errors.Add("occurredAtUtc", localizer["SafetyAlarm.OccurredInvalid"]);
        else if (parsed.UtcDateTime > now + AlarmEvents.MaxClockAhead) errors.Add("occurredAtUtc", localizer["SafetyAlarm.OccurredInFuture"]);
        else occurred = parsed.UtcDateTime;
        if ((input.Lat is null) != (input.Lon is null) || (input.Lat is { } la && input.Lon is { } lo && !Coordinates.AreValid(la, lo)))
            errors.Add("lat", localizer["SafetyAlarm.PointInvalid"]);
        Uri? media = null;
        if (!string.IsNullOrWhiteSpace(input.MediaUrl) && (media = AlarmEvents.MediaUrl(input.MediaUrl)) is null)
            errors.Add("mediaUrl", localizer["SafetyAlarm.MediaUrlInvalid", AlarmEvents.MaxMediaUrlLength]);
        else if (media is not null && !MediaHostAllowed(media, _mediaHosts)) errors.Add("mediaUrl", localizer["SafetyAlarm.MediaHostNotAllowed", media.Host]);
        if (errors.Count > 0) return new(SafetyAlarmOutcome.Invalid, null, errors);

        if (await ExistingAsync(device.Id, eventId!, cancellationToken) is { } existing) return new(SafetyAlarmOutcome.Repeated, existing, errors);

        // The alarm belongs to the device's beat even when the event carries its own point (a post does not move; a
        // point a few metres over a beat's edge must not send the alarm to another inspector or lose it outside the city).
        var incident = new SafetyIncident
        {
            Reference = SubmitSafetyReportCommand.NewReference("SA"), Kind = SafetyIncidentKind.Alarm, Category = SafetyCategory.Alarm, Text = "",
            Latitude = input.Lat ?? device.Latitude, Longitude = input.Lon ?? device.Longitude, AddressText = device.Place, PlaceLocated = true,
            BeatId = device.BeatId, DistrictId = device.DistrictId, CreatedAtUtc = now, Status = SafetyIncidentStatus.Open,
            DeviceId = device.Id, DeviceEventId = eventId, OccurredAtUtc = occurred, MediaUrl = media?.AbsoluteUri,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.SafetyIncidents.Add(incident);
            await db.SaveChangesAsync(cancellationToken);
            db.SafetyIncidentSteps.Add(new SafetyIncidentStep { IncidentId = incident.Id, Step = SafetySteps.Received, AtUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another copy of the same event was saved first (the transaction is rolled back by its disposal): answer with that one.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(device.Id, eventId!, cancellationToken) is { } winner) return new(SafetyAlarmOutcome.Repeated, winner, errors);
            throw;
        }
        // The consoles connected to this node hear of it now, not at the feed's next look.
        consoleSignal.Notify();
        logger.LogInformation("Safety alarm {Id} from device {DeviceId} for district {District}", incident.Id, device.Id, device.DistrictId);
        return new(SafetyAlarmOutcome.Created, new SafetyAlarmReceiptView(incident.Id, incident.Reference, Status(incident.Status), eventId!, false), errors);
    }

    private async Task<SafetyAlarmReceiptView?> ExistingAsync(int deviceId, string eventId, CancellationToken cancellationToken) =>
        await db.SafetyIncidents.AsNoTracking().Where(i => i.DeviceId == deviceId && i.DeviceEventId == eventId)
            .Select(i => new { i.Id, i.Reference, i.Status }).SingleOrDefaultAsync(cancellationToken) is { } row
            ? new SafetyAlarmReceiptView(row.Id, row.Reference, Status(row.Status), eventId, true)
            : null;

    private static string Status(SafetyIncidentStatus status) => status.ToString().ToLowerInvariant();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Safety;
using Uchastok.Web.Accounts;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

/// <summary>
/// Escalates incidents nobody took on the duty console (issue 19): after <c>Safety:EscalateAfter</c> (60 s) to the
/// district's supervisors (level 1), after <c>Safety:EscalateAgainAfter</c> more (60 s) to them again and to the
/// administrators (level 2); an incident with no district goes to the administrators at both levels. Each message is
/// an e-mail, and an SMS too to a confirmed phone, through the outbox, in the recipient's language, with the console's
/// link. Every node runs it: a level is taken by one conditional update (the level before it, still untaken), so it
/// is taken once whatever the nodes do, and its step <c>escalated</c> (note: the level) and messages are written in
/// the same transaction.
/// </summary>
public sealed class SafetyEscalationJob(
    IServiceScopeFactory scopes, SafetyConsoleSettings consoleSettings, SiteSettings site, SafetyConsoleSignal consoleSignal, OutboxSignal outboxSignal,
    TimeProvider clock, ILogger<SafetyEscalationJob> logger)
    : PeriodicJob(site.Background, clock, logger)
{
    /// <summary>At most this many incidents a pass; the next pass takes the rest.</summary>
    public const int Batch = 500;

    protected override TimeSpan Interval => consoleSettings.EscalationCheckInterval;

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One pass; the number of levels taken.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var times = consoleSettings.Escalation;
        var receivedBefore = times.ReceivedBefore(now, 1);
        List<Candidate> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            candidates = await db.SafetyIncidents.AsNoTracking()
                .Where(i => (i.Status == SafetyIncidentStatus.Open || i.Status == SafetyIncidentStatus.Escalated)
                            && i.AcknowledgedByUserId == null && i.EscalationLevel < EscalationTimes.MaxLevel && i.CreatedAtUtc <= receivedBefore)
                .OrderBy(i => i.Id).Take(Batch)
                .Select(i => new Candidate(i.Id, i.Reference, i.Kind, i.Category, i.AddressText, i.DistrictId, i.CreatedAtUtc, i.EscalationLevel))
                .ToListAsync(cancellationToken);
        }
        var taken = 0;
        foreach (var candidate in candidates)
        {
            if (times.Due(candidate.ReceivedAtUtc, false, candidate.Level, now) is not { } level) continue;
            try
            {
                if (await EscalateAsync(candidate, level, now, cancellationToken)) taken++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Logger.LogWarning(exception, "Escalating safety incident {Id} failed; the next pass tries again", candidate.Id);
            }
        }
        if (taken > 0)
        {
            outboxSignal.Notify();
            consoleSignal.Notify();
            Logger.LogInformation("Safety escalation pass: {Count} levels taken", taken);
        }
        return taken;
    }

    private sealed record Candidate(long Id, string Reference, SafetyIncidentKind Kind, SafetyCategory Category, string? Address, int? DistrictId, DateTime ReceivedAtUtc, int Level);

    private sealed record Recipient(string UserId, string? Email, string? Phone, string Language);

    private async Task<bool> EscalateAsync(Candidate incident, int level, DateTime now, CancellationToken cancellationToken)
    {
        // Its own unit of work per incident: one that fails leaves nothing behind for the next.
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<UchastokDbContext>();
        var outbox = services.GetRequiredService<Outbox>();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var recipients = await RecipientsAsync(db, incident.DistrictId, level, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.SafetyIncidents
            .Where(i => i.Id == incident.Id && i.EscalationLevel == level - 1 && i.AcknowledgedByUserId == null && i.Status != SafetyIncidentStatus.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.EscalationLevel, level).SetProperty(i => i.Status, SafetyIncidentStatus.Escalated), cancellationToken);
        if (moved == 0)
        {
            // Taken meanwhile, by an officer or by another node's pass.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        db.SafetyIncidentSteps.Add(new SafetyIncidentStep
        {
            IncidentId = incident.Id, Step = SafetySteps.Escalated, AtUtc = now, Note = level.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var link = $"{site.PublicUrl.TrimEnd('/')}/safety/console";
        foreach (var recipient in recipients)
        {
            using var _ = LocalizationSetup.UseLanguage(recipient.Language);
            var what = incident.Kind == SafetyIncidentKind.Alarm
                ? localizer["Console.Kind.alarm"].Value
                : $"{localizer["Console.Kind.report"].Value}: {localizer[$"Safety.Category.{incident.Category}"].Value}";
            var values = new Dictionary<string, string>
            {
                ["reference"] = incident.Reference, ["level"] = level.ToString(System.Globalization.CultureInfo.InvariantCulture), ["what"] = what,
                ["place"] = incident.Address ?? "—", ["received"] = KazakhstanTime.Format(incident.ReceivedAtUtc), ["link"] = link,
            };
            var key = $"safety-escalation:{incident.Id}:{level}:{recipient.UserId}";
            if (recipient.Email is { } email)
                await outbox.EnqueueAsync(new Notification(NotificationChannel.Email, email, recipient.Language, DefaultTemplates.StaffSafetyEscalated, values, key, $"safety:{incident.Reference}"), cancellationToken);
            if (recipient.Phone is { } phone)
                await outbox.EnqueueAsync(new Notification(NotificationChannel.Sms, phone, recipient.Language, DefaultTemplates.StaffSafetyEscalated, values, key + ":sms", $"safety:{incident.Reference}"), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Logger.LogInformation("Safety incident {Id} escalated to level {Level} ({Count} recipients)", incident.Id, level, recipients.Count);
        return true;
    }

    /// <summary>Level 1: the district's supervisors (administrators for an incident with no district); level 2: those and the administrators.</summary>
    private static async Task<IReadOnlyList<Recipient>> RecipientsAsync(UchastokDbContext db, int? districtId, int level, CancellationToken cancellationToken)
    {
        var holders = await RoleHolders.ListAsync(db, [Roles.Supervisor, Roles.Admin], cancellationToken);
        var chosen = holders.Where(h =>
                (h.Role == Roles.Supervisor && districtId is not null && h.DistrictId == districtId)
                || (h.Role == Roles.Admin && (level >= 2 || districtId is null)))
            .DistinctBy(h => h.UserId).ToList();
        var ids = chosen.Select(h => h.UserId).ToList();
        var phones = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.PhoneNumber != null && u.PhoneNumberConfirmed)
            .ToDictionaryAsync(u => u.Id, u => u.PhoneNumber!, cancellationToken);
        return chosen.Select(h => new Recipient(h.UserId, h.Email, phones.GetValueOrDefault(h.UserId), h.Language)).ToList();
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Weapons;
using Uchastok.Web.Accounts;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Weapons;

/// <summary>
/// Reminds the beat's inspector of permits about to expire (<c>Weapons:PermitExpiryReminderDays</c> before), through
/// the outbox, once per permit and expiry date (<see cref="PermitExpiry.DedupeKey"/>): a pass that runs again, on this
/// node or another, queues nothing twice; a permit renewed to a later date is reminded again. With no setting, nothing.
/// </summary>
public sealed class WeaponsJob(IServiceScopeFactory scopes, JobLocks locks, WeaponsSettings weapons, NotificationSettings settings, TimeProvider clock, ILogger<WeaponsJob> logger)
    : PeriodicJob(settings.Background, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One pass; returns the number of messages queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var today = KazakhstanTime.Today(Clock);
        if (PermitExpiry.LastExpiryRemindedOn(today, weapons.PermitExpiryReminderDays) is not { } last) return 0;
        await using var held = await locks.TryTakeAsync(nameof(WeaponsJob), cancellationToken);
        if (held is null) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var due = await (from w in db.CivilWeapons.AsNoTracking()
                         join h in db.WeaponHolders on w.HolderId equals h.Id
                         join b in db.Beats on h.BeatId equals b.Id
                         where w.ValidTo >= today && w.ValidTo <= last && b.InspectorId != null
                         select new { w.Id, w.ValidTo, HolderId = h.Id, Officer = b.InspectorId!.Value }).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var accounts = await scope.ServiceProvider.GetRequiredService<OfficerAccounts>().GetAsync(cancellationToken);
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var queued = 0;
        foreach (var permit in due)
        {
            foreach (var account in accounts.GetValueOrDefault(permit.Officer) ?? [])
            {
                var key = PermitExpiry.DedupeKey(permit.Id, permit.ValidTo, account.UserId);
                if (await db.Outbox.AnyAsync(m => m.DedupeKey == key, cancellationToken)) continue;
                var values = new Dictionary<string, string>
                {
                    ["date"] = permit.ValidTo.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                    ["link"] = string.Create(CultureInfo.InvariantCulture, $"{settings.PublicUrl.TrimEnd('/')}/weapons/holders/{permit.HolderId}"),
                };
                await outbox.EnqueueAsync(new Notification(NotificationChannel.Email, account.Email, account.Language, DefaultTemplates.StaffPermitExpiring, values, key, $"weapons:{permit.Officer}"), cancellationToken);
                queued++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0)
        {
            scope.ServiceProvider.GetRequiredService<OutboxSignal>().Notify();
            Logger.LogInformation("Weapons pass: {Queued} permit expiry reminders queued", queued);
        }
        return queued;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Accounts;
using Uchastok.Web.Calendar;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Prevention;

public sealed record PreventionPass(int Reminded, int Purged);

/// <summary>
/// The prevention file's clock work. On the last working day before plan actions fall due, each inspector
/// with any is told how many, once (the outbox's dedupe key), with a link to his day — a count, never a
/// name, since an e-mail leaves the system. Files removed from the register are deleted with their plans
/// and history once the category's retention period after removal has run out; the personal-data log of
/// who read them stays, as the law on personal data asks.
/// </summary>
public sealed class PreventionJob(IServiceScopeFactory scopes, JobLocks locks, PreventionDayCache days, NotificationSettings settings, TimeProvider clock, ILogger<PreventionJob> logger)
    : PeriodicJob(settings.Background, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    public async Task<PreventionPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var held = await locks.TryTakeAsync(nameof(PreventionJob), cancellationToken);
        if (held is null) return new PreventionPass(0, 0);
        var reminded = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                reminded = await RemindAsync(scope.ServiceProvider, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Logger.LogWarning(exception, "Prevention reminders failed; will try again");
            }
        }
        int purged;
        await using (var scope = scopes.CreateAsyncScope())
            purged = await PurgeAsync(scope.ServiceProvider.GetRequiredService<UchastokDbContext>(), cancellationToken);
        if (purged > 0) days.Changed();
        if (reminded + purged > 0) Logger.LogInformation("Prevention pass: {Reminded} inspectors reminded, {Purged} removed files purged", reminded, purged);
        return new PreventionPass(reminded, purged);
    }

    private async Task<int> RemindAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<UchastokDbContext>();
        var calendar = await services.GetRequiredService<WorkingCalendarProvider>().GetAsync(cancellationToken);
        var today = KazakhstanTime.Today(Clock);
        if (!calendar.IsWorkingDay(today)) return 0;
        // Today reminds of every due date whose last working day before is today: tomorrow, and the days off after it.
        var dueDays = new List<DateOnly>();
        for (var day = today.AddDays(1); PreventionPlanSchedule.ReminderOn(day, calendar) == today; day = day.AddDays(1)) dueDays.Add(day);
        var (first, last) = (dueDays[0], dueDays[^1]);
        var counts = await (from a in db.PreventionActions.AsNoTracking()
                            join e in db.PreventionEntries on a.EntryId equals e.Id
                            join b in db.Beats on e.BeatId equals b.Id
                            where e.State == PreventionFileState.OnRecord && a.DoneOn == null && a.CancelledAtUtc == null && a.Due >= first && a.Due <= last && b.InspectorId != null
                            group a by b.InspectorId!.Value into g
                            select new { Officer = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (counts.Count == 0) return 0;
        var accounts = await services.GetRequiredService<OfficerAccounts>().GetAsync(cancellationToken);
        var outbox = services.GetRequiredService<Outbox>();
        // The link opens the last day the message counts (a Friday's covers Saturday to Monday): its list holds everything counted,
        // which today's list does not yet.
        var link = string.Create(CultureInfo.InvariantCulture, $"{settings.PublicUrl.TrimEnd('/')}/prevention/day?date={last:yyyy-MM-dd}");
        var queued = 0;
        foreach (var row in counts)
        {
            foreach (var account in accounts.GetValueOrDefault(row.Officer) ?? [])
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"prevention-due:{first:yyyy-MM-dd}:{row.Officer}:{account.UserId}");
                if (await db.Outbox.AnyAsync(m => m.DedupeKey == key, cancellationToken)) continue;
                var values = new Dictionary<string, string>
                {
                    ["count"] = row.Count.ToString(CultureInfo.InvariantCulture), ["date"] = first.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), ["link"] = link,
                };
                await outbox.EnqueueAsync(new Notification(NotificationChannel.Email, account.Email, account.Language, DefaultTemplates.StaffPreventionDue, values, key, $"prevention:{row.Officer}"), cancellationToken);
                queued++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0) services.GetRequiredService<OutboxSignal>().Notify();
        return queued;
    }

    /// <summary>Deletes the files whose purge day has come; their plan actions and events go with them, a juvenile delivery or a DV case keeps its record without the link.</summary>
    private async Task<int> PurgeAsync(UchastokDbContext db, CancellationToken cancellationToken)
    {
        var today = KazakhstanTime.Today(Clock);
        var due = await db.PreventionEntries.Where(e => e.State == PreventionFileState.Removed && e.PurgeDueOn != null && e.PurgeDueOn <= today).Select(e => e.Id).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        // Children first, explicitly: the same on every database, whatever its foreign-key settings.
        await db.PreventionActions.Where(a => due.Contains(a.EntryId)).ExecuteDeleteAsync(cancellationToken);
        await db.PreventionEvents.Where(e => due.Contains(e.EntryId)).ExecuteDeleteAsync(cancellationToken);
        await db.JuvenileDeliveries.Where(d => d.EntryId != null && due.Contains(d.EntryId.Value)).ExecuteUpdateAsync(s => s.SetProperty(d => d.EntryId, (long?)null), cancellationToken);
        // A domestic-violence case outlives its offender's file: it keeps its own record, without the link.
        await db.DvCases.Where(c => c.OffenderEntryId != null && due.Contains(c.OffenderEntryId.Value)).ExecuteUpdateAsync(s => s.SetProperty(c => c.OffenderEntryId, (long?)null), cancellationToken);
        return await db.PreventionEntries.Where(e => due.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Calendar;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

/// <summary>What one pass of the deadline job did.</summary>
public sealed record DeadlinePass(int Reminded, int Escalated, int Closed);

/// <summary>
/// Watches deadlines: reminds the assignee 3 working days before the due date, tells the
/// supervisors when it has passed, and closes answered appeals the applicant left unconfirmed for
/// 10 days. Each appeal remembers the due date it was reminded or escalated for, set in the same
/// transaction as the queued message, so a restart loses nothing and nothing is sent twice; an
/// extension's new due date earns a new reminder. On several nodes one pass runs at a time
/// (<see cref="JobLocks"/>); the markers and dedupe keys still hold if a pass is cut short.
/// </summary>
public sealed class AppealDeadlineJob(IServiceScopeFactory scopes, JobLocks locks, NotificationSettings settings, TimeProvider clock, ILogger<AppealDeadlineJob> logger)
    : PeriodicJob(settings.Background, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    public async Task<DeadlinePass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        // One node at a time: another node's pass running now does this work.
        await using var held = await locks.TryTakeAsync(nameof(AppealDeadlineJob), cancellationToken);
        if (held is null) return new DeadlinePass(0, 0, 0);
        List<long> remind, escalate, close;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<UchastokDbContext>();
            var calendars = services.GetRequiredService<WorkingCalendarProvider>();
            var policy = await services.GetRequiredService<AppealCatalog>().PolicyAsync(cancellationToken);
            var calendar = await calendars.GetAsync(cancellationToken);
            var today = calendars.Today();
            // Two weeks of calendar days covers 3 working days even across the longest holidays.
            var horizon = today.AddDays(14);
            var candidates = await db.Appeals.AsNoTracking()
                .Where(a => Open.Contains(a.State) && a.AssigneeOfficerId != null && a.DueDate >= today && a.DueDate <= horizon
                    && (a.RemindedForDue == null || a.RemindedForDue != a.DueDate))
                .Select(a => new { a.Id, a.DueDate }).ToListAsync(cancellationToken);
            remind = candidates.Where(a => policy.ReminderDate(a.DueDate, calendar) <= today).Select(a => a.Id).ToList();
            escalate = await db.Appeals.AsNoTracking()
                .Where(a => Open.Contains(a.State) && a.DueDate < today && (a.EscalatedForDue == null || a.EscalatedForDue != a.DueDate))
                .Select(a => a.Id).ToListAsync(cancellationToken);
            var answeredBefore = today.AddDays(-policy.AutoCloseDaysAfterAnswer);
            close = await db.Appeals.AsNoTracking().Where(a => a.State == AppealState.Answered && a.AnsweredOn < answeredBefore)
                .Select(a => a.Id).ToListAsync(cancellationToken);
        }

        var reminded = 0;
        foreach (var id in remind) reminded += await OneAsync(id, Remind, cancellationToken);
        var escalated = 0;
        foreach (var id in escalate) escalated += await OneAsync(id, Escalate, cancellationToken);
        var closed = 0;
        foreach (var id in close) closed += await OneAsync(id, AutoClose, cancellationToken);

        if (reminded + escalated + closed > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OutboxSignal>().Notify();
            Logger.LogInformation("Deadline pass: {Reminded} reminded, {Escalated} escalated, {Closed} closed", reminded, escalated, closed);
        }
        return new DeadlinePass(reminded, escalated, closed);
    }

    private static readonly AppealState[] Open = [AppealState.Registered, AppealState.Assigned, AppealState.InProgress, AppealState.Extended];

    private static async Task<bool> Remind(Appeal appeal, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (appeal.AssigneeOfficerId is not { } assignee || appeal.RemindedForDue == appeal.DueDate) return false;
        appeal.RemindedForDue = appeal.DueDate;
        await services.GetRequiredService<AppealNotifier>().OfficersAsync(appeal, [assignee], DefaultTemplates.StaffReminder, $"reminder:{appeal.DueDate:yyyyMMdd}", cancellationToken);
        return true;
    }

    private static async Task<bool> Escalate(Appeal appeal, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (appeal.EscalatedForDue == appeal.DueDate) return false;
        appeal.EscalatedForDue = appeal.DueDate;
        await services.GetRequiredService<AppealNotifier>().SupervisorsAsync(appeal, DefaultTemplates.StaffOverdue, $"overdue:{appeal.DueDate:yyyyMMdd}", cancellationToken);
        return true;
    }

    private static async Task<bool> AutoClose(Appeal appeal, IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<TransitionAppealCommand>()
            .ApplyAsync(appeal, AppealAction.AutoClose, AppealActor.System, new TransitionInput(), null, null, cancellationToken);
        return outcome.Succeeded;
    }

    /// <summary>
    /// One appeal in its own unit of work: the marker (or the transition) and its messages are saved
    /// together. If another node got there first, the unique dedupe key or the version check refuses
    /// this save, and the job moves on.
    /// </summary>
    private async Task<int> OneAsync(long id, Func<Appeal, IServiceProvider, CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var appeal = await db.Appeals.Include(a => a.AssigneeOfficer).SingleAsync(a => a.Id == id, cancellationToken);
        try
        {
            if (!await work(appeal, scope.ServiceProvider, cancellationToken)) return 0;
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);
            return 1;
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || UniqueViolation.Is(exception))
        {
            Logger.LogInformation("Appeal {Id} was handled elsewhere meanwhile: {Message}", id, exception.Message);
            return 0;
        }
    }
}

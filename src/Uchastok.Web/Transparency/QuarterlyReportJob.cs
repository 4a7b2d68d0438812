using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Transparency;

/// <summary>What one pass did: drafts made and recomputed, and publishers told that drafts wait for them.</summary>
public sealed record ReportPass(int Created, int Updated, int Notified);

/// <summary>
/// Drafts the quarterly reports when a quarter ends and keeps the drafts up to date while the
/// quarter's records may still be made (and a day after); from then on it only makes reports
/// still missing, such as a beat's created since. Once the reports may be published, each
/// supervisor with drafts of his district waiting (an administrator, the city's) is told once.
/// On several nodes one pass runs at a time (<see cref="JobLocks"/>).
/// </summary>
public sealed class QuarterlyReportJob(IServiceScopeFactory scopes, JobLocks locks, NotificationSettings settings, TimeProvider clock, ILogger<QuarterlyReportJob> logger)
    : PeriodicJob(settings.Background, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    public async Task<ReportPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        // One node drafts at a time: two computing the same drafts would only throw one node's work away.
        await using var held = await locks.TryTakeAsync(nameof(QuarterlyReportJob), cancellationToken);
        if (held is null) return new ReportPass(0, 0, 0);
        await using var scope = scopes.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<QuarterlyReports>();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var quarter = reports.LastEnded;
        var text = quarter.ToString();
        var final = KazakhstanTime.Today(Clock) > QuarterlyReports.PublishableFrom(quarter);
        // Once final, the drafts are recomputed only when an active beat has no report of the quarter yet.
        var draft = !final
            || await db.Beats.AnyAsync(b => b.IsActive && !db.QuarterlyReports.Any(r => r.Quarter == text && r.Level == ReportLevel.Beat && r.BeatId == b.Id), cancellationToken)
            || await db.Districts.AnyAsync(d => !db.QuarterlyReports.Any(r => r.Quarter == text && r.Level == ReportLevel.District && r.DistrictId == d.Id), cancellationToken)
            || !await db.QuarterlyReports.AnyAsync(r => r.Quarter == text && r.Level == ReportLevel.City, cancellationToken);
        var pass = draft ? await reports.DraftAsync(quarter, cancellationToken: cancellationToken) ?? new DraftPass(0, 0) : new DraftPass(0, 0);
        if (pass.Created + pass.Updated > 0) Logger.LogInformation("Quarterly reports of {Quarter}: {Created} drafted, {Updated} recomputed", quarter, pass.Created, pass.Updated);
        var notified = 0;
        try
        {
            if (KazakhstanTime.Today(Clock) >= QuarterlyReports.PublishableFrom(quarter)) notified = await NotifyAsync(scope.ServiceProvider, text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogWarning(exception, "Telling publishers of the {Quarter} reports failed; will try again", quarter);
        }
        return new ReportPass(pass.Created, pass.Updated, notified);
    }

    private async Task<int> NotifyAsync(IServiceProvider services, string quarter, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<UchastokDbContext>();
        var drafts = await db.QuarterlyReports.AsNoTracking().Where(r => r.Quarter == quarter && r.Status == ReportStatus.Draft)
            .GroupBy(r => new { r.Level, r.DistrictId }).Select(g => new { g.Key.Level, g.Key.DistrictId, Count = g.Count() }).ToListAsync(cancellationToken);
        if (drafts.Count == 0) return 0;
        var publishers = await RoleHolders.ListAsync(db, [Roles.Supervisor, Roles.Admin], cancellationToken);
        var outbox = services.GetRequiredService<Outbox>();
        var link = $"{settings.PublicUrl.TrimEnd('/')}/reports/manage?quarter={quarter}";
        var prefix = $"reports-ready:{quarter}:";
        var told = (await db.Outbox.AsNoTracking().Where(m => m.DedupeKey.StartsWith(prefix)).Select(m => m.DedupeKey).ToListAsync(cancellationToken)).ToHashSet();
        var queued = 0;
        foreach (var roles in publishers.GroupBy(u => u.UserId))
        {
            var user = roles.First();
            // An administrator publishes the city's report; a supervisor his district's and its beats'; one who is both, all of these.
            var waiting = (roles.Any(r => r.Role == Roles.Admin) ? drafts.Where(d => d.Level == ReportLevel.City).Sum(d => d.Count) : 0)
                + (roles.Any(r => r.Role == Roles.Supervisor) ? drafts.Where(d => d.Level != ReportLevel.City && d.DistrictId == user.DistrictId).Sum(d => d.Count) : 0);
            var key = prefix + user.UserId;
            if (waiting == 0 || told.Contains(key)) continue;
            var values = new Dictionary<string, string> { ["quarter"] = quarter, ["count"] = waiting.ToString(System.Globalization.CultureInfo.InvariantCulture), ["link"] = link };
            await outbox.EnqueueAsync(new Notification(NotificationChannel.Email, user.Email, user.Language, DefaultTemplates.StaffReportsReady, values, key, $"reports:{quarter}"), cancellationToken);
            queued++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0) services.GetRequiredService<OutboxSignal>().Notify();
        return queued;
    }
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Community;
using Uchastok.Rules.Trust;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Community;

public sealed record CommunityPass(int Reminded, int Alerted);

/// <summary>
/// The community's clock work: the day before a reception its holder is reminded; from two weeks
/// before a quarter ends, every inspector who has not held the report meeting, and his district's
/// supervisors, are told — once each per quarter, as the outbox's dedupe key makes sure.
/// </summary>
public sealed class CommunityJob(IServiceScopeFactory scopes, JobLocks locks, NotificationSettings settings, TimeProvider clock, ILogger<CommunityJob> logger)
    : PeriodicJob(settings.Background, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    public async Task<CommunityPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        // One node at a time: another node's pass running now does this work.
        await using var held = await locks.TryTakeAsync(nameof(CommunityJob), cancellationToken);
        if (held is null) return new CommunityPass(0, 0);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Each part on its own: a failure in one must not stop the other.
        var reminded = 0;
        try
        {
            reminded = await services.GetRequiredService<Receptions>().RemindAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogWarning(exception, "Reception reminders failed; will try again");
        }
        await using var alertScope = scopes.CreateAsyncScope();
        var alerted = await AlertAsync(alertScope.ServiceProvider, cancellationToken);
        if (reminded + alerted > 0)
        {
            services.GetRequiredService<OutboxSignal>().Notify();
            Logger.LogInformation("Community pass: {Reminded} receptions reminded, {Alerted} report-meeting alerts", reminded, alerted);
        }
        return new CommunityPass(reminded, alerted);
    }

    private async Task<int> AlertAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var today = KazakhstanTime.Today(Clock);
        var quarter = Quarter.Of(today);
        if (today < MeetingCompliance.AlertFrom(quarter)) return 0;
        var db = services.GetRequiredService<UchastokDbContext>();
        var schedule = services.GetRequiredService<MeetingSchedule>();
        var outbox = services.GetRequiredService<Outbox>();
        var accounts = await services.GetRequiredService<OfficerAccounts>().GetAsync(cancellationToken);
        // The district's supervisors run the compliance board: they are told with the inspector.
        var supervisors = (await RoleHolders.ListAsync(db, [Roles.Supervisor], cancellationToken))
            .Where(s => s.DistrictId is not null).ToLookup(s => s.DistrictId!.Value, s => new StaffAccount(s.UserId, s.Email, s.Language));
        var link = $"{settings.PublicUrl.TrimEnd('/')}/community";
        var queued = 0;
        var keys = new HashSet<string>();
        foreach (var districtId in await db.Districts.AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken))
        {
            var compliance = await schedule.ComplianceAsync(districtId, quarter, cancellationToken);
            foreach (var row in compliance.Inspectors.Where(r => r.State == ComplianceState.Alert))
            {
                var recipients = (accounts.GetValueOrDefault(row.OfficerId) ?? []).Concat(supervisors[districtId]);
                foreach (var account in recipients.DistinctBy(a => a.UserId))
                {
                    var key = $"report-meeting:{quarter}:{row.OfficerId}:{account.UserId}";
                    if (!keys.Add(key) || await db.Outbox.AnyAsync(m => m.DedupeKey == key, cancellationToken)) continue;
                    using var _ = LocalizationSetup.UseLanguage(account.Language);
                    var values = new Dictionary<string, string>
                    {
                        ["inspector"] = row.Inspector, ["beats"] = string.Join(", ", row.Beats), ["quarter"] = quarter.ToString(),
                        ["last"] = quarter.Last.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), ["link"] = link,
                    };
                    await outbox.EnqueueAsync(new Notification(NotificationChannel.Email, account.Email, account.Language, DefaultTemplates.StaffReportMeetingDue, values,
                        key, $"community:{districtId}"), cancellationToken);
                    queued++;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}

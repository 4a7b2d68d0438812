using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Transparency;

/// <summary>
/// Drafts the quarterly reports when a quarter ends and keeps the drafts up to date while the
/// quarter's records may still be made (and a day after); from then on it only makes reports
/// still missing, such as a beat's created since. Publishing is the supervisor's.
/// </summary>
public sealed class QuarterlyReportJob(IServiceScopeFactory scopes, NotificationSettings settings, TimeProvider clock, ILogger<QuarterlyReportJob> logger)
    : PeriodicJob(settings.Background, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    public async Task<DraftPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<QuarterlyReports>();
        var quarter = reports.LastEnded;
        if (KazakhstanTime.Today(Clock) > QuarterlyReports.PublishableFrom(quarter))
        {
            // The drafts are final: recompute only when an active beat has no report of the quarter yet.
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var text = quarter.ToString();
            var missing = await db.Beats.AnyAsync(b => b.IsActive && !db.QuarterlyReports.Any(r => r.Quarter == text && r.BeatId == b.Id), cancellationToken)
                || !await db.QuarterlyReports.AnyAsync(r => r.Quarter == text && r.Level == ReportLevel.City, cancellationToken);
            if (!missing) return new DraftPass(0, 0);
        }
        var pass = await reports.DraftAsync(quarter, cancellationToken: cancellationToken) ?? new DraftPass(0, 0);
        if (pass.Created + pass.Updated > 0) Logger.LogInformation("Quarterly reports of {Quarter}: {Created} drafted, {Updated} recomputed", quarter, pass.Created, pass.Updated);
        return pass;
    }
}

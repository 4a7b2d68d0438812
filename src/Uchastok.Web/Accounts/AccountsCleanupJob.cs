using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Hourly: forgets sessions and failed sign-ins (with their network addresses) older than a day, and gives a shift's end to
/// staff sessions a node of the previous release opened without one.
/// </summary>
public sealed class AccountsCleanupJob(IServiceScopeFactory scopes, SiteSettings settings, TimeProvider clock, ILogger<AccountsCleanupJob> logger)
    : PeriodicJob(settings.Background, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task PassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSessions>().DeleteOldAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().DeleteOldAsync(cancellationToken);
        await AccountSessions.FillMissingShiftEndsAsync(scope.ServiceProvider, cancellationToken);
    }
}

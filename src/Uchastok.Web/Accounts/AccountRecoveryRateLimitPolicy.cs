using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Asking for a password reset or for an appeal's lost link sends a message to someone: a few an
/// hour from one network (setting <c>Accounts:RecoveryPerHour</c>, 10 by default), so nobody can
/// flood an inbox or a phone through Uchastok.
/// </summary>
public sealed class AccountRecoveryRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer)
{
    public const string Name = "account-recovery";

    protected override int PermitsPerHour { get; } = configuration.GetValue("Accounts:RecoveryPerHour", 10);

    protected override string RefusalKey => "Community.TooManyRequests";
}

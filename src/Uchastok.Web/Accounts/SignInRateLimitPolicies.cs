using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Sign-in attempts from one network, whatever the account (password spraying): setting
/// <c>Accounts:SignInsPerHour</c>, 30 by default, enough for a district office behind one address.
/// </summary>
public sealed class SignInRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer)
{
    public const string Name = "account-sign-in";

    protected override int PermitsPerHour { get; } = configuration.GetValue("Accounts:SignInsPerHour", 30);

    protected override string RefusalKey => "Account.TooManySignIns";
}

/// <summary>
/// Registrations from one network (each one answers whether a contact is taken): setting
/// <c>Accounts:RegistrationsPerHour</c>, 10 by default.
/// </summary>
public sealed class RegistrationRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer)
{
    public const string Name = "account-registration";

    protected override int PermitsPerHour { get; } = configuration.GetValue("Accounts:RegistrationsPerHour", 10);

    protected override string RefusalKey => "Account.TooManyRegistrations";
}

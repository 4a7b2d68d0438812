using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Accounts;

/// <summary>
/// A per-network limit on an account form: an API client gets a 429 problem in its language, a
/// person the refusal in plain text (as every <see cref="PerAddressWriteLimit"/> answers).
/// </summary>
public abstract class AccountFormLimit(IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer), IRateLimiterPolicy<string>
{
    private readonly IStringLocalizer<SharedResource> _localizer = localizer;

    // Re-implemented so that the API answers problem+json; pages keep the base answer.
    public new Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            await base.OnRejected!(context, cancellationToken);
            return;
        }
        if (context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait))
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await Problems.Status(_localizer, StatusCodes.Status429TooManyRequests, RefusalKey).ExecuteAsync(http);
    };
}

/// <summary>
/// Sign-in attempts from one network, whatever the account (password spraying): setting
/// <c>Accounts:SignInsPerHour</c>, 30 by default, enough for a district office behind one address.
/// </summary>
public sealed class SignInRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : AccountFormLimit(localizer)
{
    public const string Name = "account-sign-in";

    protected override int PermitsPerHour { get; } = configuration.GetValue("Accounts:SignInsPerHour", 30);

    protected override string RefusalKey => "Account.TooManySignIns";
}

/// <summary>
/// Registrations from one network (each one answers whether a contact is taken): setting
/// <c>Accounts:RegistrationsPerHour</c>, 10 by default.
/// </summary>
public sealed class RegistrationRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : AccountFormLimit(localizer)
{
    public const string Name = "account-registration";

    protected override int PermitsPerHour { get; } = configuration.GetValue("Accounts:RegistrationsPerHour", 10);

    protected override string RefusalKey => "Account.TooManyRegistrations";
}

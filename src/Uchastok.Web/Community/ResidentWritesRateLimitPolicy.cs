using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Community;

/// <summary>
/// What anyone may send without an account and that makes the platform send a message — a
/// subscription's confirmation, a booking's notice — is limited per network address, so that
/// nobody can use Uchastok to flood a stranger's phone or fill an inspector's fortnight. Reading is not limited.
/// </summary>
public sealed class ResidentWritesRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : IRateLimiterPolicy<string>
{
    public const string Name = "resident-writes";
    private readonly int _perHour = configuration.GetValue("Community:ResidentWritesPerHour", 20);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        !HttpMethods.IsPost(httpContext.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(SurveyRateLimitPolicy.Network(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = _perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0, AutoReplenishment = true,
            });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(localizer["Community.TooManyRequests"], cancellationToken);
    };
}

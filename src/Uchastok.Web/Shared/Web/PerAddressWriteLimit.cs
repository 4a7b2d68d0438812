using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// A limit on what anyone may send without an account, per network address: an IPv4 address, or
/// an IPv6 /64 (one subscriber's line), so that clearing cookies or changing the address on the
/// line buys little; wider networks would put a mobile operator's customers, who share
/// addresses, under one limit. The address counts in memory only and is never stored. Behind a
/// reverse proxy it is the client's, from X-Forwarded-For of a trusted proxy
/// (<c>Network:TrustedProxies</c>). Only POSTs count: reading is never limited.
/// </summary>
public abstract class PerAddressWriteLimit(IStringLocalizer<SharedResource> localizer) : IRateLimiterPolicy<string>
{
    protected abstract int PermitsPerHour { get; }

    /// <summary>The message, in the reader's language, of a refused request.</summary>
    protected abstract string RefusalKey { get; }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        !HttpMethods.IsPost(httpContext.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(Network(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = PermitsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0, AutoReplenishment = true,
            });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // An API client reads problem+json, as for every other refusal; a page's reader reads the sentence.
        if (http.Request.Path.StartsWithSegments("/api")
            && await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests, Title = localizer["Problem.429"], Detail = localizer[RefusalKey],
                    Type = $"https://uchastok.kz/problems/{RefusalKey}",
                },
            }))
            return;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(localizer[RefusalKey], cancellationToken);
    };

    public static string Network(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) return address.ToString();
        var bytes = address.GetAddressBytes();
        for (var i = 8; i < bytes.Length; i++) bytes[i] = 0;
        return new IPAddress(bytes) + "/64";
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Integrations;

/// <summary>Who calls an Open311 endpoint: the integration key given, if it is an active one.</summary>
public sealed record Open311Caller(ActiveApiKey? Key, bool KeyGiven)
{
    /// <summary>Set by the request handler when the call filed an appeal, for the key's use counters.</summary>
    public bool Filed { get; set; }
}

/// <summary>
/// The Open311 settings, read once: the jurisdiction served, the discovery contact, and how many
/// requests a key, or a caller without one, may make per window. Which categories are never
/// published is the appeal catalog's flag (<c>IsSensitive</c>), not a setting.
/// </summary>
public sealed record Open311Settings(string JurisdictionId, string? Contact, TimeSpan Window, int AnonymousPermitsPerWindow)
{
    public static Open311Settings From(IConfiguration configuration) => new(
        configuration["Integrations:JurisdictionId"] is { Length: > 0 } id ? id : "almaty.uchastok.kz",
        configuration["Integrations:Contact"] is { Length: > 0 } contact ? contact : null,
        TimeSpan.FromSeconds(configuration.GetValue("Integrations:RateLimitWindowSeconds", 60)),
        configuration.GetValue("Integrations:AnonymousPermitsPerWindow", 120));
}

/// <summary>
/// In front of every /open311 request: finds the integration key (<c>api_key</c>, in the query or
/// the form body), so that the rate limiter can count it, and afterwards counts the request into
/// the key's use and logs it.
/// </summary>
public sealed class Open311KeyMiddleware(RequestDelegate next, ILogger<Open311KeyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, ApiKeyStore store)
    {
        string? secret = context.Request.Query["api_key"];
        if (string.IsNullOrWhiteSpace(secret) && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            try
            {
                secret = (await context.Request.ReadFormAsync(context.RequestAborted))["api_key"];
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
            {
                secret = null; // The handler reads the body again and answers with the error.
            }
        }
        var key = await store.FindAsync(secret, context.RequestAborted);
        var caller = new Open311Caller(key, !string.IsNullOrWhiteSpace(secret));
        context.Features.Set(caller);
        await next(context);
        if (key is null) return;

        var status = context.Response.StatusCode;
        logger.LogInformation("Open311 {Method} {Path} with key {KeyId} ({KeyName}): {Status}", context.Request.Method, context.Request.Path, key.Id, key.Name, status);
        try
        {
            await context.RequestServices.GetRequiredService<ApiKeyUsageRecorder>()
                .RecordAsync(key.Id, refused: status == StatusCodes.Status429TooManyRequests, filed: caller.Filed, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The answer has gone out; a lost count must not turn it into an error.
            logger.LogWarning(exception, "The use of integration key {KeyId} could not be counted", key.Id);
        }
    }
}

/// <summary>
/// ASP.NET Core rate limiting for Open311: a fixed window per integration key with the key's own
/// limit, and one per network address for callers without a key (reading is open to all). Over
/// the limit the answer is 429 with Retry-After, as an Open311 error list.
/// </summary>
public sealed class Open311RateLimitPolicy(Open311Settings limits, IStringLocalizer<SharedResource> localizer) : IRateLimiterPolicy<string>
{
    public const string Name = "open311";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var caller = httpContext.Features.Get<Open311Caller>();
        // The limit is part of the partition, so a changed limit takes effect with the key's next reload.
        var (partition, permits) = caller?.Key is { } key
            ? ($"key:{key.Id}:{key.PermitsPerWindow}", key.PermitsPerWindow)
            : ($"address:{httpContext.Connection.RemoteIpAddress}", limits.AnonymousPermitsPerWindow);
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Open311Response.Error(Open311Response.FormatOf(http.Request.Path), StatusCodes.Status429TooManyRequests, localizer["Open311.TooManyRequests"])
            .ExecuteAsync(http);
    };
}

using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Safety;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

/// <summary>An active device as its events need it: where it is, so the alarm lands on its beat.</summary>
public sealed record AuthenticatedDevice(int Id, string Name, string Place, double Latitude, double Longitude, int BeatId, int DistrictId);

/// <summary>
/// Failed device authentications per network (an IPv4 address, an IPv6 /64, as <see cref="PerAddressWriteLimit.Network"/>),
/// in memory: after <c>Safety:DeviceFailuresPerNetworkPerMinute</c> (20) failures in a minute the network's further
/// attempts are answered 429 before any database read or hashing, so a 401 flood costs a dictionary lookup each.
/// Successes are never counted: 50 devices behind one operator's address send 200 events a second between them, and
/// an alarm must not wait for a limiter. Not the ASP.NET Core rate-limiting middleware for that reason: it counts
/// requests before the handler knows whether the key was right.
/// </summary>
public sealed class SafetyDeviceFailureLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SafetyDeviceFailureLimit(IConfiguration configuration)
    {
        var permits = Math.Max(1, configuration.GetValue("Safety:DeviceFailuresPerNetworkPerMinute", 20));
        _failures = PartitionedRateLimiter.Create<string, string>(network => RateLimitPartition.GetFixedWindowLimiter(network, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));
    }

    /// <summary>Whether the network used up its failures for this minute; when it did, how long until it may try again.</summary>
    public bool Blocked(string network, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.FromMinutes(1);
        // Asking for zero permits answers whether any is left without taking one.
        using var lease = _failures.AttemptAcquire(network, 0);
        if (lease.IsAcquired) return false;
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)) retryAfter = wait;
        return true;
    }

    /// <summary>Counts one failed authentication against the network.</summary>
    public void Failed(string network)
    {
        using var _ = _failures.AttemptAcquire(network);
    }

    public void Dispose() => _failures.Dispose();
}

/// <summary>
/// Checks <c>Authorization: Device &lt;id&gt;:&lt;key&gt;</c> (<see cref="DeviceKeys"/>): an unknown device, a wrong key
/// and a revoked device are one answer (null), so the caller cannot tell which; the key is hashed and compared in
/// constant time even when the device is unknown, so the time does not tell it either.
/// </summary>
public sealed class SafetyDeviceAuthenticator(UchastokDbContext db)
{
    public async Task<AuthenticatedDevice?> AuthenticateAsync(string? authorization, CancellationToken cancellationToken = default)
    {
        if (DeviceKeys.Parse(authorization) is not { } credentials) return null;
        var device = await db.SafetyDevices.AsNoTracking().Where(d => d.Id == credentials.DeviceId)
            .Select(d => new { d.KeyHash, d.RevokedAtUtc, Device = new AuthenticatedDevice(d.Id, d.Name, d.PlaceDescription, d.Latitude, d.Longitude, d.BeatId, d.DistrictId) })
            .SingleOrDefaultAsync(cancellationToken);
        var matches = DeviceKeys.Matches(credentials.Key, device?.KeyHash);
        return matches && device is { RevokedAtUtc: null } ? device.Device : null;
    }
}

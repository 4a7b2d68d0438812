using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Safety;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

/// <summary>An active device as its events need it: where it is, so the alarm lands on its beat.</summary>
public sealed record AuthenticatedDevice(int Id, string Name, string Place, double Latitude, double Longitude, int BeatId, int DistrictId);

/// <summary>
/// Failed device authentications, in memory, counted twice: per (network, device id) — after
/// <c>Safety:DeviceFailuresPerDevicePerMinute</c> (20) in a minute that pair is answered 429 before any database read or
/// hashing — and per network (an IPv4 address, an IPv6 /64, as <see cref="PerAddressWriteLimit.Network"/>) — after the much
/// higher <c>Safety:DeviceFailuresPerNetworkPerMinute</c> (200) the whole network is. Per pair, because 50 devices sit behind
/// one operator's address: one of them retrying a revoked or old key 20 times a minute must not silence the other 49. The
/// network total still cuts a flood of malformed or unknown ids, each of which would otherwise start a fresh pair.
/// Successes are never counted here (see <see cref="SafetyDeviceEventLimit"/>). Not the ASP.NET Core rate-limiting
/// middleware: it counts requests before the handler knows whether the key was right.
/// </summary>
public sealed class SafetyDeviceFailureLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perDevice;
    private readonly PartitionedRateLimiter<string> _perNetwork;

    public SafetyDeviceFailureLimit(IConfiguration configuration)
    {
        _perDevice = Limiter(Math.Max(1, configuration.GetValue("Safety:DeviceFailuresPerDevicePerMinute", 20)));
        _perNetwork = Limiter(Math.Max(1, configuration.GetValue("Safety:DeviceFailuresPerNetworkPerMinute", 200)));
    }

    private static PartitionedRateLimiter<string> Limiter(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>The pair's key: a header that names no well-formed device id counts under "?" (and always against the network).</summary>
    private static string Pair(string network, int? deviceId) =>
        string.Concat(network, "|", deviceId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?");

    /// <summary>Whether the network, or this device id from it, used up its failures for this minute; when so, how long until it may try again.</summary>
    public bool Blocked(string network, int? deviceId, out TimeSpan retryAfter) =>
        Exhausted(_perNetwork, network, out retryAfter) || Exhausted(_perDevice, Pair(network, deviceId), out retryAfter);

    private static bool Exhausted(PartitionedRateLimiter<string> limiter, string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.FromMinutes(1);
        // Asking for zero permits answers whether any is left without taking one.
        using var lease = limiter.AttemptAcquire(key, 0);
        if (lease.IsAcquired) return false;
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)) retryAfter = wait;
        return true;
    }

    /// <summary>Counts one failed authentication against the pair and the network.</summary>
    public void Failed(string network, int? deviceId)
    {
        using (_perNetwork.AttemptAcquire(network)) { }
        using (_perDevice.AttemptAcquire(Pair(network, deviceId))) { }
    }

    public void Dispose()
    {
        _perDevice.Dispose();
        _perNetwork.Dispose();
    }
}

/// <summary>
/// Alarm events one authenticated device may send in a second (<c>Safety:DeviceEventsPerSecond</c>, 10), in memory: a
/// leaked key or a device stuck in a loop would otherwise flood the console with incidents and the supervisors with
/// escalation SMS. Ten is well above what a real button sends (the benchmark's 200 a second from 50 devices is 4 each).
/// A repeat of an event already stored gives its permit back: a device retrying after a lost answer costs nothing new.
/// Counted per device id, so the table holds at most one entry per registered device; fixed one-second windows by the
/// app's clock (a test moves it).
/// </summary>
public sealed class SafetyDeviceEventLimit(IConfiguration configuration, TimeProvider clock)
{
    private readonly int _permits = Math.Max(1, configuration.GetValue("Safety:DeviceEventsPerSecond", 10));
    private readonly Dictionary<int, (long Second, int Count)> _windows = [];

    public int PerSecond => _permits;

    /// <summary>Takes a permit for the device; false (with how long until the next second) when its second is used up.</summary>
    public bool TryTake(int deviceId, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var second = now.ToUnixTimeMilliseconds() / 1000;
        retryAfter = TimeSpan.FromMilliseconds(1000 - now.ToUnixTimeMilliseconds() % 1000);
        lock (_windows)
        {
            var (window, count) = _windows.GetValueOrDefault(deviceId);
            if (window != second) count = 0;
            if (count >= _permits) return false;
            _windows[deviceId] = (second, count + 1);
            return true;
        }
    }

    /// <summary>Returns a permit taken for an event that turned out to be a repeat.</summary>
    public void GiveBack(int deviceId)
    {
        lock (_windows)
        {
            if (_windows.TryGetValue(deviceId, out var w) && w.Count > 0) _windows[deviceId] = (w.Second, w.Count - 1);
        }
    }
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

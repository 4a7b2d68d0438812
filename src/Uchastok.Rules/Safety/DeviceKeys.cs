using System.Security.Cryptography;
using System.Text;

namespace Uchastok.Rules.Safety;

/// <summary>The device id and key an SOS device sends in <c>Authorization: Device &lt;id&gt;:&lt;key&gt;</c>.</summary>
public sealed record DeviceCredentials(int DeviceId, string Key);

/// <summary>
/// The keys of SOS devices (issue 19): made here, shown once to the administrator, kept only as a hash, and checked on
/// every alarm event. The scheme is <c>Authorization: Device &lt;deviceId&gt;:&lt;key&gt;</c> rather than HTTP Basic: the
/// same two parts, but a device id is not a user name, a browser never offers its login dialog for an unknown scheme,
/// and the bearer and cookie handlers of the site leave a scheme they do not know alone.
/// </summary>
public static class DeviceKeys
{
    public const string Scheme = "Device";

    /// <summary>32 random bytes as unpadded base64url: 43 characters.</summary>
    public const int KeyLength = 43;

    /// <summary>A new key: 256 random bits, base64url without padding, so it fits a header and a device's configuration file as is.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether a text has the shape of a key this class makes; anything else is refused before any hashing.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: KeyLength } && key.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    /// <summary>
    /// SHA-256 of the key, hex. Not PBKDF2 or another slow hash: those exist to make guessing a human's password from its
    /// hash expensive, and a key of 256 random bits leaves nothing to guess; while every alarm event verifies a key, and
    /// at 200 events a second a deliberately slow hash would be the whole server's work.
    /// </summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether a key matches a stored hash, compared in constant time (the time says nothing about how much of it matched).</summary>
    public static bool Matches(string key, string? storedHash)
    {
        Span<byte> actual = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), actual);
        Span<byte> expected = stackalloc byte[32];
        if (storedHash is not { Length: 64 } || Convert.FromHexString(storedHash, expected, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            expected.Clear();
        return CryptographicOperations.FixedTimeEquals(actual, expected) && storedHash is { Length: 64 };
    }

    /// <summary>
    /// Reads <c>Device &lt;id&gt;:&lt;key&gt;</c> (the scheme in any case, one or more spaces after it); null for anything else:
    /// another scheme, a missing colon, an id that is not a positive number, a key not of the right shape.
    /// </summary>
    public static DeviceCredentials? Parse(string? authorization)
    {
        if (authorization is null || authorization.Length > 200) return null;
        var text = authorization.Trim();
        if (text.Length <= Scheme.Length || !text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || text[Scheme.Length] != ' ') return null;
        var value = text[Scheme.Length..].TrimStart(' ');
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var idText = value[..colon];
        if (idText.Length > 9 || !idText.All(char.IsAsciiDigit) || !int.TryParse(idText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
            return null;
        var key = value[(colon + 1)..];
        return IsWellFormed(key) ? new DeviceCredentials(id, key) : null;
    }
}

/// <summary>What an alarm event must carry, checked before anything is stored.</summary>
public static class AlarmEvents
{
    public const int MaxEventIdLength = 64;
    public const int MaxMediaUrlLength = 2000;

    /// <summary>How far ahead of the server's clock a device's time may be (its clock drifts) before the event is refused.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);

    /// <summary>The device's own id of the event: 1 to 64 visible ASCII characters (no spaces), so it prints and compares as sent.</summary>
    public static bool IsEventId(string? eventId) =>
        eventId is { Length: > 0 and <= MaxEventIdLength } && eventId.All(c => c is > ' ' and <= '~');

    /// <summary>
    /// A media link Uchastok may keep and send staff to: absolute https, at most 2,000 characters, with a host and no
    /// user name or password in it (a link that logs in by itself would hand the camera's account to every reader).
    /// Plain http is refused: the footage shows people and must not cross the network readable. Null when refused.
    /// </summary>
    public static Uri? MediaUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxMediaUrlLength) return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host) || uri.UserInfo.Length > 0) return null;
        return uri.AbsoluteUri.Length <= MaxMediaUrlLength ? uri : null;
    }
}

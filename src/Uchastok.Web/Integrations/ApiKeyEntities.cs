namespace Uchastok.Web.Integrations;

/// <summary>
/// A key a partner system (a city reporting app, a chat-bot, another body's system) files appeals
/// with over Open311. The key itself is shown once, when made; only its SHA-256 is kept, with
/// its first characters so that administrators can tell keys apart.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    /// <summary>Who uses the key: the partner and its system.</summary>
    public required string Name { get; set; }
    /// <summary>Whom to call about the key's traffic.</summary>
    public string? Contact { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    /// <summary>Requests allowed per rate window (a minute by default); more are refused with 429.</summary>
    public int PermitsPerWindow { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedByUserId { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
}

/// <summary>How much a key was used on one day (UTC+5): requests answered and requests refused by its rate limit.</summary>
public sealed class ApiKeyUsage
{
    public int ApiKeyId { get; set; }
    public DateOnly Day { get; set; }
    public long Requests { get; set; }
    public long Refused { get; set; }
    /// <summary>Requests that filed an appeal.</summary>
    public long Filed { get; set; }
}

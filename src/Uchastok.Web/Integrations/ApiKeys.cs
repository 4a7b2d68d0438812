using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Integrations;

/// <summary>An active key as requests see it: what it is called and how much it may do.</summary>
public sealed record ActiveApiKey(int Id, string Name, int PermitsPerWindow);

public sealed record ApiKeyView(
    int Id, string Name, string? Contact, string Prefix, int PermitsPerWindow, DateTime CreatedAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc,
    long RequestsToday, long RefusedToday, long Requests, long Refused, long Filed);

/// <summary>A new key with its secret, which is shown this once and never again.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

public sealed record ApiKeyInput(string? Name, string? Contact, int? PermitsPerWindow);

/// <summary>
/// Recognises integration keys. The active keys are held in memory by their hash and reloaded
/// every 30 seconds or after a change on this node, so a key revoked on another node stops
/// working there within half a minute.
/// </summary>
public sealed class ApiKeyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ReloadingCache<Dictionary<string, ActiveApiKey>> _cache = new(scopes, clock, TimeSpan.FromSeconds(30), async (db, cancellationToken) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAtUtc == null)
            .ToDictionaryAsync(k => k.Hash, k => new ActiveApiKey(k.Id, k.Name, k.PermitsPerWindow), StringComparer.Ordinal, cancellationToken));

    public async Task<ActiveApiKey?> FindAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200) return null;
        return (await _cache.GetAsync(cancellationToken)).GetValueOrDefault(Secrets.Hash(secret.Trim()));
    }

    public void Invalidate() => _cache.Invalidate();
}

/// <summary>The administrators' keys: made (the secret shown once), listed with their use, revoked.</summary>
public sealed class ApiKeyAdministration(UchastokDbContext db, ApiKeyStore store, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<ApiKeyAdministration> logger)
{
    public const int MaxPermitsPerWindow = 10_000;
    public const int DefaultPermitsPerWindow = 60;
    private const string SecretPrefix = "uk_";

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = KazakhstanTime.Today(clock);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAtUtc != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        var totals = await db.ApiKeyUsage.AsNoTracking().GroupBy(u => u.ApiKeyId)
            .Select(g => new UsageTotals(g.Key, g.Sum(u => u.Requests), g.Sum(u => u.Refused), g.Sum(u => u.Filed)))
            .ToDictionaryAsync(t => t.ApiKeyId, cancellationToken);
        var todays = await db.ApiKeyUsage.AsNoTracking().Where(u => u.Day == today).ToDictionaryAsync(u => u.ApiKeyId, cancellationToken);
        return keys.Select(k => View(k, totals.GetValueOrDefault(k.Id), todays.GetValueOrDefault(k.Id))).ToList();
    }

    public async Task<(CreatedApiKey? Created, FieldErrors Errors)> CreateAsync(ApiKeyInput input, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) errors.Add("name", localizer["ApiKey.NameRequired"]);
        var contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim();
        if (contact is { Length: > 200 }) errors.Add("contact", localizer["ApiKey.ContactTooLong"]);
        var permits = input.PermitsPerWindow ?? DefaultPermitsPerWindow;
        if (permits is < 1 or > MaxPermitsPerWindow) errors.Add("permitsPerWindow", localizer["ApiKey.PermitsOutOfRange", MaxPermitsPerWindow]);
        if (errors.Count > 0) return (null, errors);

        var secret = SecretPrefix + Secrets.New();
        var key = new ApiKey
        {
            Name = name!, Contact = contact, Prefix = secret[..10], Hash = Secrets.Hash(secret), PermitsPerWindow = permits,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = admin.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        logger.LogInformation("Integration key {KeyId} ({Prefix}…) made for {Name} by {UserId}, {Permits} requests per window", key.Id, key.Prefix, key.Name, key.CreatedByUserId, permits);
        return (new CreatedApiKey(View(key, null, null), secret), errors);
    }

    /// <summary>Revokes a key for good; false when there is no such active key.</summary>
    public async Task<bool> RevokeAsync(int id, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        var userId = admin.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAtUtc == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAtUtc, now).SetProperty(x => x.RevokedByUserId, userId), cancellationToken);
        if (changed == 0) return false;
        store.Invalidate();
        logger.LogInformation("Integration key {KeyId} revoked by {UserId}", id, userId);
        return true;
    }

    private sealed record UsageTotals(int ApiKeyId, long Requests, long Refused, long Filed);

    private static ApiKeyView View(ApiKey key, UsageTotals? totals, ApiKeyUsage? today) =>
        new(key.Id, key.Name, key.Contact, key.Prefix, key.PermitsPerWindow, key.CreatedAtUtc, key.RevokedAtUtc, key.LastUsedAtUtc,
            today?.Requests ?? 0, today?.Refused ?? 0, totals?.Requests ?? 0, totals?.Refused ?? 0, totals?.Filed ?? 0);
}

/// <summary>Counts each keyed request into the key's day, and notes when the key was last used.</summary>
public sealed class ApiKeyUsageRecorder(UchastokDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(int keyId, bool refused, bool filed, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = KazakhstanTime.LocalDate(now);
        var (answered, wasRefused, wasFiled) = (refused ? 0 : 1, refused ? 1 : 0, filed ? 1 : 0);
        // One transaction, so that on SQLite the write gate queues it like every other write.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One statement that both providers speak: a row per key and day, counted up in place.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO integrations_api_key_usage ("ApiKeyId", "Day", "Requests", "Refused", "Filed") VALUES ({keyId}, {day}, {answered}, {wasRefused}, {wasFiled})
            ON CONFLICT ("ApiKeyId", "Day") DO UPDATE SET "Requests" = integrations_api_key_usage."Requests" + {answered},
                "Refused" = integrations_api_key_usage."Refused" + {wasRefused}, "Filed" = integrations_api_key_usage."Filed" + {wasFiled}
            """, cancellationToken);
        await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAtUtc, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

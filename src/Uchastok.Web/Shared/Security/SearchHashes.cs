using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Shared.Security;

/// <summary>
/// The secret key of a deployment's search hashes, kept encrypted with the data-protection key ring
/// (itself encrypted with the certificate kept outside the database). One row per key name.
/// </summary>
public sealed class SearchKey
{
    public required string Name { get; set; }
    public required string ProtectedKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class SearchKeyConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<SearchKey>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<SearchKey> builder)
    {
        builder.ToTable("shared_search_keys");
        builder.HasKey(k => k.Name);
        builder.Property(k => k.Name).HasMaxLength(40);
        builder.Property(k => k.ProtectedKey).HasMaxLength(1000);
    }
}

/// <summary>
/// Keyed hashes (HMAC-SHA-256) of sensitive values, so that a record can be found by its value — a
/// person on the preventive register by IIN, a duplicate across the city — without decrypting every
/// row. A plain hash would not do: an IIN is a birth date, a sex digit, a four-digit serial and a check
/// digit, a few hundred million values that anyone holding a copy of the database could hash in
/// minutes. The key is made once per deployment, on first use, and kept encrypted (<see cref="SearchKey"/>),
/// so the hashes mean nothing without the key ring; every node sharing the database uses the same key.
/// </summary>
public sealed class SearchHashes(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string KeyName = "search-v1";
    private const string Purpose = "Uchastok.Shared.SearchKey";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    /// <summary>
    /// The keyed hash of <paramref name="value"/> as a value of <paramref name="kind"/> (say "iin"): the
    /// same value of another kind hashes differently. Values are compared as given: normalise first.
    /// </summary>
    public async Task<string> HashAsync(string kind, string value, CancellationToken cancellationToken = default)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{kind}\n{value}")));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is { } loaded) return loaded;
            var protector = protection.CreateProtector(Purpose);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var row = await db.SearchKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Name == KeyName, cancellationToken);
            if (row is null)
            {
                db.SearchKeys.Add(new SearchKey
                {
                    Name = KeyName, ProtectedKey = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
                {
                    // Another node made the key at the same moment: its key is the deployment's.
                    db.ChangeTracker.Clear();
                }
                row = await db.SearchKeys.AsNoTracking().SingleAsync(k => k.Name == KeyName, cancellationToken);
            }
            return _key = Convert.FromBase64String(protector.Unprotect(row.ProtectedKey));
        }
        finally
        {
            _gate.Release();
        }
    }
}

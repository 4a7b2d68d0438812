using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Accounts' IINs found by their keyed hash (ADR 0010 §2), never by decrypting every row: beside each
/// <see cref="ApplicationUser.ProtectedIin"/> the account keeps <see cref="ApplicationUser.IinHash"/>, written only here
/// (at registration, at staff creation, and once at start-up for rows older than the column). Another module asks
/// whether an IIN belongs to an account in some roles and gets an index look-up.
/// </summary>
public sealed class AccountIins(UchastokDbContext db, SearchHashes hashes, IDataProtectionProvider protection, ILogger<AccountIins> logger)
{
    /// <summary>
    /// A kind of its own, not the preventive register's "iin": were the two hashed alike, a copy of the database without the
    /// key ring could join a resident's account (e-mail and phone in clear) to his prevention file, which ADR 0010 rules out.
    /// </summary>
    public const string HashKind = "account-iin";

    /// <summary>Rows filled per round trip at start-up: enough that a national table of staff and residents takes seconds, few enough to keep one transaction small.</summary>
    private const int BackfillBatch = 500;

    /// <summary>Writes the encrypted, masked and hashed IIN of an account not yet saved: the three always change together.</summary>
    internal async Task SetAsync(ApplicationUser user, string iin, CancellationToken cancellationToken)
    {
        user.ProtectedIin = protection.CreateProtector(AccountCommands.IinProtectionPurpose).Protect(iin);
        user.MaskedIin = Uchastok.Rules.Identity.Iin.Mask(iin);
        user.IinHash = await hashes.HashAsync(HashKind, iin, cancellationToken);
    }

    /// <summary>
    /// Which of <paramref name="iins"/> (compared as given) belong to an account holding one of <paramref name="roles"/>.
    /// One keyed hash per value and one indexed query, whatever the number of accounts.
    /// </summary>
    public async Task<IReadOnlySet<string>> HeldByRolesAsync(IEnumerable<string> iins, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var iin in iins.Distinct(StringComparer.Ordinal))
            byHash[await hashes.HashAsync(HashKind, iin, cancellationToken)] = iin;
        var found = new HashSet<string>(StringComparer.Ordinal);
        var holders = RoleHolders.IdsHoldingAny(db, roles);
        foreach (var chunk in byHash.Keys.Chunk(500))
        {
            var matched = await db.Users.AsNoTracking()
                .Where(u => u.IinHash != null && chunk.Contains(u.IinHash))
                .Where(u => holders.Contains(u.Id))
                .Select(u => u.IinHash!).ToListAsync(cancellationToken);
            foreach (var hash in matched) found.Add(byHash[hash]);
        }
        return found;
    }

    /// <summary>
    /// Fills the hash of every account that has an encrypted IIN and no hash yet: the accounts made before the column
    /// existed. A keyed hash cannot be computed in SQL (the key lives encrypted by the key ring), so the migration only
    /// adds the column and this runs at every start, after the migrations; once the rows are filled it costs one indexed
    /// query. Idempotent: two nodes starting together write the same values.
    /// </summary>
    public static async Task<int> FillMissingHashesAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var iins = scope.ServiceProvider.GetRequiredService<AccountIins>();
        return await iins.FillMissingHashesAsync(cancellationToken);
    }

    internal async Task<int> FillMissingHashesAsync(CancellationToken cancellationToken)
    {
        var protector = protection.CreateProtector(AccountCommands.IinProtectionPurpose);
        var filled = 0;
        var after = "";
        while (true)
        {
            // Read without tracking and page by id: a row that cannot be filled is passed, not read again forever.
            var rows = await db.Users.AsNoTracking()
                .Where(u => u.ProtectedIin != null && u.IinHash == null && string.Compare(u.Id, after) > 0)
                .OrderBy(u => u.Id).Select(u => new { u.Id, u.ProtectedIin }).Take(BackfillBatch).ToListAsync(cancellationToken);
            if (rows.Count == 0) return filled;
            foreach (var row in rows)
            {
                string iin;
                try { iin = protector.Unprotect(row.ProtectedIin!); }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    // A row the key ring cannot open (a restore without its key, say) must not keep the server from starting;
                    // the account is named, its IIN never.
                    logger.LogWarning("Account {UserId}: its IIN cannot be decrypted, so it has no search hash", row.Id);
                    continue;
                }
                var hash = await hashes.HashAsync(HashKind, iin, cancellationToken);
                // One conditional update per row: no concurrency stamp to clash with another node's write to the account.
                filled += await db.Users.Where(u => u.Id == row.Id && u.IinHash == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.IinHash, hash), cancellationToken);
            }
            after = rows[^1].Id;
        }
    }
}

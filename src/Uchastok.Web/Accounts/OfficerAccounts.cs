using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Accounts;

public sealed record StaffAccount(string UserId, string Email, string Language);

/// <summary>
/// The staff accounts of each officer, held in memory: every filing tells the assignee, and staff
/// accounts change seldom. A new account is seen at once on the node that made it, within a minute elsewhere.
/// </summary>
public sealed class OfficerAccounts(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ReloadingCache<IReadOnlyDictionary<int, StaffAccount[]>> _cache = new(scopes, clock, TimeSpan.FromMinutes(1), async (db, cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.OfficerId != null && u.Email != null)
            .Select(u => new { OfficerId = u.OfficerId!.Value, Account = new StaffAccount(u.Id, u.Email!, u.PreferredLanguage) })
            .ToListAsync(cancellationToken))
        .GroupBy(a => a.OfficerId).ToDictionary(g => g.Key, g => g.Select(a => a.Account).ToArray()));

    public Task<IReadOnlyDictionary<int, StaffAccount[]>> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    public void Invalidate() => _cache.Invalidate();
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Protocols;

/// <summary>A drafter as the pages name him: his account id and "Surname I. P." (his officer record's, or his account's display name).</summary>
public sealed record ProtocolDrafterName(string UserId, string Name);

/// <summary>
/// The names of the officers who draw up protocols, for the lists and the supervisor's figures. Officers are
/// named; the people a protocol is about never are outside the protocol's own page. Reads the accounts and the
/// officer records (reference data of Accounts and Territory), writes nothing.
/// </summary>
public sealed class ProtocolDrafters(UchastokDbContext db)
{
    /// <summary>The name of each of the given accounts that exists.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return new Dictionary<string, string>(StringComparer.Ordinal);
        return (await Named(db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)), cancellationToken)).ToDictionary(d => d.UserId, d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>The accounts of a district in a drafting position, by name: the choices of the officer filter.</summary>
    public async Task<IReadOnlyList<ProtocolDrafterName>> InDistrictAsync(int districtId, CancellationToken cancellationToken = default)
    {
        var drafters = RoleHolders.IdsHoldingAny(db, ProtocolScope.DrafterRoles);
        var accounts = db.Users.AsNoTracking().Where(u => u.DistrictId == districtId && drafters.Contains(u.Id));
        return (await Named(accounts, cancellationToken)).OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();
    }

    private async Task<List<ProtocolDrafterName>> Named(IQueryable<Accounts.ApplicationUser> accounts, CancellationToken cancellationToken)
    {
        var rows = await accounts.Select(u => new { u.Id, u.DisplayName, u.OfficerId }).ToListAsync(cancellationToken);
        var officerIds = rows.Where(r => r.OfficerId is not null).Select(r => r.OfficerId!.Value).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Surname, o.GivenName, o.Patronymic }).ToDictionaryAsync(o => o.Id, cancellationToken);
        return rows.Select(r => new ProtocolDrafterName(r.Id, r.OfficerId is { } id && officers.TryGetValue(id, out var o)
            ? ProtocolFacts.SurnameInitials(o.Surname, o.GivenName, o.Patronymic) : r.DisplayName)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Accounts;

/// <summary>A staff account holding a role, with the district its scope lies in (none for an administrator).</summary>
public sealed record RoleHolder(string UserId, string Email, string Language, int? DistrictId, string Role);

/// <summary>Who holds which role: the people to tell of work waiting in a district or for the city.</summary>
public static class RoleHolders
{
    /// <summary>One row per account and role, for accounts with an e-mail address.</summary>
    public static Task<List<RoleHolder>> ListAsync(UchastokDbContext db, string[] roles, CancellationToken cancellationToken) =>
        (from user in db.Users.AsNoTracking()
         join link in db.UserRoles on user.Id equals link.UserId
         join role in db.Roles on link.RoleId equals role.Id
         where user.Email != null && roles.Contains(role.Name!)
         select new RoleHolder(user.Id, user.Email!, user.PreferredLanguage, user.DistrictId, role.Name!)).ToListAsync(cancellationToken);

    /// <summary>The ids of the accounts holding any of <paramref name="roles"/>: a subquery to filter accounts or their rows by (<c>ids.Contains(u.Id)</c>).</summary>
    public static IQueryable<string> IdsHoldingAny(UchastokDbContext db, IReadOnlyCollection<string> roles)
    {
        var names = roles as string[] ?? roles.ToArray();
        return db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && names.Contains(r.Name!))).Select(ur => ur.UserId);
    }
}

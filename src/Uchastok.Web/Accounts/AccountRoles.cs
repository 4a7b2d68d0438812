using Microsoft.AspNetCore.Identity;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Accounts;

/// <summary>The roles every installation needs, demo or not; Accounts owns <c>accounts_roles</c>, so it makes them.</summary>
public static class AccountRoles
{
    public static async Task EnsureAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }
}

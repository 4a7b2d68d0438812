using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Accounts;

/// <summary>Adds the staff scope (district, officer) to the sign-in, so scope checks need no database round trip.</summary>
public sealed class UchastokClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.DistrictId is { } district)
            identity.AddClaim(new Claim(ScopeClaims.DistrictId, district.ToString(CultureInfo.InvariantCulture)));
        if (user.OfficerId is { } officer)
            identity.AddClaim(new Claim(ScopeClaims.OfficerId, officer.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Territory;

/// <summary>
/// Who may act on a beat: an administrator anywhere, a supervisor only in the district he
/// heads. Inspectors do not reassign beats.
/// </summary>
public sealed class BeatScopeHandler : AuthorizationHandler<OperationAuthorizationRequirement, Beat>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Beat beat)
    {
        if (requirement.Name != TerritoryOperations.AssignInspector.Name) return Task.CompletedTask;
        if (ScopeClaims.ManagesDistrict(context.User, beat.DistrictId)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

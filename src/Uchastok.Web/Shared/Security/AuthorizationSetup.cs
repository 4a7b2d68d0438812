using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Uchastok.Web.Shared.Security;

/// <summary>Named policies. Everything not named here falls to the fallback: signed in, nothing more.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Staff = nameof(Staff);
    public const string TerritoryManagers = nameof(TerritoryManagers);
    public const string Resident = nameof(Resident);
    /// <summary>Whoever may open the prevention file at all; which records each one reads is decided per record (<c>PreventionAccess</c>).</summary>
    public const string Prevention = nameof(Prevention);
    /// <summary>Whoever reads residents' quick reports: staff as before, and the district's duty officer (issue 19); which reports, by scope (<c>SafetyReportQueries</c>).</summary>
    public const string SafetyReports = nameof(SafetyReports);
    /// <summary>The live safety console (issue 19): the district's duty officer and supervisor, administrators for every district.</summary>
    public const string DutyConsole = nameof(DutyConsole);
}

/// <summary>Claims that carry a staff member's scope, added at sign-in from the account.</summary>
public static class ScopeClaims
{
    public const string DistrictId = "uchastok:district_id";
    public const string OfficerId = "uchastok:officer_id";

    public static int? District(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(DistrictId), out var id) ? id : null;

    public static int? Officer(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(OfficerId), out var id) ? id : null;

    /// <summary>Whether the user manages the district's territory: an administrator anywhere, a supervisor in his own district.</summary>
    public static bool ManagesDistrict(ClaimsPrincipal user, int districtId) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Supervisor) && District(user) == districtId);

    /// <summary>Whether the user is this officer, signed in as an inspector.</summary>
    public static bool IsInspector(ClaimsPrincipal user, int? officerId) =>
        officerId is not null && user.IsInRole(Roles.Inspector) && Officer(user) == officerId;

    /// <summary>Whether the user may work with a beat's records: its own inspector, or whoever manages its district.</summary>
    public static bool ServesOrManagesBeat(ClaimsPrincipal user, int districtId, int? inspectorId) =>
        ManagesDistrict(user, districtId) || IsInspector(user, inspectorId);
}

/// <summary>Named operations on territory resources, checked by resource-based handlers.</summary>
public static class TerritoryOperations
{
    public static readonly OperationAuthorizationRequirement AssignInspector = new() { Name = nameof(AssignInspector) };
}

public static class AuthorizationSetup
{
    /// <summary>Default deny: a request must be signed in unless its endpoint or page folder says otherwise.</summary>
    public static IServiceCollection AddUchastokAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Inspector, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.TerritoryManagers, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Resident, p => p.RequireRole(Roles.Resident))
            .AddPolicy(Policies.Prevention, p => p.RequireRole(Roles.Inspector, Roles.Supervisor, Roles.JuvenileInspector, Roles.WomenProtectionOfficer, Roles.Admin))
            .AddPolicy(Policies.SafetyReports, p => p.RequireRole(Roles.Inspector, Roles.Supervisor, Roles.DutyOfficer, Roles.Admin))
            .AddPolicy(Policies.DutyConsole, p => p.RequireRole(Roles.DutyOfficer, Roles.Supervisor, Roles.Admin));
        return services;
    }
}

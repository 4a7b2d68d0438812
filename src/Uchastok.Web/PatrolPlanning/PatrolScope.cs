using System.Security.Claims;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.PatrolPlanning;

/// <summary>
/// Who may do what with a beat's patrol suggestions: the district's supervisor (his district) and the administrator
/// (all) read, generate and accept or reject; the beat's inspector reads his beats' suggestions and records what was
/// done, but does not decide. Outside that scope a beat does not exist (404), as elsewhere on the site.
/// </summary>
public static class PatrolScope
{
    public static bool MayRead(ClaimsPrincipal user, Beat beat) => ScopeClaims.ServesOrManagesBeat(user, beat.DistrictId, beat.InspectorId);
    public static bool MayRecord(ClaimsPrincipal user, Beat beat) => MayRead(user, beat);
    public static bool MayDecide(ClaimsPrincipal user, int districtId) => ScopeClaims.ManagesDistrict(user, districtId);

    /// <summary>The beats the user reads: all for an administrator, his district's for a supervisor, his own for an inspector.</summary>
    public static IQueryable<Beat> ReadableBeats(IQueryable<Beat> beats, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin)) return beats;
        var district = ScopeClaims.District(user);
        var officer = ScopeClaims.Officer(user);
        var supervises = user.IsInRole(Roles.Supervisor) && district is not null;
        var inspects = user.IsInRole(Roles.Inspector) && officer is not null;
        return beats.Where(b => (supervises && b.DistrictId == district) || (inspects && b.InspectorId == officer));
    }

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}

/// <summary>Lengths and bounds of what a person types here.</summary>
public static class PatrolLimits
{
    public const int ReasonLength = 500;
    public const int NoteLength = 1000;
    /// <summary>A month has at most 744 hours; more patrol hours in one cell than that is a typing error.</summary>
    public const double MaxHours = 744;
}

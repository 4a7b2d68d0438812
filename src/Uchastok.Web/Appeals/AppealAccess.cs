using System.Security.Claims;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Appeals;

/// <summary>
/// Who may see and act on which appeal. One place for the rule so that lists, counts, search,
/// detail pages and the API agree:
/// <list type="bullet">
/// <item>a resident: the appeals filed from their account (or anyone holding a tracking link, for that one appeal);</item>
/// <item>an inspector: the appeals assigned to him;</item>
/// <item>a supervisor: the appeals of his district, except those for internal security;</item>
/// <item>an administrator: all;</item>
/// <item>and never, for anyone, a complaint about themselves.</item>
/// </list>
/// </summary>
public sealed record AppealAccess(string? UserId, int? OfficerId, int? DistrictId, bool IsAdmin, bool IsSupervisor, bool IsInspector, bool IsResident)
{
    public static AppealAccess For(ClaimsPrincipal user) => new(
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null,
        ScopeClaims.Officer(user),
        ScopeClaims.District(user),
        user.IsInRole(Roles.Admin),
        user.IsInRole(Roles.Supervisor),
        user.IsInRole(Roles.Inspector),
        user.IsInRole(Roles.Resident));

    public bool IsStaff => IsAdmin || IsSupervisor || IsInspector;

    /// <summary>The appeals this user may see as staff.</summary>
    public IQueryable<Appeal> StaffVisible(IQueryable<Appeal> appeals)
    {
        if (!IsStaff) return appeals.Where(_ => false);
        if (OfficerId is { } self) appeals = appeals.Where(a => a.ConcernedOfficerId == null || a.ConcernedOfficerId != self);
        if (IsAdmin) return appeals;
        if (IsSupervisor && DistrictId is { } district)
        {
            return OfficerId is { } own
                ? appeals.Where(a => (a.DistrictId == district && a.Queue != AppealQueue.InternalSecurity) || a.AssigneeOfficerId == own)
                : appeals.Where(a => a.DistrictId == district && a.Queue != AppealQueue.InternalSecurity);
        }
        if (OfficerId is { } officer) return appeals.Where(a => a.AssigneeOfficerId == officer);
        return appeals.Where(_ => false);
    }

    /// <summary>The appeals this user filed from their account.</summary>
    public IQueryable<Appeal> Own(IQueryable<Appeal> appeals) =>
        UserId is { } id ? appeals.Where(a => a.ApplicantUserId == id) : appeals.Where(_ => false);

    public bool IsConcerned(Appeal appeal) => OfficerId is { } self && appeal.ConcernedOfficerId == self;

    public bool IsApplicant(Appeal appeal) => UserId is not null && appeal.ApplicantUserId == UserId;

    public bool CanSeeAsStaff(Appeal appeal)
    {
        if (!IsStaff || IsConcerned(appeal)) return false;
        if (IsAdmin) return true;
        if (OfficerId is { } officer && appeal.AssigneeOfficerId == officer) return true;
        return IsSupervisor && DistrictId == appeal.DistrictId && appeal.Queue != AppealQueue.InternalSecurity;
    }

    public bool CanSee(Appeal appeal) => IsApplicant(appeal) || CanSeeAsStaff(appeal);

    /// <summary>The capacities in which this user may act on the appeal, most specific first.</summary>
    public IReadOnlyList<AppealActor> Capacities(Appeal appeal, bool holdsTrackingToken = false)
    {
        var capacities = new List<AppealActor>();
        if (holdsTrackingToken || IsApplicant(appeal)) capacities.Add(AppealActor.Applicant);
        if (!CanSeeAsStaff(appeal)) return capacities;
        if (OfficerId is { } officer && appeal.AssigneeOfficerId == officer) capacities.Add(AppealActor.Assignee);
        if (IsAdmin || (IsSupervisor && DistrictId == appeal.DistrictId && appeal.Queue != AppealQueue.InternalSecurity))
            capacities.Add(AppealActor.Supervisor);
        return capacities;
    }
}

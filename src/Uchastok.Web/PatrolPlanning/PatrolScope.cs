using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
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

    /// <summary>
    /// One suggested cell with its beat (as the beat is now) and month, for a write on it; null when there is no such
    /// cell or its beat is outside what the user reads, so the caller answers 404 either way.
    /// </summary>
    public static async Task<(PatrolSuggestion Suggestion, Beat Beat, DateOnly Period)?> FindSuggestionAsync(UchastokDbContext db, ClaimsPrincipal user, int suggestionId, CancellationToken cancellationToken)
    {
        var found = await (from s in db.PatrolSuggestions
                           join set in db.PatrolSuggestionSets on s.SetId equals set.Id
                           where s.Id == suggestionId
                           select new { Suggestion = s, set.BeatId, set.Period }).SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var beat = await ReadableBeats(db.Beats.AsNoTracking(), user).SingleOrDefaultAsync(b => b.Id == found.BeatId, cancellationToken);
        return beat is null ? null : (found.Suggestion, beat, found.Period);
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

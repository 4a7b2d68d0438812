using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Safety;

/// <summary>
/// Which incidents a staff member may read — the one place that says so, for the reports list, a report's photo and an
/// alarm's media link alike: an administrator all (the district-less ones too); a supervisor those of his district; an
/// inspector those placed on his beats; the district's duty officer as its supervisor. Null: the caller holds no position that reads incidents.
/// </summary>
public sealed class SafetyIncidentScope(UchastokDbContext db)
{
    public sealed record Scope(bool All, int? District, IReadOnlyCollection<int>? Beats);

    public async Task<Scope?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (DistrictWide(user) is { } wide) return wide;
        if (user.IsInRole(Roles.Inspector) && ScopeClaims.Officer(user) is { } officer)
            return new Scope(false, null, await db.Beats.AsNoTracking().Where(b => b.InspectorId == officer).Select(b => b.Id).ToListAsync(cancellationToken));
        return null;
    }

    /// <summary>
    /// The scopes that need no database read: an administrator all, a supervisor or the district's duty officer his
    /// district (the duty officer reads his district's incidents as its supervisor does: the console shows them, their
    /// photos and media). Null for everyone else; the duty console is exactly these readers.
    /// </summary>
    public static Scope? DistrictWide(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin)) return new Scope(true, null, null);
        if ((user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.DutyOfficer)) && ScopeClaims.District(user) is { } district) return new Scope(false, district, null);
        return null;
    }

    /// <summary>The incidents of <paramref name="incidents"/> that <paramref name="scope"/> holds.</summary>
    public static IQueryable<SafetyIncident> Within(IQueryable<SafetyIncident> incidents, Scope scope) =>
        scope.All ? incidents
        : scope.District is { } district ? incidents.Where(i => i.DistrictId == district)
        : incidents.Where(i => i.BeatId != null && scope.Beats!.Contains(i.BeatId.Value));
}

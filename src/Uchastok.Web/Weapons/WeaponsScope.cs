using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Weapons;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Weapons;

/// <summary>A beat as the registers see it: its district and its inspector decide who reads what is on it.</summary>
public sealed record WeaponsBeat(int Id, string Code, int DistrictId, int? InspectorId);

/// <summary>The caller's scope over the weapons registers (<see cref="WeaponsAccess"/>), and the beats it covers.</summary>
public sealed class WeaponsScope(UchastokDbContext db)
{
    public static WeaponsActor Actor(ClaimsPrincipal user) => new(
        user.IsInRole(Roles.Admin), user.IsInRole(Roles.Licensing), user.IsInRole(Roles.Supervisor), user.IsInRole(Roles.Inspector),
        ScopeClaims.District(user), ScopeClaims.Officer(user));

    public static bool ReadsAny(ClaimsPrincipal user) => WeaponsAccess.ReadsAny(Actor(user));

    /// <summary>The active beats whose records the caller reads, by code: the page's choice of beat and the import's check.</summary>
    public async Task<IReadOnlyList<WeaponsBeat>> BeatsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = Actor(user);
        if (!WeaponsAccess.ReadsAny(actor)) return [];
        var beats = db.Beats.AsNoTracking().Where(b => b.IsActive);
        if (!(actor.Admin || actor.Licensing))
        {
            var (district, officer) = Reach(actor);
            beats = beats.Where(b => (district != null && b.DistrictId == district) || (officer != null && b.InspectorId == officer));
        }
        return await beats.OrderBy(b => b.Code).Select(b => new WeaponsBeat(b.Id, b.Code, b.DistrictId, b.InspectorId)).ToListAsync(cancellationToken);
    }

    /// <summary>Every active beat by code (the import looks each row's beat up, then asks whether the caller may write there).</summary>
    public async Task<Dictionary<string, WeaponsBeat>> AllBeatsAsync(CancellationToken cancellationToken) =>
        await db.Beats.AsNoTracking().Where(b => b.IsActive).Select(b => new WeaponsBeat(b.Id, b.Code, b.DistrictId, b.InspectorId))
            .ToDictionaryAsync(b => b.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);

    public async Task<WeaponsBeat?> BeatAsync(int beatId, CancellationToken cancellationToken) =>
        await db.Beats.AsNoTracking().Where(b => b.Id == beatId).Select(b => new WeaponsBeat(b.Id, b.Code, b.DistrictId, b.InspectorId)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Holders the caller reads, as a query the list narrows further.</summary>
    public IQueryable<WeaponHolder> Holders(ClaimsPrincipal user)
    {
        var actor = Actor(user);
        var holders = db.WeaponHolders.AsNoTracking();
        if (actor.Admin || actor.Licensing) return holders;
        var (district, officer) = Reach(actor);
        return holders.Where(h => db.Beats.Any(b => b.Id == h.BeatId && ((district != null && b.DistrictId == district) || (officer != null && b.InspectorId == officer))));
    }

    /// <summary>Storage sites the caller reads.</summary>
    public IQueryable<StorageSite> Sites(ClaimsPrincipal user)
    {
        var actor = Actor(user);
        var sites = db.StorageSites.AsNoTracking();
        if (actor.Admin || actor.Licensing) return sites;
        var (district, officer) = Reach(actor);
        return sites.Where(s => db.Beats.Any(b => b.Id == s.BeatId && ((district != null && b.DistrictId == district) || (officer != null && b.InspectorId == officer))));
    }

    /// <summary>Storage sites on the beats of a district as the beats are drawn now (the board's figures).</summary>
    public IQueryable<StorageSite> SitesOfDistrict(int districtId) =>
        db.StorageSites.AsNoTracking().Where(s => db.Beats.Any(b => b.Id == s.BeatId && b.DistrictId == districtId));

    /// <summary>
    /// What a supervisor's district and an inspector's beats reach, as <see cref="WeaponsAccess.Reads"/> says: by the beat's
    /// district as it is now, never a copy kept on the record, since a redrawn territory can move a beat to another district.
    /// Both null: nothing.
    /// </summary>
    private static (int? District, int? Officer) Reach(WeaponsActor actor) =>
        (actor.Supervisor ? actor.DistrictId : null, actor.Inspector ? actor.OfficerId : null);
}

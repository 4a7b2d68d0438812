namespace Uchastok.Rules.Weapons;

/// <summary>Who asks, as far as the weapons registers care: his position, his district and his officer.</summary>
public sealed record WeaponsActor(bool Admin, bool Licensing, bool Supervisor, bool Inspector, int? DistrictId, int? OfficerId);

/// <summary>
/// Who reads a holder or a storage site (ADR 0010; holders' addresses and storage sites are a theft target, never
/// public): the beat's inspector (his beats), the district's supervisor (his district), the licensing officer and the
/// administrator (the whole city). Everyone else — residents, partners, the duty officer, the juvenile and
/// women-protection officers — reads nothing, and is answered "not found".
/// </summary>
public static class WeaponsAccess
{
    /// <summary>Whether the actor reads the registers at all.</summary>
    public static bool ReadsAny(WeaponsActor actor) =>
        actor.Admin || actor.Licensing || (actor.Supervisor && actor.DistrictId is not null) || (actor.Inspector && actor.OfficerId is not null);

    /// <summary>Whether the actor reads a record on a beat of <paramref name="districtId"/> served by <paramref name="beatInspectorId"/>.</summary>
    public static bool Reads(WeaponsActor actor, int districtId, int? beatInspectorId) =>
        actor.Admin || actor.Licensing
        || (actor.Supervisor && actor.DistrictId == districtId)
        || (actor.Inspector && actor.OfficerId is not null && beatInspectorId == actor.OfficerId);

    /// <summary>Whether the actor records an inspection: only those who go there, the beat's inspector and the district's supervisor.</summary>
    public static bool Inspects(WeaponsActor actor, int districtId, int? beatInspectorId) =>
        (actor.Supervisor && actor.DistrictId == districtId)
        || (actor.Inspector && actor.OfficerId is not null && beatInspectorId == actor.OfficerId);
}

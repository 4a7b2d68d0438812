namespace Uchastok.Rules.Prevention;

/// <summary>
/// Whom the actor acts as. Staff positions carry their scope: an inspector his beats, the others
/// their district. The women-protection officer is the position the document names in the
/// districts' staff (подразделения по защите прав женщин, Tolykbaeva L7068; Bimbet L4916).
/// </summary>
public enum PreventionActorKind { Anonymous, Resident, Partner, Inspector, Supervisor, JuvenileInspector, WomenProtectionOfficer, Admin }

/// <summary>Who asks: the position, the beats an inspector serves, the district of a district-level position.</summary>
public sealed record PreventionActor(PreventionActorKind Kind, IReadOnlySet<int> BeatIds, int? DistrictId)
{
    public static PreventionActor InspectorOf(params int[] beatIds) => new(PreventionActorKind.Inspector, beatIds.ToHashSet(), null);
    public static PreventionActor Of(PreventionActorKind kind, int? districtId = null) => new(kind, new HashSet<int>(), districtId);
}

/// <summary>
/// A record of the prevention file as access sees it: a register entry or a domestic-violence case,
/// where it is (beat, district), whether it is a juvenile's, whether it is a DV case, whether it holds
/// a victim's identity or contacts. The caller sets <paramref name="DomesticViolenceCase"/> for a DV case and
/// for a register entry of a <see cref="PreventionCategory.DomesticViolenceOffender"/> category, whose
/// plan carries the case's follow-up visits.
/// </summary>
public sealed record PreventionRecordScope(int BeatId, int DistrictId, bool Juvenile = false, bool DomesticViolenceCase = false, bool HasVictimData = false);

public enum PreventionAccessOutcome
{
    /// <summary>The answer for everyone else: the record is not shown to exist (404), never "forbidden".</summary>
    NotFound,
    Allow,
}

/// <summary>A read decision: whether the record is shown and, if it holds victim data, whether those fields are.</summary>
public sealed record PreventionReadDecision(PreventionAccessOutcome Outcome, bool ShowsVictim)
{
    public static readonly PreventionReadDecision NotFound = new(PreventionAccessOutcome.NotFound, false);
    public bool Allowed => Outcome == PreventionAccessOutcome.Allow;
}

/// <summary>
/// Who reads the prevention file, exactly as issue 17 ("Access, privacy, audit") puts it, default
/// deny. Read: the inspector of the record's beat, the district's supervisor, the district's juvenile
/// inspector for juvenile entries, the district's women-protection officer for DV cases, an admin.
/// Everyone else (another beat's inspector, other districts' staff, residents, partners, anonymous):
/// not found. The victim's identity and contacts: only the beat's inspector, the women-protection
/// officer and the supervisor; an admin or a juvenile inspector who reads the case sees it without them.
/// Access follows the record's beat at every read, so a file moved to another beat is out of the
/// old inspector's reach at once.
/// </summary>
public static class PreventionAccess
{
    public static PreventionReadDecision Read(PreventionActor actor, PreventionRecordScope record)
    {
        if (!MayRead(actor, record)) return PreventionReadDecision.NotFound;
        return new(PreventionAccessOutcome.Allow, record.HasVictimData && MaySeeVictim(actor, record));
    }

    /// <summary>Reading the victim's identity, address or contacts on their own (a page or an export of just those).</summary>
    public static PreventionAccessOutcome ReadVictim(PreventionActor actor, PreventionRecordScope record) =>
        record.HasVictimData && MayRead(actor, record) && MaySeeVictim(actor, record) ? PreventionAccessOutcome.Allow : PreventionAccessOutcome.NotFound;

    private static bool MayRead(PreventionActor actor, PreventionRecordScope record) => actor.Kind switch
    {
        PreventionActorKind.Admin => true,
        PreventionActorKind.Inspector => actor.BeatIds.Contains(record.BeatId),
        PreventionActorKind.Supervisor => InDistrict(actor, record),
        PreventionActorKind.JuvenileInspector => record.Juvenile && InDistrict(actor, record),
        PreventionActorKind.WomenProtectionOfficer => record.DomesticViolenceCase && InDistrict(actor, record),
        _ => false,
    };

    private static bool MaySeeVictim(PreventionActor actor, PreventionRecordScope record) => actor.Kind switch
    {
        PreventionActorKind.Inspector => actor.BeatIds.Contains(record.BeatId),
        PreventionActorKind.Supervisor or PreventionActorKind.WomenProtectionOfficer => InDistrict(actor, record),
        _ => false,
    };

    private static bool InDistrict(PreventionActor actor, PreventionRecordScope record) => actor.DistrictId is { } d && d == record.DistrictId;
}

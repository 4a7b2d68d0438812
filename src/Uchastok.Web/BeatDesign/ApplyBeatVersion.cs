using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Operation.Union;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

/// <summary>
/// Puts an approved proposal into force, inside the caller's transaction: Territory's
/// <see cref="ReplaceBeatsCommand"/> replaces the district's beats, and the version becomes the
/// active one of the district's history. Each new beat keeps the beat of today it shares most
/// residents with (its code, number and inspector); other new beats are vacant and receive where
/// most of their residents were; beats with no successor are retired.
/// </summary>
public sealed class ApplyBeatVersion(UchastokDbContext db, ReplaceBeatsCommand replaceBeats, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    /// <returns>False when the territory changed since the run was made: its plan no longer fits, and the caller rolls back.</returns>
    public async Task<bool> ExecuteAsync(BeatVersion version, DesignRun run, CancellationToken cancellationToken)
    {
        var areas = await db.SmallAreas.AsNoTracking().Where(a => a.DistrictId == run.DistrictId).ToListAsync(cancellationToken);
        var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == run.DistrictId && b.IsActive).ToListAsync(cancellationToken);
        await RecordFirstVersionAsync(run.DistrictId, beats, areas, cancellationToken);

        var plan = DesignQueries.Plan(run);
        var groups = areas.Where(a => plan.ContainsKey(a.Id)).GroupBy(a => plan[a.Id]).OrderBy(g => g.Key).ToList();
        // Each new beat keeps the old beat it shares most residents with, largest overlaps first: the
        // matching that counted the areas moved, so the proposal moves exactly the areas it said it would.
        var kept = DesignQueries.Change(areas, beats.Select(b => b.Id).ToHashSet(), plan).Kept;
        var newBeats = groups.Select(group => new NewBeat(run.DistrictId, UnaryUnionOp.Union(group.Select(a => GeoJson.ReadGeometry(a.BoundaryGeoJson)).ToList()), group.Sum(a => a.Population))
        {
            ContinuesBeatId = kept.TryGetValue(group.Key, out var keptId) ? keptId : null,
            KeepName = true,
            // A new beat is received where most of its residents were.
            ReceptionPointId = beats.MaxBy(b => group.Where(a => a.BeatId == b.Id).Sum(a => a.Population + 1))?.ReceptionPointId,
            SmallAreaIds = group.Select(a => a.Id).ToList(),
        }).ToList();

        // The revision moves on only from the one the run started from: of two approvals racing on the
        // same territory one applies, and the other finds the row changed and is refused.
        var replaced = await replaceBeats.ExecuteAsync(new BeatsReplacement(new HashSet<int> { run.DistrictId }, newBeats, run.TerritoryRevision), cancellationToken);
        if (replaced.TerritoryChanged) return false;

        foreach (var earlier in await db.BeatVersions.Where(v => v.DistrictId == run.DistrictId && v.State == BeatVersionState.Active).ToListAsync(cancellationToken))
            earlier.State = BeatVersionState.Superseded;
        version.State = BeatVersionState.Active;
        var areasNow = await db.SmallAreas.AsNoTracking().Where(a => a.DistrictId == run.DistrictId).ToListAsync(cancellationToken);
        (version.BeatsGeoJson, version.BeatCount) = (VersionGeoJson(replaced.Beats, areasNow), replaced.Beats.Count);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The beats as they were before the first approved design: version 0 of the district's history.</summary>
    private async Task RecordFirstVersionAsync(int districtId, List<Beat> beats, List<SmallArea> areas, CancellationToken cancellationToken)
    {
        if (await db.BeatVersions.AnyAsync(v => v.DistrictId == districtId && v.State != BeatVersionState.Scheduled, cancellationToken)) return;
        db.BeatVersions.Add(new BeatVersion
        {
            DistrictId = districtId, Number = 0, EffectiveFrom = DateOnly.MinValue, State = BeatVersionState.Active, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            BeatsGeoJson = VersionGeoJson(beats, areas), BeatCount = beats.Count, Note = localizer["Design.FirstVersion"],
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string VersionGeoJson(IEnumerable<Beat> beats, IReadOnlyList<SmallArea> areas) =>
        BeatFeatures.Collection(beats.OrderBy(b => b.Number).Select(b => (
            (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["code"] = b.Code, ["population"] = b.Population, ["smallAreas"] = areas.Where(a => a.BeatId == b.Id).Select(a => a.Code).ToList() },
            b.BoundaryGeoJson)));
}

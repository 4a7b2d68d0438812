using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>
/// One beat of a district's new set.
/// </summary>
/// <param name="DistrictId">The district it belongs to (a beat may move between the districts being replaced).</param>
/// <param name="Boundary">Its outline.</param>
/// <param name="Population">Its residents.</param>
public sealed record NewBeat(int DistrictId, Geometry Boundary, int Population)
{
    /// <summary>The beat of today it carries on: that beat keeps its id, code, number, inspector and reception point. Null: matched by <see cref="Code"/>.</summary>
    public int? ContinuesBeatId { get; init; }

    /// <summary>Its code: an existing beat with this code (in any district being replaced) carries on. Null with no <see cref="ContinuesBeatId"/>: a new beat with a code made from the district's.</summary>
    public string? Code { get; init; }

    /// <summary>Its number in the district; null keeps a continued beat's, or gives a new beat the next free one.</summary>
    public int? Number { get; init; }

    /// <summary>Its name; a continued beat keeps its own when <see cref="KeepName"/>.</summary>
    public string? Name { get; init; }

    public bool KeepName { get; init; }

    /// <summary>Where a new beat receives residents (a continued beat keeps its own); null: nowhere yet.</summary>
    public int? ReceptionPointId { get; init; }

    /// <summary>The small areas it is made of. When no beat of the replacement names any, each small area of the districts goes to the beat that holds its inner point.</summary>
    public IReadOnlyList<int>? SmallAreaIds { get; init; }
}

/// <summary>The new beats of some districts, all of them: active beats of those districts that none carries on are retired.</summary>
/// <param name="ExpectedRevision">Replace only if the territory is still at this revision (what a design was computed from); null: whatever it is.</param>
public sealed record BeatsReplacement(IReadOnlySet<int> DistrictIds, IReadOnlyList<NewBeat> Beats, long? ExpectedRevision = null);

/// <param name="Beats">The beats as saved, in the order of the replacement's beats; empty when the territory changed.</param>
public sealed record BeatsReplaced(bool TerritoryChanged, IReadOnlyList<Beat> Beats, int Created, int Updated, int Deactivated);

/// <summary>
/// The one writer of a district's beats as a set: the GeoJSON import (<see cref="ImportBeatsCommand"/>)
/// and an approved beat design (BeatDesign) both replace them through it, so only Territory writes
/// <c>territory_beats</c> and <c>territory_small_areas</c>. A beat that carries on keeps its id, so
/// everything that refers to it keeps its meaning; a retired beat stays, inactive. The small areas
/// move to their new beats and the territory revision is raised in the same transaction.
/// Run inside the caller's transaction when there is one (the caller then calls
/// <see cref="TerritorySnapshotCache.Invalidate"/> after its commit); otherwise in its own.
/// </summary>
public sealed class ReplaceBeatsCommand(UchastokDbContext db, TerritorySnapshotCache territory)
{
    public async Task<BeatsReplaced> ExecuteAsync(BeatsReplacement replacement, CancellationToken cancellationToken = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // First, so that the revision's row lock orders concurrent replacements: of two made from the same revision, one goes ahead.
            if (!await TerritorySnapshotCache.BumpRevisionAsync(db, cancellationToken, replacement.ExpectedRevision))
                return new(true, [], 0, 0, 0);
            var result = await ReplaceAsync(replacement, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
                territory.Invalidate();
            }
            return result;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private async Task<BeatsReplaced> ReplaceAsync(BeatsReplacement replacement, CancellationToken cancellationToken)
    {
        var districtIds = replacement.DistrictIds;
        var codes = replacement.Beats.Where(b => b.Code is not null).Select(b => b.Code!).ToList();
        var continued = replacement.Beats.Where(b => b.ContinuesBeatId is not null).Select(b => b.ContinuesBeatId!.Value).ToList();
        var existing = await db.Beats.Where(b => districtIds.Contains(b.DistrictId) || codes.Contains(b.Code) || continued.Contains(b.Id)).ToListAsync(cancellationToken);
        var byId = existing.ToDictionary(b => b.Id);
        var byCode = existing.ToDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);
        var naming = new NewBeatNames(db, existing);

        var saved = new List<Beat>(replacement.Beats.Count);
        int created = 0, updated = 0;
        foreach (var draft in replacement.Beats)
        {
            var beat = draft.ContinuesBeatId is { } id ? byId[id] : draft.Code is { } code ? byCode.GetValueOrDefault(code) : null;
            if (beat is null)
            {
                var (newCode, number) = await naming.NextAsync(draft.DistrictId, draft.Code, cancellationToken);
                beat = new Beat { Code = newCode, Number = draft.Number ?? number, DistrictId = draft.DistrictId, BoundaryGeoJson = string.Empty, ReceptionPointId = draft.ReceptionPointId };
                db.Beats.Add(beat);
                created++;
            }
            else updated++;
            beat.DistrictId = draft.DistrictId;
            if (draft.Number is { } given) beat.Number = given;
            if (!draft.KeepName) beat.Name = string.IsNullOrWhiteSpace(draft.Name) ? null : draft.Name;
            beat.Population = draft.Population;
            SetBoundary(beat, draft.Boundary);
            beat.IsActive = true;
            saved.Add(beat);
        }
        var deactivated = 0;
        foreach (var retired in existing.Where(b => b.IsActive && !saved.Contains(b)))
        {
            retired.IsActive = false;
            deactivated++;
        }
        await db.SaveChangesAsync(cancellationToken);

        await MoveSmallAreasAsync(replacement, saved, cancellationToken);
        return new(false, saved, created, updated, deactivated);
    }

    /// <summary>Each small area to its new beat: the one that names it, or (when none names any) the one that holds its inner point.</summary>
    private async Task MoveSmallAreasAsync(BeatsReplacement replacement, IReadOnlyList<Beat> saved, CancellationToken cancellationToken)
    {
        var areas = await db.SmallAreas.Where(a => replacement.DistrictIds.Contains(a.DistrictId)).ToListAsync(cancellationToken);
        if (replacement.Beats.Any(b => b.SmallAreaIds is not null))
        {
            var beatOf = replacement.Beats.Select((b, i) => (b.SmallAreaIds ?? [], saved[i].Id)).SelectMany(p => p.Item1.Select(area => (area, beat: p.Id))).ToDictionary(p => p.area, p => p.beat);
            foreach (var area in areas)
                if (beatOf.TryGetValue(area.Id, out var beatId)) area.BeatId = beatId;
        }
        else
        {
            var locator = new BeatLocator(replacement.Beats.Select((b, i) => (saved[i].Id, b.Boundary)));
            foreach (var area in areas) area.BeatId = locator.Locate(area.CentreLongitude, area.CentreLatitude);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void SetBoundary(Beat beat, Geometry boundary)
    {
        (beat.BoundaryGeoJson, beat.AreaSquareKilometres, beat.CentreLatitude, beat.CentreLongitude) = GeoJson.Outline(boundary);
    }

    /// <summary>Codes and numbers for new beats: the next number in the district, and a code from the district's (the first three letters, then the number) that no beat has.</summary>
    private sealed class NewBeatNames(UchastokDbContext db, IReadOnlyList<Beat> existing)
    {
        private readonly Dictionary<int, int> _next = [];
        private HashSet<string>? _codes;
        private Dictionary<int, string>? _prefixes;

        public async Task<(string Code, int Number)> NextAsync(int districtId, string? code, CancellationToken cancellationToken)
        {
            if (!_next.TryGetValue(districtId, out var number))
            {
                var numbers = existing.Where(b => b.DistrictId == districtId).Select(b => b.Number).ToList();
                number = numbers.Count == 0 ? 1 : numbers.Max() + 1;
            }
            if (code is null)
            {
                _codes ??= (await db.Beats.Select(b => b.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                _prefixes ??= await db.Districts.ToDictionaryAsync(d => d.Id, d => (d.Code.Length >= 3 ? d.Code[..3] : d.Code).ToUpperInvariant(), cancellationToken);
                while (_codes.Contains($"{_prefixes[districtId]}-{number:000}")) number++;
                code = $"{_prefixes[districtId]}-{number:000}";
                _codes.Add(code);
            }
            _next[districtId] = number + 1;
            return (code, number);
        }
    }
}

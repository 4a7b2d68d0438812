using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Operation.Union;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Territory;

/// <summary>
/// The one writer of a district's beats (used by the GeoJSON import and by design approval): a beat
/// carried on keeps its id, code and inspector; a new one gets the next code and number; the rest
/// are retired; the small areas follow; a replacement computed from an older territory is refused whole.
/// </summary>
public sealed class ReplaceBeatsCommandTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Execute_CarriedOnNewAndDroppedBeats_KeepsRetiresAndNumbers_AndMovesTheSmallAreas()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var district = await db.Districts.AsNoTracking().OrderBy(d => d.Id).LastAsync();
        var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == district.Id && b.IsActive).OrderBy(b => b.Number).ToListAsync();
        var areas = await db.SmallAreas.AsNoTracking().Where(a => a.DistrictId == district.Id).ToListAsync();
        Assert.True(beats.Count >= 3, "the demo district has at least three beats");
        var (first, second, third) = (beats[0], beats[1], beats[2]);
        var maxNumber = await db.Beats.Where(b => b.DistrictId == district.Id).MaxAsync(b => b.Number);
        var revision = await TerritorySnapshotCache.RevisionAsync(db, CancellationToken.None);

        // The first beat takes the second's areas too; the third's areas become a new beat; the rest carry on as they are.
        NewBeat Of(IEnumerable<Uchastok.Web.Territory.SmallArea> parts) => new(district.Id,
            UnaryUnionOp.Union(parts.Select(a => GeoJson.ReadGeometry(a.BoundaryGeoJson)).ToList()), parts.Sum(a => a.Population)) { SmallAreaIds = parts.Select(a => a.Id).ToList(), KeepName = true };
        var merged = Of(areas.Where(a => a.BeatId == first.Id || a.BeatId == second.Id)) with { ContinuesBeatId = first.Id };
        var fresh = Of(areas.Where(a => a.BeatId == third.Id)) with { ReceptionPointId = third.ReceptionPointId };
        var rest = beats.Skip(3).Select(b => Of(areas.Where(a => a.BeatId == b.Id)) with { ContinuesBeatId = b.Id });

        var result = await scope.ServiceProvider.GetRequiredService<ReplaceBeatsCommand>()
            .ExecuteAsync(new BeatsReplacement(new HashSet<int> { district.Id }, [merged, fresh, .. rest], revision));

        Assert.False(result.TerritoryChanged);
        Assert.Equal((1, beats.Count - 2, 2), (result.Created, result.Updated, result.Deactivated));
        db.ChangeTracker.Clear();
        var kept = await db.Beats.AsNoTracking().SingleAsync(b => b.Id == first.Id);
        Assert.Equal((first.Code, first.Number, first.InspectorId, true), (kept.Code, kept.Number, kept.InspectorId, kept.IsActive));
        Assert.False((await db.Beats.AsNoTracking().SingleAsync(b => b.Id == second.Id)).IsActive);
        Assert.False((await db.Beats.AsNoTracking().SingleAsync(b => b.Id == third.Id)).IsActive);
        var made = await db.Beats.AsNoTracking().SingleAsync(b => b.Id == result.Beats[1].Id);
        Assert.Equal(maxNumber + 1, made.Number);
        Assert.StartsWith(district.Code[..3].ToUpperInvariant() + "-", made.Code, StringComparison.Ordinal);
        Assert.Null(made.InspectorId);
        Assert.Equal(third.ReceptionPointId, made.ReceptionPointId);
        var after = await db.SmallAreas.AsNoTracking().Where(a => a.DistrictId == district.Id).ToDictionaryAsync(a => a.Id, a => a.BeatId);
        Assert.All(areas.Where(a => a.BeatId == second.Id), a => Assert.Equal(first.Id, after[a.Id]));
        Assert.All(areas.Where(a => a.BeatId == third.Id), a => Assert.Equal(made.Id, after[a.Id]));
        Assert.Equal(revision + 1, await TerritorySnapshotCache.RevisionAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task Execute_FromAnOlderRevision_ChangesNothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var district = await db.Districts.AsNoTracking().OrderBy(d => d.Id).FirstAsync();
        var beat = await db.Beats.AsNoTracking().FirstAsync(b => b.DistrictId == district.Id && b.IsActive);
        var revision = await TerritorySnapshotCache.RevisionAsync(db, CancellationToken.None);

        var result = await scope.ServiceProvider.GetRequiredService<ReplaceBeatsCommand>().ExecuteAsync(new BeatsReplacement(
            new HashSet<int> { district.Id }, [new NewBeat(district.Id, GeoJson.ReadGeometry(beat.BoundaryGeoJson), 1) { ContinuesBeatId = beat.Id }], revision - 1));

        Assert.True(result.TerritoryChanged);
        db.ChangeTracker.Clear();
        Assert.Equal(revision, await TerritorySnapshotCache.RevisionAsync(db, CancellationToken.None));
        Assert.Equal(beat.Population, (await db.Beats.AsNoTracking().SingleAsync(b => b.Id == beat.Id)).Population);
        Assert.True(await db.Beats.AnyAsync(b => b.DistrictId == district.Id && b.IsActive && b.Id != beat.Id));
    }
}

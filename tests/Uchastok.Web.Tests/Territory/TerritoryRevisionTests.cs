using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Territory;

/// <summary>A change of beats made elsewhere (another node, the command line) reaches this node's lookups.</summary>
public sealed class TerritoryRevisionTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string Point = "lat=43.2200&lon=76.9000";
    private const string FarAwaySquare = """{"type":"Polygon","coordinates":[[[77.30,43.40],[77.31,43.40],[77.31,43.41],[77.30,43.41],[77.30,43.40]]]}""";

    [Fact]
    public async Task Watcher_RevisionRaisedElsewhere_RebuildsTheLocatorFromTheNewOutlines()
    {
        using var client = factory.Client();
        var (beatId, _) = await factory.BeatAtAsync("43.2200", "76.9000");
        var watcher = factory.Services.GetRequiredService<TerritoryRevisionWatcher>();
        var cache = factory.Services.GetRequiredService<TerritorySnapshotCache>();

        await watcher.CheckAsync(CancellationToken.None);
        Assert.NotNull(cache.Revision); // nothing changed: the locator is kept

        // Another node moves the beat's outline away and raises the revision, straight in the database.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            await db.Beats.Where(b => b.Id == beatId).ExecuteUpdateAsync(b => b.SetProperty(x => x.BoundaryGeoJson, FarAwaySquare));
            await db.TerritoryRevisions.ExecuteUpdateAsync(r => r.SetProperty(x => x.Number, x => x.Number + 1));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/beats/locate?{Point}")).StatusCode);

        await watcher.CheckAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/beats/locate?{Point}")).StatusCode);
    }
}

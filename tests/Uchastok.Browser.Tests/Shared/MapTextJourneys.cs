using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;

namespace Uchastok.Browser.Tests.Shared;

/// <summary>
/// A name that looks like markup reaches a map label as text: Leaflet never parses what people or
/// imported files wrote, and the Content-Security-Policy would stop an inline handler anyway.
/// </summary>
public sealed class MapTextJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Hostile = "<img src=x onerror=\"window.__injected=1\">Almaly";

    [Fact]
    public async Task DistrictNameLikeMarkup_ShowsAsTextInTheMapLabel_AndRunsNothing()
    {
        var host = fixture.Host;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // A district renamed (by an administrator's mistake, or a hostile import of reference data).
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            await db.Districts.Where(d => d.Code == "almaly").ExecuteUpdateAsync(d => d
                .SetProperty(x => x.NameEn, Hostile).SetProperty(x => x.NameRu, Hostile).SetProperty(x => x.NameKk, Hostile));
            await TerritorySnapshotCache.BumpRevisionAsync(db, CancellationToken.None);
            scope.ServiceProvider.GetRequiredService<TerritorySnapshotCache>().Invalidate();
        }
        var page = await host.NewPhonePageAsync(language: "en");
        // The policy reports what it blocks on the console; the page must need no such help.
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(message.Text); };

        await page.GotoAsync("/");
        var label = page.Locator(".district-label", new() { HasText = "<img src=x" });
        await label.First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        Assert.Equal(Hostile, (await label.First.TextContentAsync())?.Trim());
        Assert.Equal(0, await page.Locator(".leaflet-tooltip img").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__injected"));
        Assert.Empty(blocked);
        await PageChecks.AssertUsableAsync(page, "map-hostile-district-name");
        await page.Context.CloseAsync();
    }
}

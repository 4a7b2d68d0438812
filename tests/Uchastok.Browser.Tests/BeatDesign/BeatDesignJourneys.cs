using System.Net.Http.Json;
using System.Text.Json;

namespace Uchastok.Browser.Tests.BeatDesign;

/// <summary>The supervisor's beat design in the browser: run the optimiser, compare with today's beats, approve.</summary>
public sealed class BeatDesignJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Supervisor_InRussian_RunsTheOptimiser_ComparesWithTodaysBeats_AndApproves()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var located = await http.GetFromJsonAsync<JsonElement>("/api/v1/beats/locate?lat=43.2510&lon=76.9210");
        var district = located.GetProperty("district").GetProperty("id").GetInt32();
        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "ru");

        await supervisor.GotoAsync($"/territory/workload?district={district}");
        Assert.Contains("Нагрузка на участки", await supervisor.InnerTextAsync("h1"));
        await supervisor.Locator("#workload-map .leaflet-overlay-pane path").First.WaitForAsync();
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "workload-ru.png"), FullPage = true });

        await supervisor.GotoAsync($"/territory/design?district={district}");
        await supervisor.FillAsync("#timeLimitSeconds", "60");
        // Minimal change keeps the demo's beats as they are (nothing to approve); a free run rebalances them.
        await supervisor.UncheckAsync("input[name=minimalChange]");
        await supervisor.ClickAsync("#start-design");
        // The run page follows the run in its live region, and shows the proposal once it is ready.
        await supervisor.Locator("#compare").WaitForAsync(new() { Timeout = 120_000 });
        Assert.Equal("done", await supervisor.GetAttributeAsync("#run-state", "data-state"));
        await supervisor.Locator("#map-proposal .leaflet-overlay-pane path").First.WaitForAsync();
        var cells = await supervisor.Locator("#compare tr[data-metric=max] td").AllInnerTextsAsync();
        Assert.Equal(2, cells.Count);
        // The bound the data allow, and the share of beats within ±10 % of their fair share, stand beside it.
        Assert.All(await supervisor.Locator("#compare tr[data-metric=bound] td").AllInnerTextsAsync(), c => Assert.Matches(@"^\d[.,]\d{3}$", c));
        Assert.All(await supervisor.Locator("#compare tr[data-metric=within-share] td").AllInnerTextsAsync(), c => Assert.Matches(@"^\d{1,3}\s?%$", c));
        Assert.Equal("improves", await supervisor.GetAttributeAsync("#verdict", "data-verdict"));
        // The areas that change beat are outlined on both maps, and the legend says how.
        await supervisor.Locator("#map-proposal path.moved-area").First.WaitForAsync();
        await supervisor.Locator("#map-today path.moved-area").First.WaitForAsync();
        Assert.Contains("пунктир", await supervisor.InnerTextAsync("#moved-legend"));
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "beat-design-compare-ru.png"), FullPage = true });

        await supervisor.ClickAsync("#approve");
        await supervisor.Locator("#run-state[data-state=approved]").WaitForAsync();
        Assert.Contains("Утверждено", await supervisor.InnerTextAsync("#run-message"));

        await supervisor.GotoAsync($"/territory/design?district={district}");
        var versions = await supervisor.Locator("#versions tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, versions.Count);
        Assert.Contains("Действует", versions[0]);
        Assert.Contains("Заменена", versions[1]);
    }
}

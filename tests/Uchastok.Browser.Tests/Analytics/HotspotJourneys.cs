using System.Globalization;
using Microsoft.Playwright;
using Uchastok.Web.Tests.CrimeAnalytics;

namespace Uchastok.Browser.Tests.Analytics;

/// <summary>
/// The hotspot map as a supervisor works it, on a phone, in Russian: he opens his district's map, sets the period and
/// the category with the page's own controls, and sees the counts change; for frauds, recorded without a time of day,
/// the page says plainly that there is no chart by weekday and hour. The density layer is switched on from the map;
/// without JavaScript the beat's inspector still gets the table and the charts.
/// </summary>
public sealed class HotspotJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    private static async Task ShowAsync(IPage page)
    {
        // The filter is a plain GET form: wait for the page it leads to, then for the map script to have drawn.
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#hotspot-show"),
            r => r.Request.ResourceType == "document" && r.Url.Contains("/analytics/hotspots", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [Fact]
    public async Task Supervisor_InRussian_OpensTheDistrictMap_SwitchesPeriodAndCategory_AndSeesTheCountsChange()
    {
        var placed = await HotspotTestData.ImportAsync(Host);
        var next = DateOnly.ParseExact(placed.Month, "yyyy-MM", CultureInfo.InvariantCulture).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var page = await Host.SignInAsync("supervisor.almaly@demo.kz", "ru", phone: true);
        await page.GotoAsync("/analytics/hotspots");
        Assert.Equal("Карта очагов правонарушений", await page.InnerTextAsync("h1"));
        Assert.Equal($"district-{placed.District}", await page.InputValueAsync("#area"));
        Assert.Equal("Предложения по патрулированию", await page.InnerTextAsync("#patrols-link"));
        await PageChecks.AssertUsableAsync(page, "hotspots-district-ru");

        await page.FillAsync("#from", placed.Month);
        await page.FillAsync("#to", placed.Month);
        await ShowAsync(page);
        Assert.Equal("6", await page.GetAttributeAsync("#hotspot-summary", "data-total"));
        await page.Locator("#hotspot-map path.hotspot-cell").First.WaitForAsync();
        Assert.Equal(2, await page.Locator("#hotspot-map path.hotspot-cell").CountAsync());
        Assert.Equal(["4", "2"], await page.Locator("#hotspot-cells td.count").AllInnerTextsAsync());
        Assert.True(await page.Locator("#hotspot-hours").IsVisibleAsync());
        Assert.Contains("4 из 6", await page.InnerTextAsync("#hotspot-some-times"));
        await PageChecks.AssertUsableAsync(page, "hotspots-period-ru");

        // The density layer, from the map's own layer switch.
        await page.Locator(".leaflet-control-layers label", new() { HasText = "Плотность" }).ClickAsync();
        await page.Locator("#hotspot-map path.hotspot-density").First.WaitForAsync();
        Assert.True(await page.Locator("#hotspot-map path.hotspot-density").CountAsync() > 2);

        await page.SelectOptionAsync("#category", "fraud");
        await ShowAsync(page);
        Assert.Equal("2", await page.GetAttributeAsync("#hotspot-summary", "data-total"));
        Assert.Equal(["2"], await page.Locator("#hotspot-cells td.count").AllInnerTextsAsync());
        Assert.StartsWith("У происшествий этого периода нет времени суток", await page.InnerTextAsync("#hotspot-no-times"));
        Assert.Equal(0, await page.Locator("#hotspot-hours").CountAsync());
        await PageChecks.AssertUsableAsync(page, "hotspots-fraud-no-times-ru");

        await page.SelectOptionAsync("#category", "");
        await page.FillAsync("#from", next);
        await page.FillAsync("#to", next);
        await ShowAsync(page);
        Assert.Equal("0", await page.GetAttributeAsync("#hotspot-summary", "data-total"));
        Assert.True(await page.Locator("#hotspot-empty").IsVisibleAsync());
        await PageChecks.AssertUsableAsync(page, "hotspots-empty-month-ru");

        // From the map to the patrol suggestions, by the page's own link.
        await page.ClickAsync("#patrols-link");
        await page.WaitForURLAsync("**/analytics/patrols**");
        Assert.Equal("Предложения по патрулированию", await page.InnerTextAsync("h1"));
        await page.Context.CloseAsync();

        // The same incidents without JavaScript, for the beat's inspector in Kazakh: the table and charts carry the page.
        // One journey, one import: a second test class importing again is not needed to show this.
        var beatMap = $"/analytics/hotspots?area=beat-{placed.Beat}&from={placed.Month}&to={placed.Month}";
        page = await Host.NewPhonePageAsync(javaScript: false, language: "kk");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#login", "inspector1@demo.kz");
        await page.FillAsync("#password", Uchastok.Web.Tests.Support.ApiClient.DemoPassword);
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync(beatMap);
        Assert.Equal("4", await page.GetAttributeAsync("#hotspot-summary", "data-total"));
        Assert.Equal(["4"], await page.Locator("#hotspot-cells td.count").AllInnerTextsAsync());
        Assert.True(await page.Locator("#hotspot-weekdays").IsVisibleAsync());
        await page.Context.CloseAsync();

        // PageChecks needs scripts (its screenshot and axe-core): the same Kazakh page is checked with them.
        page = await Host.SignInAsync("inspector1@demo.kz", "kk", phone: true);
        await page.GotoAsync(beatMap);
        Assert.Equal("4", await page.GetAttributeAsync("#hotspot-summary", "data-total"));
        await page.Locator("#hotspot-map path.hotspot-cell").First.WaitForAsync();
        await PageChecks.AssertUsableAsync(page, "hotspots-beat-kk");
        await page.Context.CloseAsync();
    }
}

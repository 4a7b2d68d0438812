using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Uchastok.Browser.Tests.FindMyInspector;

/// <summary>A resident finds their district inspector: by address, by a tap on the map, and without JavaScript.</summary>
public sealed class FindMyInspectorJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Resident_InKazakh_FindsTheirInspectorByAddress()
    {
        var page = await Host.NewPhonePageAsync();
        await page.GotoAsync("/");
        await BrowserHost.ChooseLanguageAsync(page, "kk");
        // As she types, the street is suggested; she writes her house and flat as she would on an envelope.
        await page.Locator("#q").PressSequentiallyAsync("Төле");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#q-suggestions option').length > 0");
        Assert.Contains("Төле би", await page.GetAttributeAsync("#q-suggestions option >> nth=0", "value"));
        await page.FillAsync("#q", "Төлеби 59 пәтер 4");
        await page.ClickAsync("form.search button[type=submit]");

        await page.Locator("#inspector-name").WaitForAsync();
        var expected = await LocateAsync("kk", await AddressPointAsync("Төле би 59"));
        Assert.Equal(expected.GetProperty("inspector").GetProperty("name").GetString(), await page.InnerTextAsync("#inspector-name"));
        Assert.Equal("Төле би көшесі, 59", (await page.InnerTextAsync("#chosen-address")).Split(": ")[1]);
        Assert.Equal(expected.GetProperty("receptionPoint").GetProperty("address").GetString(), await page.InnerTextAsync("#reception-address"));
        Assert.Equal("kk", await page.GetAttributeAsync("html", "lang"));
        // The beat's outline is drawn, in view, around the address.
        await page.Locator("#map path.beat-outline").WaitForAsync();
        await PageChecks.AssertUsableAsync(page, "find-by-address-kk");
    }

    [Fact]
    public async Task Resident_InRussian_FindsTheirInspectorByTappingTheMap()
    {
        var page = await Host.NewPhonePageAsync();
        await page.GotoAsync("/");
        await BrowserHost.ChooseLanguageAsync(page, "ru");
        await page.Locator("#map .leaflet-overlay-pane path").First.WaitForAsync();
        Assert.Equal(0, await page.Locator("#inspector-name").CountAsync());

        // Tap the middle of the map: the map opens fitted to Almaty, whose middle lies inside a beat.
        await page.Locator("#map").ScrollIntoViewIfNeededAsync();
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Touchscreen.TapAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        // The map page has no card until a place is chosen: the card's arrival is the answer to the tap.
        // (Waiting for the address to change instead missed a navigation that committed before the wait began.)
        await page.Locator("#inspector-name").WaitForAsync();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        var expected = await LocateAsync("ru", (double.Parse(query["lat"]!, CultureInfo.InvariantCulture), double.Parse(query["lon"]!, CultureInfo.InvariantCulture)));
        Assert.Equal(expected.GetProperty("inspector").GetProperty("name").GetString(), await page.InnerTextAsync("#inspector-name"));
        Assert.StartsWith("Участок № ", await page.InnerTextAsync("#beat-card h2"));
        Assert.Equal(expected.GetProperty("receptionPoint").GetProperty("hours").GetString(), await page.InnerTextAsync("#reception-hours"));
        await PageChecks.AssertUsableAsync(page, "find-by-map-ru");
    }

    [Fact]
    public async Task Resident_WithoutJavaScript_StillFindsTheirInspectorByAddress()
    {
        var page = await Host.NewPhonePageAsync(javaScript: false);
        await page.GotoAsync("/culture/en?returnUrl=%2F");
        await page.FillAsync("#q", "Abay 12");
        await page.ClickAsync("form.search button[type=submit]");

        var expected = await LocateAsync("en", await AddressPointAsync("Abay 12"));
        Assert.Equal(expected.GetProperty("inspector").GetProperty("name").GetString(), await page.InnerTextAsync("#inspector-name"));
        Assert.Equal("English", await page.InnerTextAsync("nav.languages a.current"));
    }

    private async Task<(double Lat, double Lon)> AddressPointAsync(string typed)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var hits = await client.GetFromJsonAsync<JsonElement>($"/api/v1/addresses?q={Uri.EscapeDataString(typed)}");
        var hit = Assert.Single(hits.EnumerateArray());
        return (hit.GetProperty("latitude").GetDouble(), hit.GetProperty("longitude").GetDouble());
    }

    private async Task<JsonElement> LocateAsync(string language, (double Lat, double Lon) point)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await client.GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture, $"/api/v1/beats/locate?lat={point.Lat}&lon={point.Lon}"));
    }
}

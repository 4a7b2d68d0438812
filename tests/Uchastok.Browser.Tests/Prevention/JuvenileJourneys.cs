namespace Uchastok.Browser.Tests.Prevention;

/// <summary>
/// The juvenile inspector's page as she works it, in Kazakh on a phone: a minor taken home is refused
/// without a name (the field named, nothing saved), then recorded and listed; a place where minors gather
/// is marked with a tap on the map, listed, and closed when no longer in use.
/// </summary>
public sealed class JuvenileJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task JuvenileInspector_InKazakh_RecordsAMinorTakenHome_AndMarksAndClosesAGatheringPlace()
    {
        var minor = "Асқар " + Guid.NewGuid().ToString("N")[..6];
        var place = "Гаражтар артындағы алаң " + Guid.NewGuid().ToString("N")[..4];
        var page = await Host.SignInAsync("juvenile.almaly@demo.kz", "kk", phone: true);
        await page.GotoAsync("/prevention/juveniles");
        await PageChecks.AssertUsableAsync(page, "prevention-juveniles-kk");

        await page.ClickAsync("#delivery-form summary");
        await page.FillAsync("#minorBirthDate", "2011-05-20");
        await page.FillAsync("#foundAt", "Абай даңғылы, компьютер клубы");
        await page.FillAsync("#deliveredTo", "Анасы, Гүлнар");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#save-delivery"),
            r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        Assert.Equal(400, refused.Status);
        Assert.NotEmpty((await page.InnerTextAsync("#minorName + p.field-error")).Trim());
        Assert.Equal("Абай даңғылы, компьютер клубы", await page.InputValueAsync("#foundAt"));
        Assert.Equal(0, await page.Locator("#deliveries li", new() { HasText = "компьютер клубы" }).CountAsync());
        await PageChecks.AssertUsableAsync(page, "prevention-juveniles-refused-kk");

        await page.FillAsync("#minorName", minor);
        await BrowserHost.SubmitAsync(page, "#save-delivery");
        Assert.Equal("Жеткізу жазылды.", await page.InnerTextAsync("#saved"));
        var delivered = page.Locator("#deliveries li", new() { HasText = minor });
        Assert.Equal(1, await delivered.CountAsync());
        Assert.Contains("Анасы, Гүлнар", await delivered.InnerTextAsync());

        await page.Locator("#pin-map").ScrollIntoViewIfNeededAsync();
        await page.Locator("#pin-map .leaflet-tile-pane").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        var box = (await page.Locator("#pin-map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        Assert.NotEmpty(await page.InputValueAsync("#lat"));
        await page.FillAsync("#description", place);
        await BrowserHost.SubmitAsync(page, "#save-place");
        Assert.Equal("Орын картаға белгіленді.", await page.InnerTextAsync("#saved"));
        var marked = page.Locator("#places li", new() { HasText = place });
        Assert.Equal(1, await marked.CountAsync());
        await PageChecks.AssertUsableAsync(page, "prevention-juveniles-place-kk");

        await BrowserHost.SubmitAsync(page, $"#places li:has-text('{place}') button.link-button");
        Assert.Equal("Орын жабылды.", await page.InnerTextAsync("#saved"));
        Assert.Contains("жабық", await page.Locator("#places li", new() { HasText = place }).InnerTextAsync());
        Assert.Equal(0, await page.Locator("#places li", new() { HasText = place }).Locator("button").CountAsync());
        await PageChecks.AssertUsableAsync(page, "prevention-juveniles-closed-kk");
        await page.Context.CloseAsync();
    }
}

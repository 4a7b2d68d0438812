using System.Text.Json;
using Microsoft.Playwright;

namespace Uchastok.Browser.Tests.Community;

/// <summary>
/// A resident on a phone follows the links Uchastok e-mails her — to confirm a subscription, to
/// leave it, to cancel a reception — in each language, pressing the buttons those pages show.
/// The languages run side by side in their own contexts of one browser.
/// </summary>
public sealed class EmailedLinkJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Languages = ["kk", "ru", "en"];
    private BrowserHost Host => fixture.Host;

    [Fact]
    public Task Resident_SubscribesOnTheBeatPage_ConfirmsAndLeavesThroughTheEmailedLink_InEachLanguage() =>
        Task.WhenAll(Languages.Select(SubscribeConfirmAndLeaveAsync));

    [Fact]
    public Task Resident_BooksAReception_AndCancelsItThroughTheEmailedLink_InEachLanguage() =>
        Task.WhenAll(Languages.Select(BookAndCancelAsync));

    private async Task SubscribeConfirmAndLeaveAsync(string language)
    {
        var beatId = await BeatAtReadmePointAsync();
        var email = $"subscriber-{language}-{Guid.NewGuid():N}@test.kz";
        var page = await Host.NewPhonePageAsync(language: language);
        await page.GotoAsync($"/beats/{beatId}");
        // The beat's outline is drawn on its map.
        await page.Locator("#map path.beat-outline").WaitForAsync();
        await PageChecks.AssertUsableAsync(page, $"beat-{language}");

        await page.FillAsync("#sub-email", email);
        await BrowserHost.SubmitAsync(page, "#subscribe-form button[type=submit]");
        await page.Locator("#subscribed").WaitForAsync();
        await PageChecks.AssertUsableAsync(page, $"beat-subscribed-{language}");

        var link = Assert.Single(await Host.LinksSentToAsync(email), l => l.Contains("/subscriptions/", StringComparison.Ordinal));
        await page.GotoAsync(link);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await PageChecks.AssertUsableAsync(page, $"subscription-{language}");
        await page.ClickAsync("#confirm-subscription");
        await page.Locator("#subscription-message").WaitForAsync();
        Assert.Equal("True", await page.GetAttributeAsync("#subscription", "data-confirmed"));
        Assert.Equal(0, await page.Locator("#confirm-subscription").CountAsync());
        await PageChecks.AssertUsableAsync(page, $"subscription-confirmed-{language}");

        await page.ClickAsync("#unsubscribe");
        await page.Locator("#subscription[data-left=True]").WaitForAsync();
        Assert.Equal(0, await page.Locator("#unsubscribe").CountAsync());
        await PageChecks.AssertUsableAsync(page, $"subscription-left-{language}");
        await page.Context.CloseAsync();
    }

    private async Task BookAndCancelAsync(string language)
    {
        var beatId = await BeatAtReadmePointAsync();
        var email = $"visitor-{language}-{Guid.NewGuid():N}@test.kz";
        var page = await Host.NewPhonePageAsync(language: language);
        await page.GotoAsync($"/beats/{beatId}");
        await page.ClickAsync("#book-reception");
        await PageChecks.AssertUsableAsync(page, $"reception-{language}");
        // The place is named with its street address, the hours in her language; she picks a day, then a time
        // (each language takes its own day, so the three never want the same slot).
        Assert.Contains(",", await page.InnerTextAsync("#reception-place"));
        Assert.DoesNotContain("Mo-Fr", await page.InnerTextAsync("#reception-hours"));
        await page.ClickAsync($"#days a.day >> nth={Array.IndexOf(Languages, language)}");
        await page.Locator($"#days a.day[aria-current=date] >> nth=0").WaitForAsync();
        Assert.InRange(await page.Locator("#slots input[name=startsAt]").CountAsync(), 1, 40);
        await PageChecks.AssertUsableAsync(page, $"reception-day-{language}");
        await page.Locator("#slots label.slot").First.ClickAsync();
        await page.FillAsync("#name", "Айгерім Сапарова");
        await page.FillAsync("#email", email);
        await page.FillAsync("#topic", "Parking in the courtyard");
        await page.CheckAsync("input[name=consent]");
        await page.ClickAsync("#book");
        await page.Locator("#booked").WaitForAsync();
        await PageChecks.AssertUsableAsync(page, $"reception-booked-{language}");

        var link = Assert.Single(await Host.LinksSentToAsync(email), l => l.Contains("/receptions/", StringComparison.Ordinal));
        await page.GotoAsync(link);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        var ics = await page.APIRequest.GetAsync(await page.GetAttributeAsync("#booking-ics", "href") ?? "");
        Assert.Equal(200, ics.Status);
        Assert.Contains("BEGIN:VEVENT", await ics.TextAsync());
        Assert.Contains("LOCATION:", await ics.TextAsync());
        await page.ClickAsync("#cancel-booking");
        await page.Locator("#cancelled").WaitForAsync();
        Assert.Equal("Cancelled", await page.GetAttributeAsync("#booking", "data-status"));
        await PageChecks.AssertUsableAsync(page, $"reception-cancelled-{language}");
        await page.Context.CloseAsync();
    }

    private async Task<int> BeatAtReadmePointAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var located = JsonDocument.Parse(await http.GetStringAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).RootElement;
        return located.GetProperty("beat").GetProperty("id").GetInt32();
    }
}

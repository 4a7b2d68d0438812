using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Safety;

/// <summary>
/// A safety notice as the beat's inspector writes it from a report (issue 19), on a phone, in English: he signs in
/// and lands on his start page, sees the report among his beat's open incidents, follows it to the reports, writes
/// the notice in his own words and sends it; the beat's subscriber finds it in the development sink — without the
/// report's words — and leaves through the link at its foot; the district's supervisor sees the beat's figures on his board.
/// </summary>
public sealed class SafetyNoticeJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_InEnglish_SeesTheReportOnHisStartPage_WritesANotice_AndTheSubscriberLeavesThroughItsLink()
    {
        // A resident subscribed to the beat and confirmed; another filed a report there.
        var (beatId, _) = await Host.BeatAtAsync("43.2510", "76.9210");
        var email = $"notice-{Guid.NewGuid():N}@test.kz";
        using var api = Host.Client("en");
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync("/api/v1/subscriptions", new { beatId, email })).StatusCode);
        var confirm = Assert.Single(await Host.LinksSentToAsync(email), l => l.Contains("/subscriptions/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/subscriptions/{new Uri(confirm).Segments[^1]}/confirm", null)).StatusCode);
        var secret = "Kairat from flat " + Guid.NewGuid().ToString("N")[..6] + " leaves the gate open at night";
        var filed = await api.PostAsJsonAsync("/api/v1/safety/reports", new { category = "yard-safety", lat = 43.2510, lon = 76.9210, text = secret });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var reference = (await filed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("reference").GetString()!;

        // The inspector lands on his start page and sees the report there.
        var inspector = await Host.SignInAsync("inspector1@demo.kz", "en", phone: true);
        await inspector.WaitForURLAsync("**/appeals/queue");
        var item = inspector.Locator($"#safety-queue li[data-reference='{reference}']");
        await item.WaitForAsync();
        Assert.Contains("Yard", await item.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await PageChecks.AssertUsableAsync(inspector, "safety-start-page-en");

        // He follows it to the reports and writes a notice in his own words.
        await inspector.ClickAsync("#safety-queue-link");
        await inspector.WaitForURLAsync("**/safety/reports");
        var card = inspector.Locator($"#safety-reports li[data-reference='{reference}']");
        await card.Locator("details.safety-notice summary").ClickAsync();
        Assert.Equal("", await card.Locator("textarea[name=textEn]").InputValueAsync());
        Assert.Contains("never sent", await card.Locator("details.safety-notice").InnerTextAsync());
        await PageChecks.AssertUsableAsync(inspector, "safety-notice-form-en");
        var marker = Guid.NewGuid().ToString("N")[..8];
        await card.Locator("textarea[name=textEn]").FillAsync($"Please keep the yard gate closed after dark. {marker}");
        await BrowserHost.SubmitAsync(inspector, $"#safety-reports li[data-reference='{reference}'] button.notice-send");
        await inspector.Locator("#notice-done").WaitForAsync();
        Assert.Contains("1", await inspector.InnerTextAsync("#notice-done"));
        await PageChecks.AssertUsableAsync(inspector, "safety-notice-sent-en");
        await inspector.Context.CloseAsync();

        // The subscriber's e-mail carries the notice, not the report, and its foot leads out.
        var link = Assert.Single(await Host.LinksSentToAsync(email, "Safety notice"), l => l.Contains("/subscriptions/", StringComparison.Ordinal));
        var message = (await Host.DeliveredToAsync(email)).Single(m => m.Body.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain("Kairat", message.Body, StringComparison.Ordinal);
        var subscriber = await Host.NewPhonePageAsync(language: "en");
        await subscriber.GotoAsync(link);
        await PageChecks.AssertUsableAsync(subscriber, "safety-notice-unsubscribe-en");
        await subscriber.ClickAsync("#unsubscribe");
        await subscriber.Locator("#subscription[data-left=True]").WaitForAsync();
        await PageChecks.AssertUsableAsync(subscriber, "safety-notice-left-en");
        await subscriber.Context.CloseAsync();

        // The district's supervisor finds the beat's reports on his board, at phone size too.
        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "en", phone: true);
        await supervisor.GotoAsync("/appeals/board");
        var row = supervisor.Locator($"#safety-board tr[data-beat='{beatId}']");
        await row.WaitForAsync();
        Assert.Matches(@"\d+ / \d+", await row.Locator("td.reports").InnerTextAsync());
        await PageChecks.AssertUsableAsync(supervisor, "safety-board-en");
        await supervisor.Context.CloseAsync();
    }
}

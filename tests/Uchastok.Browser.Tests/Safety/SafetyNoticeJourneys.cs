using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        // The board's figures for the beat before this journey's report: the end asserts exactly one more, open.
        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "en", phone: true);
        var (openBefore, totalBefore) = await BoardReportsAsync(supervisor, beatId);
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
        var recipients = await SubscribersAsync(beatId);
        Assert.True(recipients >= 1);
        await card.Locator("textarea[name=textEn]").FillAsync($"Please keep the yard gate closed after dark. {marker}");
        await BrowserHost.SubmitAsync(inspector, $"#safety-reports li[data-reference='{reference}'] button.notice-send");
        await inspector.Locator("#notice-done").WaitForAsync();
        // Exactly the subscribers the notice reaches: the beat's and the district's confirmed ones (this journey's among them).
        Assert.Equal($"The safety notice is on its way to {recipients} subscribers.", (await inspector.InnerTextAsync("#notice-done")).Trim());
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
        Assert.Equal((openBefore + 1, totalBefore + 1), await BoardReportsAsync(supervisor, beatId));
        await PageChecks.AssertUsableAsync(supervisor, "safety-board-en");
        await supervisor.Context.CloseAsync();
    }

    /// <summary>The beat's reports on the supervisor's board, open and in all ("open / total"); 0 and 0 when the beat has no row yet.</summary>
    private static async Task<(int Open, int Total)> BoardReportsAsync(IPage supervisor, int beatId)
    {
        await supervisor.GotoAsync("/appeals/board");
        await supervisor.Locator("#safety-board").WaitForAsync();
        var row = supervisor.Locator($"#safety-board tr[data-beat='{beatId}']");
        if (await row.CountAsync() == 0) return (0, 0);
        var parts = (await row.Locator("td.reports").InnerTextAsync()).Split('/', StringSplitOptions.TrimEntries);
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The confirmed, still subscribed subscribers a notice on the beat reaches: the beat's and its district's.</summary>
    private async Task<int> SubscribersAsync(int beatId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
        var districtId = await db.Beats.Where(b => b.Id == beatId).Select(b => b.DistrictId).SingleAsync();
        return await db.Subscriptions.CountAsync(s => s.DistrictId == districtId && s.ConfirmedAtUtc != null && s.UnsubscribedAtUtc == null && (s.BeatId == null || s.BeatId == beatId));
    }
}

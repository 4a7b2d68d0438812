using System.Net.Http.Json;
using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Safety;

/// <summary>
/// The duty console as the duty unit works it (issue 19, "Done when"): a resident files a quick report in Kazakh on a
/// phone in one browser; the consoles of two duty officers of the district, open in other browsers, show it without a
/// reload; one takes it (the other's console shows it taken, live), closes it as passed to the beat's inspector, and
/// the trail says who did what. And the console with its hub blocked (a proxy that drops it): the same rows come by
/// polling, and the buttons work.
/// </summary>
public sealed class DutyConsoleJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    private static readonly LocatorWaitForOptions Arrives = new() { Timeout = 15_000 };

    private async Task<string> DutyOfficerAsync()
    {
        var (_, district) = await Host.BeatAtAsync("43.2510", "76.9210");
        return await Host.CreateStaffAsync("DutyOfficer", district);
    }

    private static async Task<IPage> OpenConsoleAsync(IPage page, string mode)
    {
        if (!page.Url.Contains("/safety/console", StringComparison.Ordinal)) await page.GotoAsync("/safety/console");
        await page.Locator($"#console[data-mode='{mode}']").WaitForAsync(Arrives);
        return page;
    }

    [Fact]
    public async Task AResidentsReportInKazakh_AppearsOnTheConsolesLive_IsTakenByOne_AndClosed()
    {
        var duty = await DutyOfficerAsync();
        var colleague = await DutyOfficerAsync();
        // The duty officer signs in and lands on his console.
        var console = await Host.SignInAsync(duty, "kk");
        Assert.Contains("/safety/console", console.Url, StringComparison.Ordinal);
        await OpenConsoleAsync(console, "live");
        var other = await OpenConsoleAsync(await Host.SignInAsync(colleague, "kk"), "live");

        var context = await Host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = BrowserHost.PhoneWidth, Height = BrowserHost.PhoneHeight },
            IsMobile = true,
            HasTouch = true,
            BaseURL = Host.BaseUrl,
            Geolocation = new Geolocation { Latitude = 43.2510f, Longitude = 76.9210f },
            Permissions = ["geolocation"],
        });
        var resident = await context.NewPageAsync();
        PageChecks.Watch(resident);
        await resident.GotoAsync("/culture/kk?returnUrl=%2Fsafety%2Freport");
        await resident.CheckAsync("#category-unlit-place");
        await resident.ClickAsync("#use-my-location");
        await resident.WaitForFunctionAsync("() => document.getElementById('lat').value !== ''");
        var text = "Аулада шам жанбайды, кешке балалар қараңғыда жүреді " + Guid.NewGuid().ToString("N")[..6];
        await resident.FillAsync("#text", text);
        await BrowserHost.SubmitAsync(resident, "#send-report");
        await resident.WaitForURLAsync("**/safety/report/sent/**");
        var reference = (await resident.InnerTextAsync("#report-reference")).Trim();
        await context.CloseAsync();

        // Both consoles show it without a reload, first in the list, untaken.
        var row = console.Locator($"#console-list li[data-reference='{reference}']");
        await row.WaitForAsync(Arrives);
        await other.Locator($"#console-list li[data-reference='{reference}']").WaitForAsync(Arrives);
        Assert.Contains(text, await row.InnerTextAsync());
        Assert.Contains("Жарықсыз орын", await row.InnerTextAsync());
        Assert.Equal(reference, await console.Locator("#console-list > li").First.GetAttributeAsync("data-reference"));
        Assert.Contains("tier-unacknowledged", await row.GetAttributeAsync("class"));
        await PageChecks.AssertUsableAsync(console, "safety-console-kk");

        await row.Locator("form.console-ack button").ClickAsync();
        await console.Locator($"#console-list li.tier-inhand[data-reference='{reference}']").WaitForAsync(Arrives);
        // The colleague's console shows it taken, by whom, without a reload; his button to take it is gone.
        var theirs = other.Locator($"#console-list li.tier-inhand[data-reference='{reference}']");
        await theirs.WaitForAsync(Arrives);
        Assert.Contains("Test DutyOfficer", await theirs.Locator(".console-taken").InnerTextAsync());
        Assert.Equal(0, await theirs.Locator("form.console-ack").CountAsync());

        row = console.Locator($"#console-list li[data-reference='{reference}']");
        await row.Locator("select[name='outcome']").SelectOptionAsync("passed-to-inspector");
        await row.Locator("form.console-close button").ClickAsync();
        var closed = console.Locator($"#console-list li.tier-closed[data-reference='{reference}']");
        await closed.WaitForAsync(Arrives);
        Assert.Contains("Учаскелік инспекторға берілді", await closed.InnerTextAsync());
        await closed.Locator("details.console-trail summary").ClickAsync();
        var trail = await closed.Locator("details.console-trail").InnerTextAsync();
        Assert.Contains("түсті", trail);
        Assert.Contains("қабылданды", trail);
        Assert.Contains("жабылды", trail);
        await other.Locator($"#console-list li.tier-closed[data-reference='{reference}']").WaitForAsync(Arrives);
        await PageChecks.AssertUsableAsync(console, "safety-console-closed-kk");

        // At phone size too: the console fits 390 pixels.
        await console.SetViewportSizeAsync(BrowserHost.PhoneWidth, BrowserHost.PhoneHeight);
        await PageChecks.AssertUsableAsync(console, "safety-console-phone-kk");
        await console.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task ADevicesAlarm_ArrivesLive_NamedAsAnAlarm_WithoutASignedOrAnonymousLine()
    {
        var duty = await DutyOfficerAsync();
        var console = await OpenConsoleAsync(await Host.SignInAsync(duty, "ru"), "live");
        string authorization;
        using (var admin = await Host.SignedInAsync("admin@demo.kz"))
        {
            var registered = await admin.PostAsJsonAsync("/api/v1/safety/devices",
                new { kind = "street-post", name = "Journey post", place = "Толе би 59, остановка", lat = 43.2510, lon = 76.9210, hasCamera = false, hasSpeaker = true });
            authorization = (await registered.JsonAsync()).GetProperty("authorization").GetString()!;
        }
        using var device = Host.Client();
        device.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        var sent = await device.PostAsJsonAsync("/api/v1/safety/device-events", new { eventId = "journey-" + Guid.NewGuid().ToString("N"), occurredAtUtc = DateTime.UtcNow.AddSeconds(-2).ToString("o") });
        var reference = (await sent.JsonAsync()).GetProperty("reference").GetString();

        // Drawn by the script from the hub's push: the alarm's name, not a raw key, and no "anonymous" (it is a device's).
        var row = console.Locator($"#console-list li[data-reference='{reference}']");
        await row.WaitForAsync(Arrives);
        Assert.Equal("Тревога (SOS-устройство)", (await row.Locator(".console-category").InnerTextAsync()).Trim());
        Assert.DoesNotContain("Анонимно", await row.InnerTextAsync());
        Assert.DoesNotContain("category.", await console.InnerTextAsync("#console-announce"));
        await PageChecks.AssertUsableAsync(console, "safety-console-alarm-ru");
        await console.Context.CloseAsync();
    }

    [Fact]
    public async Task WithTheHubBlocked_TheConsolePolls_ShowsNewReports_AndTakesThem()
    {
        var duty = await DutyOfficerAsync();
        var console = await Host.SignInAsync(duty, "ru");
        // A proxy that drops the live channel: every request to /hubs fails.
        await console.Context.RouteAsync("**/hubs/**", route => route.AbortAsync("aborted"));
        await console.GotoAsync("/safety/console");
        await OpenConsoleAsync(console, "polling");
        Assert.Contains("каждые несколько секунд", await console.InnerTextAsync("#console-connection"));

        using var http = Host.Client();
        var filed = await http.PostAsJsonAsync("/api/v1/safety/reports", new { category = "drunk-driving", lat = 43.2510, lon = 76.9210, text = "Водитель на белой машине едет зигзагом по Толе би" });
        var reference = (await filed.JsonAsync()).GetProperty("reference").GetString();

        var row = console.Locator($"#console-list li[data-reference='{reference}']");
        await row.WaitForAsync(Arrives);
        Assert.Contains("зигзагом", await row.InnerTextAsync());
        await row.Locator("form.console-ack button").ClickAsync();
        await console.Locator($"#console-list li.tier-inhand[data-reference='{reference}']").WaitForAsync(Arrives);
        await PageChecks.AssertUsableAsync(console, "safety-console-polling-ru");
        await console.Context.CloseAsync();
    }
}

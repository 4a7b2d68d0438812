using System.Text.Json;
using Microsoft.Playwright;

namespace Uchastok.Browser.Tests.Integrations;

/// <summary>An administrator gives a partner system a key; the partner files over Open311; the inspector works it like any appeal.</summary>
public sealed class PartnerKeyJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Admin_InEnglish_MakesAKey_PartnerFilesOverOpen311_InspectorInKazakhSeesItInTheQueue()
    {
        // The administrator makes a key on the page; it is shown once.
        var admin = await Host.SignInAsync("admin@demo.kz", "en");
        await admin.GotoAsync("/admin/api-keys");
        await admin.FillAsync("#name", "Almaty city reporting app");
        await admin.FillAsync("#contact", "it@almaty.example.kz");
        await admin.FillAsync("#permitsPerWindow", "30");
        await admin.ClickAsync("form[action*=Create] button[type=submit]");
        var secret = (await admin.InnerTextAsync("#new-key")).Trim();
        Assert.StartsWith("uk_", secret, StringComparison.Ordinal);
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "api-key-made-en.png"), FullPage = true });

        // The partner's system files a request in Kazakh, as GeoReport v2 prescribes.
        using var partner = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var posted = await partner.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = secret, ["service_code"] = "noise", ["lat"] = "43.2510", ["long"] = "76.9210", ["locale"] = "kk",
            ["first_name"] = "Айгерім", ["last_name"] = "Сәдуақасова", ["email"] = $"aigerim-{Guid.NewGuid():N}@test.kz",
            ["description"] = "Аулада түн сайын қатты музыка.",
            ["attribute[danger_now]"] = "no", ["attribute[about_police_officer]"] = "no", ["attribute[personal_data_consent]"] = "yes",
        }));
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        var number = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        // The beat's inspector, in Kazakh, finds it in his queue and opens it.
        var inspector = await Host.SignInAsync("inspector1@demo.kz", "kk");
        await inspector.GotoAsync("/appeals/queue");
        await inspector.ClickAsync($"#appeal-list tr[data-number='{number}'] a");
        await inspector.Locator("#appeal-state").WaitForAsync();
        Assert.Contains("Аулада түн сайын қатты музыка.", await inspector.ContentAsync());
        await inspector.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "open311-appeal-inspector-kk.png"), FullPage = true });

        // The administrator sees the key's use, then revokes it; the partner is refused from then on.
        await admin.GotoAsync("/admin/api-keys");
        var row = admin.Locator("#api-keys tr", new() { HasText = "Almaty city reporting app" });
        Assert.Contains("1 appeals filed", await row.InnerTextAsync());
        Assert.DoesNotContain(secret, await admin.ContentAsync());
        await row.Locator("button[type=submit]").ClickAsync();
        await admin.Locator("p.success").WaitForAsync();
        var refused = await partner.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = secret, ["service_code"] = "noise" }));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

}

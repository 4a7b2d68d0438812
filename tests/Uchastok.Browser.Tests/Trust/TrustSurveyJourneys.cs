using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Trust;

/// <summary>A survey from making to counting: the administrator prints a place's QR code, a resident scans it and answers in Kazakh, the supervisor sees the answer counted.</summary>
public sealed class TrustSurveyJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task ResidentScansAPlacesQrCode_AnswersInKazakh_AndTheSupervisorsDashboardCountsIt()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var located = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).RootElement;
        var beatId = located.GetProperty("beat").GetProperty("id").GetInt32();
        var code = "qr-" + Guid.NewGuid().ToString("N")[..8];

        // The administrator makes a survey from the standard questions, opens it and adds a place with a poster.
        var admin = await Host.SignInAsync("admin@demo.kz", "ru");
        await admin.GotoAsync("/admin/surveys");
        await admin.FillAsync("#code", code);
        await BrowserHost.SubmitAsync(admin, "#create-survey button[type=submit]");
        await admin.WaitForURLAsync(url => url.Contains("/admin/surveys/", StringComparison.Ordinal));
        Assert.Equal(11, await admin.Locator("#questions tbody tr").CountAsync());
        await admin.ClickAsync("#open-survey");
        await admin.Locator("#close-survey").WaitForAsync();
        await admin.GotoAsync("/admin/surveys");
        await admin.SelectOptionAsync("#add-place #kind", "ReceptionPoint");
        await admin.FillAsync("#nameKk", "№3 учаскелік полиция пункті");
        await admin.FillAsync("#nameRu", "Участковый пункт полиции № 3");
        await admin.FillAsync("#nameEn", "District police point 3");
        await admin.SelectOptionAsync("#add-place #beatId", beatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.ClickAsync("#add-place button[type=submit]");
        var qr = admin.Locator($"#survey-places tr", new() { HasText = "Участковый пункт полиции № 3" }).Locator($"a[data-qr='{code}']");
        var png = await admin.APIRequest.GetAsync(await qr.GetAttributeAsync("href") ?? "");
        Assert.Equal("image/png", png.Headers["content-type"]);
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "survey-places-ru.png"), FullPage = true });

        // A resident's phone reads the code and opens the link; the survey is in Kazakh.
        var link = QrCodes.Decode(await png.BodyAsync());
        var phone = await Host.NewPhonePageAsync();
        await phone.GotoAsync("/culture/kk?returnUrl=%2F");
        await phone.GotoAsync(new Uri(link).PathAndQuery);
        Assert.Equal("Сіздің ауданыңыздағы полицияға сенім", (await phone.InnerTextAsync("#survey-title")).Trim());
        Assert.Contains("№3 учаскелік полиция пункті", await phone.InnerTextAsync("#survey-place"));
        var scale = phone.Locator("#survey-form fieldset[data-question]").Filter(new() { Has = phone.Locator("input[type=radio]") });
        var count = await scale.CountAsync();
        Assert.Equal(10, count);
        for (var i = 0; i < count; i++) await scale.Nth(i).Locator("input[value='4']").CheckAsync();
        await phone.FillAsync("#survey-form textarea", "Кешкі уақытта аулада жарық жоқ.");
        await phone.SelectOptionAsync("#ageBand", "From30To44");
        await phone.SelectOptionAsync("#sex", "Female");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "survey-answer-kk.png"), FullPage = true });
        await phone.ClickAsync("#send-survey");
        await phone.Locator("#survey-thanks").WaitForAsync();
        Assert.Contains("Рақмет", await phone.InnerTextAsync("#survey-thanks"));
        // Back to the link: the browser has answered this quarter.
        await phone.GotoAsync(new Uri(link).PathAndQuery);
        await phone.Locator("#survey-already").WaitForAsync();

        // The district's supervisor sees the response counted for the beat, and the text with it.
        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "kk");
        await supervisor.GotoAsync("/trust/dashboard");
        var row = supervisor.Locator($"#trust-beats tr[data-area='{beatId}']");
        Assert.Equal("1", await row.GetAttributeAsync("data-responses"));
        Assert.Contains("әзірге жауап аз", await row.InnerTextAsync());
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "trust-dashboard-kk.png"), FullPage = true });
        await row.Locator("a[href*='free-text']").ClickAsync();
        Assert.Contains("Кешкі уақытта аулада жарық жоқ.", await supervisor.InnerTextAsync("#free-text"));
    }
}

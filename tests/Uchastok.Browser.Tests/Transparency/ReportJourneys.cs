using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Transparency;

namespace Uchastok.Browser.Tests.Transparency;

/// <summary>The supervisor publishes a beat's report of the last quarter; a resident finds it in the archive in Kazakh, with its charts and its PDF.</summary>
public sealed class ReportJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Supervisor_PublishesABeatsReport_AndAResident_ReadsItInKazakh_WithItsPdf()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var located = JsonDocument.Parse(await http.GetStringAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).RootElement;
        var beatId = located.GetProperty("beat").GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);
        // The quarter before the last ended one: its records closed long ago, whatever today's date, so it may be published now.
        var closed = Quarter.Of(KazakhstanTime.Today(TimeProvider.System)).Previous.Previous;
        var quarter = closed.ToString();
        await using (var scope = Host.Services.CreateAsyncScope())
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<QuarterlyReports>().DraftAsync(closed));

        // The supervisor reads the draft, then publishes it from the list.
        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "ru");
        await supervisor.GotoAsync($"/reports/manage?quarter={quarter}");
        var row = supervisor.Locator("#reports tr[data-report]", new() { Has = supervisor.Locator($"a[href='/reports/{quarter}/beat/{beatId}']") });
        Assert.Equal("Draft", await row.GetAttributeAsync("data-status"));
        await row.Locator("a").ClickAsync();
        Assert.Contains("Черновик", await supervisor.InnerTextAsync("#report-status"));
        await supervisor.GoBackAsync();
        await row.Locator("button.publish").ClickAsync();
        await supervisor.Locator("#report-message").WaitForAsync();
        Assert.Contains("Опубликовано отчётов: 1", await supervisor.InnerTextAsync("#report-message"));
        Assert.Equal("Published", await row.GetAttributeAsync("data-status"));

        // A resident, in Kazakh on a phone, finds it among the district's beats in the archive.
        var phone = await Host.NewPhonePageAsync();
        await phone.GotoAsync("/culture/kk?returnUrl=%2Freports");
        var section = phone.Locator($"section[data-quarter='{quarter}']");
        await section.Locator("details summary").First.ClickAsync();
        await section.Locator($"a[href='/reports/{quarter}/beat/{beatId}']").ClickAsync();
        Assert.Contains("Тоқсандық есеп", await phone.InnerTextAsync("h1"));
        Assert.Contains("жарияланды", await phone.InnerTextAsync("#report-status"));
        Assert.Equal(2, await phone.Locator("#report-appeals svg.trend").CountAsync());
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "beat-report-kk.png"), FullPage = true });
        var pdf = await phone.APIRequest.GetAsync(await phone.Locator("#report-pdf a[lang=kk]").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
    }
}

using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.FindMyInspector;

/// <summary>From a beat's page a resident writes to its inspector, and finds the beat's results and open data.</summary>
public sealed class BeatPageJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Resident_InEnglish_WritesToTheInspectorFromTheBeatPage_AndTheAppealGoesToHim()
    {
        using var http = Host.Client();
        var located = await (await http.GetAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).JsonAsync();
        var beatId = located.GetProperty("beat").GetProperty("id").GetInt32();
        var inspectorName = located.GetProperty("inspector").GetProperty("name").GetString();

        var page = await Host.NewPhonePageAsync(language: "en");
        await page.GotoAsync($"/beats/{beatId}");
        await page.Locator("#beat-report-none").WaitForAsync();
        Assert.Equal(200, (await page.APIRequest.GetAsync(await page.GetAttributeAsync("#open-data", "href") ?? "")).Status);

        await page.ClickAsync("#write-to-inspector");
        await page.Locator("#appeal-map path.appeal-pin").WaitForAsync();
        Assert.NotEmpty(await page.InputValueAsync("#lat"));
        await page.SelectOptionAsync("#kind", "application");
        await page.SelectOptionAsync("#categoryId", new Microsoft.Playwright.SelectOptionValue { Index = 2 });
        await page.FillAsync("#text", "The street light at the entrance has not worked for a week.");
        await page.FillAsync("#name", "Dana Seitkali");
        await page.FillAsync("#email", $"dana-{Guid.NewGuid():N}@test.kz");
        await page.CheckAsync("input[name=consent]");
        await page.ClickAsync("#submit-appeal");
        await page.Locator("#filed").WaitForAsync();
        Assert.Contains(inspectorName!, await page.InnerTextAsync("#assignee"));
        await PageChecks.AssertUsableAsync(page, "beat-write-filed-en");
        await page.Context.CloseAsync();
    }
}

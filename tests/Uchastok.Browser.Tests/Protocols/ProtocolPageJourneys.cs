using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Browser.Tests.Protocols;

/// <summary>
/// The protocol pages as people use them, on a phone: the district supervisor in Kazakh opens his district's figures
/// and a protocol an inspector signed (made through the API), sees its hash and the signatures as drawn, and
/// downloads the printed copy, whose text carries the same hash; the administrator in English sets an offence's
/// article (refused first without one), after which the inspector's protocol for that offence can be signed.
/// </summary>
public sealed class ProtocolPageJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task DistrictSupervisor_InKazakh_SeesTheFigures_ReadsASignedProtocol_AndDownloadsItsPdfWithTheHash()
    {
        using var inspector = await Host.SignedInAsync("inspector1@demo.kz");
        var signed = await SignedSearchAsync(inspector);
        var id = signed.GetProperty("id").GetInt64();
        var hash = signed.GetProperty("sha256").GetString()!;
        var page = await Host.SignInAsync("supervisor.almaly@demo.kz", "kk", phone: true);

        await page.GotoAsync("/protocols");
        await PageChecks.AssertUsableAsync(page, "protocols-list-kk");
        await page.ClickAsync("#stats");
        await page.WaitForURLAsync(url => url.Contains("/protocols/stats", StringComparison.Ordinal));
        Assert.Equal("0", await page.InnerTextAsync("#zero-value"));
        Assert.Contains("Жеке тексеру", await page.InnerTextAsync("#per-officer-table"));
        await PageChecks.AssertUsableAsync(page, "protocols-stats-kk");

        await page.GotoAsync("/protocols");
        await page.ClickAsync($"li[data-protocol='{id}'] h2 a");
        await page.WaitForURLAsync(url => url.EndsWith($"/protocols/{id}", StringComparison.Ordinal));
        Assert.Equal(hash, (await page.InnerTextAsync("#protocol-hash")).Trim());
        var images = page.Locator("img.signature");
        Assert.Equal(3, await images.CountAsync());
        // Drawn, not a broken image: the data: URL passed the page's Content-Security-Policy and decoded.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('img.signature')].every(i => i.complete && i.naturalWidth > 0)"));
        Assert.Contains("Отказался без объяснения причин", await page.InnerTextAsync("#protocol-signatures"));
        Assert.True(await page.IsVisibleAsync("#pdf-kk"));
        Assert.True(await page.IsVisibleAsync("#pdf-ru"));
        await PageChecks.AssertUsableAsync(page, "protocols-detail-kk");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#pdf-kk"));
        using var pdf = PdfDocument.Open(await download.PathAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains(hash, text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_InEnglish_SetsAnOffencesArticle_RefusedEmptyFirst_AndTheProtocolForItThenSigns()
    {
        using var inspector = await Host.SignedInAsync("inspector1@demo.kz");
        var document = await WithDrafterAsync(inspector, new JsonObject
        {
            ["drawnUpAt"] = "2026-12-06T18:40:00+05:00", ["place"] = "Алматы, пр. Абая, 10",
            ["person"] = new JsonObject { ["fullName"] = "Кенжебаев Арман", ["identityDocument"] = new JsonObject { ["kind"] = "id-card", ["number"] = "034567891" } },
            ["offence"] = new JsonObject { ["code"] = "obstructing-traffic", ["circumstances"] = "Оставил автомобиль на проезжей части, перекрыв движение" }, ["rightsExplained"] = true,
        });
        var id = (await DraftAsync(inspector, document, "admin-offence")).GetProperty("id").GetInt64();
        var before = await SignByDrafterAsync(inspector, id, "admin-offence", document);
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.True((await before.JsonAsync()).GetProperty("errors").TryGetProperty("offence.unconfigured", out _));

        var admin = await Host.SignInAsync("admin@demo.kz", "en", phone: true);
        await admin.GotoAsync("/admin/protocols/offences");
        await PageChecks.AssertUsableAsync(admin, "protocol-offences-en");
        var offence = admin.Locator("li[data-offence='obstructing-traffic']");
        Assert.Contains("No article yet", await offence.InnerTextAsync());
        await admin.FillAsync("#source-obstructing-traffic", "Code of the Republic of Kazakhstan on Administrative Offences");
        var refused = await admin.RunAndWaitForResponseAsync(() => admin.ClickAsync("#save-obstructing-traffic"),
            response => response.Request.Method == "POST" && response.Request.ResourceType == "document");
        Assert.Equal(400, refused.Status);
        Assert.Contains("The article is required", await admin.InnerTextAsync("#article-obstructing-traffic-error"));
        Assert.Equal("Code of the Republic of Kazakhstan on Administrative Offences", await admin.InputValueAsync("#source-obstructing-traffic"));
        await PageChecks.AssertUsableAsync(admin, "protocol-offences-refused-en");
        Assert.Equal(HttpStatusCode.BadRequest, (await SignByDrafterAsync(inspector, id, "admin-offence", document)).StatusCode);

        await admin.FillAsync("#article-obstructing-traffic", "CoAO art. 597");
        await BrowserHost.SubmitAsync(admin, "#save-obstructing-traffic");
        Assert.Contains("Article: CoAO art. 597", await admin.Locator("li[data-offence='obstructing-traffic']").InnerTextAsync());
        await PageChecks.AssertUsableAsync(admin, "protocol-offences-saved-en");

        var after = await SignByDrafterAsync(inspector, id, "admin-offence", document);
        Assert.True(after.StatusCode == HttpStatusCode.OK, await after.Content.ReadAsStringAsync());
        await admin.Context.CloseAsync();
    }
}

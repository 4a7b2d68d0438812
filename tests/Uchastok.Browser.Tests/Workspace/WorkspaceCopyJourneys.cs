using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Prevention.PreventionTestData;

namespace Uchastok.Browser.Tests.Workspace;

/// <summary>
/// Issue 18's offline workspace beyond protocols, on a phone: an inspector in Russian opens his workspace from the
/// menu while online; it copies his day, the file of the day's visit, his register and his appeals queue into the
/// encrypted store; with the browser context offline the page (served by the service worker) still shows the visit,
/// the file's basis and his appeals; what IndexedDB holds is ciphertext (the person's name is nowhere in it); the
/// file was read once, logged with the purpose "offline copy"; and signing out wipes the store.
/// </summary>
public sealed class WorkspaceCopyJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_InRussian_ReadsHisDayFileAndAppealsOffline_FromAnEncryptedCopy_WipedOnSignOut()
    {
        var category = await CategoryAsync(Host);
        var name = "Копиев " + Guid.NewGuid().ToString("N")[..6] + " Маратович";
        var birth = new DateOnly(1987, 5, 21);
        // Put on record a week ago: the first visit is due then, so it is on today's list.
        var putOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(-7);
        var basis = "Освобождён условно-досрочно, постановление суда " + Guid.NewGuid().ToString("N")[..4];
        var entry = JsonSerializer.SerializeToElement(Entry(category, name, birth, IinFor(birth, Seed()), putOn));
        var fields = entry.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["basis"] = basis;
        var file = await PutOnRecordAsync(Host, fields);
        var entryId = file.GetProperty("id").GetInt64();
        // A resident's appeal from the same street: it lands in the inspector's queue.
        var (number, _, _) = await Host.FileAppealAsync(Host.Client());
        using var api = await Host.SignedInAsync("inspector1@demo.kz", language: "ru");
        var queue = JsonDocument.Parse(await api.GetStringAsync("/api/v1/appeals")).RootElement;
        Assert.Contains(number, queue.EnumerateArray().Select(a => a.GetProperty("number").GetString()));

        var page = await Host.SignInAsync("inspector1@demo.kz", "ru", phone: true);
        await page.ClickAsync(".menu-button");
        await page.ClickAsync("#nav-workspace");
        await page.WaitForURLAsync("**/workspace");
        await page.Locator("#wh-content").WaitForAsync();
        var stop = page.Locator($"#wh-day li[data-entry='{entryId}']");
        await stop.WaitForAsync();
        Assert.Contains(name, await stop.InnerTextAsync());
        await Assertions.Expect(page.Locator("#wh-copied")).ToContainTextAsync("Копии сделаны");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await PageChecks.AssertUsableAsync(page, "workspace-home-ru");

        await page.Context.SetOfflineAsync(true);
        var reloaded = await page.ReloadAsync();
        Assert.Equal("workspace-cache", reloaded!.Headers.GetValueOrDefault("x-uchastok-served-from"));
        await page.Locator("#wh-content").WaitForAsync();
        Assert.True(await page.IsVisibleAsync("#wh-network"));
        Assert.True(await page.IsDisabledAsync("#wh-refresh"));
        stop = page.Locator($"#wh-day li[data-entry='{entryId}']");
        Assert.Contains(name, await stop.InnerTextAsync());
        await stop.Locator("summary").ClickAsync();
        Assert.Contains(basis, await stop.Locator(".wh-file").InnerTextAsync());
        Assert.Contains(name, await page.InnerTextAsync("#wh-register"));
        Assert.Equal(queue.GetArrayLength(), await page.Locator("#wh-appeals li").CountAsync());
        Assert.Contains("Loud music every night", await page.Locator($"#wh-appeals li[data-appeal='{number}']").InnerTextAsync());
        await PageChecks.AssertUsableAsync(page, "workspace-home-offline-ru");

        // At rest the store is ciphertext: the person's name and the basis are nowhere in what IndexedDB holds.
        var raw = await page.EvaluateAsync<string>(@"() => new Promise((resolve, reject) => {
            const opening = indexedDB.open('uchastok-workspace');
            opening.onerror = () => reject(opening.error);
            opening.onsuccess = () => {
                const all = opening.result.transaction('records').objectStore('records').getAll();
                all.onsuccess = () => {
                    opening.result.close();
                    resolve(all.result.map(r => r.kind + ':' + r.id + ':' + new TextDecoder('utf-8', { fatal: false }).decode(r.data)).join('\n'));
                };
            };
        })");
        Assert.Contains($"file:{entryId}:", raw);
        Assert.DoesNotContain(name, raw);
        Assert.DoesNotContain(basis, raw);

        // The file was read for the copy once, and the read is in the personal-data log with its purpose.
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var id = entryId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var copies = await db.PersonalDataAccesses.AsNoTracking()
                .CountAsync(r => r.RecordKind == "prevention-file" && r.RecordId == id && r.Purpose == "offline copy");
            Assert.Equal(1, copies);
        }

        // Back online, signing out of the workspace deletes it from the browser.
        await page.Context.SetOfflineAsync(false);
        await page.GotoAsync("/workspace");
        await page.Locator("#wh-content").WaitForAsync();
        await page.ClickAsync(".menu-button");
        await page.ClickAsync("header form[action='/account/logout'] button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        var databases = await page.EvaluateAsync<string[]>("async () => (await indexedDB.databases()).map(d => d.name)");
        Assert.DoesNotContain("uchastok-workspace", databases);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnASharedTablet_TheNextAccountsSignOut_LeavesTheFirstAccountsUnsentProtocol_ForItsOwner()
    {
        // The first inspector's shift ends with a signed protocol still queued (he never signed out).
        var page = await Host.SignInAsync("inspector1@demo.kz", "kk", phone: true);
        await page.GotoAsync("/workspace");
        await page.Locator("#wh-content").WaitForAsync();
        var clientId = Guid.NewGuid().ToString();
        await page.EvaluateAsync(@"async clientId => {
            const store = await import('/js/workspace-store.js');
            const workspace = await store.open();
            await workspace.put(store.QUEUE, clientId, { item: { clientId, kind: 'signed' } });
        }", clientId);

        // The next inspector signs in on the same tablet, opens his workspace and signs out with the header's button.
        await SignInHereAsync(page, "inspector2@demo.kz");
        await page.GotoAsync("/workspace");
        await page.Locator("#wh-content").WaitForAsync();
        await PageChecks.AssertUsableAsync(page, "workspace-home-shared-kk");
        await page.ClickAsync(".menu-button");
        await page.ClickAsync("header form[action='/account/logout'] button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // The first inspector's item is still there, and only he can read it again once he signs in.
        Assert.Equal(1, await page.EvaluateAsync<int>(@"() => new Promise((resolve, reject) => {
            const opening = indexedDB.open('uchastok-workspace');
            opening.onerror = () => reject(opening.error);
            opening.onsuccess = () => {
                const count = opening.result.transaction('records').objectStore('records').index('kind').count('queue');
                count.onsuccess = () => { opening.result.close(); resolve(count.result); };
            };
        })"));
        await SignInHereAsync(page, "inspector1@demo.kz");
        var kept = await page.EvaluateAsync<string>(@"async clientId => {
            const store = await import('/js/workspace-store.js');
            const workspace = await store.open();
            return (await workspace.get(store.QUEUE, clientId)).item.clientId;
        }", clientId);
        Assert.Equal(clientId, kept);
        await page.Context.CloseAsync();
    }

    private static async Task SignInHereAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", ApiClient.DemoPassword);
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}
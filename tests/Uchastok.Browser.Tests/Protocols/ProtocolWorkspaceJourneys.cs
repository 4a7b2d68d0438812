using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Browser.Tests.Protocols;

/// <summary>
/// Issue 18's "Done when", on a phone: an inspector in Russian draws up a personal search in the workspace, is
/// refused for the second witness, adds it, signs on the screen, and downloads the PDF, whose text holds both
/// witnesses and the item; then, in Kazakh, with the browser context offline (the page served by the service
/// worker), he drafts a second protocol, is refused offline for the copy not handed, completes and signs it, and it
/// stays queued until the network returns; then the server has it exactly once with the hash the page showed, and a
/// retry of the sync does not make a second one.
/// </summary>
/// <remarks>
/// Playwright 1.64 applies <c>SetOfflineAsync</c> to the service worker's own requests in Chromium too (it attaches a
/// network manager to service workers unless <c>PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK</c> is set), so a
/// network-first worker cannot quietly reach the server: the journey checks that the reloaded page came from the
/// worker's cache (its marker header, set only when the network failed), that the page sees itself offline, and
/// that nothing reached the server before the network returned.
/// </remarks>
public sealed class ProtocolWorkspaceJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_InRussian_IsRefusedForOneWitness_AddsTheSecond_Signs_AndThePdfHoldsBothWitnessesAndTheItem()
    {
        var page = await Host.SignInAsync("inspector1@demo.kz", "ru", phone: true);
        await OpenWorkspaceAsync(page);
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-ru");

        var first = "Иванова" + Suffix();
        var second = "Жұмабаев" + Suffix();
        await page.SelectOptionAsync("#ws-type", "personal-search");
        await FillSearchAsync(page, "Ахметов Бауыржан Ерланович");
        await AddWitnessAsync(page, 0, first, "Мария", "+7 701 555 11 22");
        await page.ClickAsync("#ws-add-item");
        await page.SelectOptionAsync("#ws-items-0-kind", "other");
        await page.FillAsync("#ws-items-0-type", "Рюкзак");
        await page.FillAsync("#ws-items-0-quantity", "1");
        await page.FillAsync("#ws-items-0-features", "чёрный, с надписью Adidas");
        await HandCopyAsync(page, "Ахметов Б. Е.");

        await page.ClickAsync("#ws-sign");
        var findings = page.Locator("#ws-findings li");
        await findings.First.WaitForAsync();
        Assert.Equal(1, await findings.CountAsync());
        Assert.Equal("witnesses.count", await findings.First.GetAttributeAsync("data-code"));
        Assert.Equal("Двое понятых", (await findings.First.InnerTextAsync()).Trim());
        Assert.True(await page.IsHiddenAsync("#ws-signing"));
        // The finding links to the field it is about: the button that adds a witness.
        Assert.Equal("#ws-add-witness", await findings.First.Locator("a").GetAttributeAsync("href"));
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-refused-ru");

        await AddWitnessAsync(page, 1, second, "Нұрлан", "+7 702 555 33 44");
        await page.ClickAsync("#ws-sign");
        await page.Locator("#ws-signing").WaitForAsync();
        Assert.True(await page.IsHiddenAsync("#ws-findings"));
        await SignEveryPadAsync(page);
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-signing-ru");
        await page.ClickAsync("#ws-confirm");

        var signed = page.Locator("#ws-queue li[data-state=signed]");
        await signed.WaitForAsync();
        var hash = (await page.InnerTextAsync("#ws-hash-value")).Trim();
        var clientId = Guid.Parse((await signed.GetAttributeAsync("data-client-id"))!);
        var stored = await ProtocolsWithAsync(clientId);
        Assert.Equal(hash, Assert.Single(stored).Sha256);
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-signed-ru");

        var download = await page.RunAndWaitForDownloadAsync(() => signed.Locator("a[data-link=pdf-ru]").ClickAsync());
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var expected in new[] { first, second, "Рюкзак", hash }) Assert.Contains(expected, text);

        // A correction after signing is an addendum with the drafter's signature, chained to the protocol's hash.
        await signed.Locator("button[data-action=addendum]").ClickAsync();
        await page.Locator("#ws-addendum").WaitForAsync();
        await page.FillAsync("#ws-addendum-text", "Уточнение: рюкзак чёрно-синего цвета");
        await DrawAsync(page, page.Locator("#ws-addendum-pad"));
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-addendum-ru");
        await page.ClickAsync("#ws-addendum-sign");
        await page.Locator("#ws-queue li[data-kind=addendum][data-state=signed]").WaitForAsync();
        var protocolId = stored[0].Id;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var addendum = Assert.Single(await db.ProtocolAddenda.AsNoTracking().Where(a => a.ProtocolId == protocolId).ToListAsync());
            Assert.Equal(hash, addendum.PreviousSha256);
        }

        // Signing out with an item not yet sent asks first, naming the count, then leaves nothing of the workspace behind.
        await page.EvaluateAsync(@"async () => {
            const store = await import('/js/workspace-store.js');
            const workspace = await store.open();
            await workspace.put(store.QUEUE, crypto.randomUUID(), { item: { kind: 'draft' }, state: 'queued' });
        }");
        string? question = null;
        page.Dialog += async (_, dialog) => { question = dialog.Message; await dialog.AcceptAsync(); };
        await page.ClickAsync("header .menu-button");
        await page.ClickAsync("header form[action='/account/logout'] button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/protocols/workspace", StringComparison.Ordinal));
        Assert.NotNull(question);
        Assert.Contains("ещё не отправленных: 1.", question);
        Assert.True(await page.EvaluateAsync<bool>(@"async () =>
            !(await indexedDB.databases()).some(d => d.name === 'uchastok-workspace')
            && !(await caches.keys()).some(n => n.startsWith('uchastok-workspace'))
            && (await navigator.serviceWorker.getRegistrations()).length === 0
            && localStorage.getItem('uchastok-workspace') === null"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Inspector_InKazakh_Offline_IsRefusedForTheCopy_SignsIntoTheQueue_AndOnlineItIsOnTheServerOnce()
    {
        var page = await Host.SignInAsync("inspector2@demo.kz", "kk", phone: true);
        await OpenWorkspaceAsync(page);
        // Loaded once online: the service worker controls the page and has kept the shell.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-kk");

        await page.Context.SetOfflineAsync(true);
        var reloaded = await page.ReloadAsync();
        Assert.Equal("workspace-cache", reloaded!.Headers.GetValueOrDefault("x-uchastok-served-from"));
        await OpenWorkspaceAsync(page);
        Assert.True(await page.IsVisibleAsync("#ws-network"));
        Assert.False(await page.EvaluateAsync<bool>("() => navigator.onLine"));
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-offline-kk");

        await page.SelectOptionAsync("#ws-type", "personal-search");
        await FillSearchAsync(page, "Сейітов Ержан Болатұлы");
        await AddWitnessAsync(page, 0, "Омарова" + Suffix(), "Айгүл", "+7 705 555 66 77");
        await AddWitnessAsync(page, 1, "Бекова" + Suffix(), "Дана", "+7 707 555 88 99");
        await page.CheckAsync("#ws-nothingFound");

        await page.ClickAsync("#ws-sign");
        var findings = page.Locator("#ws-findings li");
        await findings.First.WaitForAsync();
        Assert.Equal(1, await findings.CountAsync());
        Assert.Equal("copy.handed", await findings.First.GetAttributeAsync("data-code"));
        Assert.Equal("Көшірменің адамға немесе оның заңды өкіліне табыс етілуі не оны алудан бас тарту", (await findings.First.InnerTextAsync()).Trim());
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-offline-refused-kk");

        await HandCopyAsync(page, "Сейітов Е. Б.");
        await page.ClickAsync("#ws-sign");
        await page.Locator("#ws-signing").WaitForAsync();
        await SignEveryPadAsync(page);
        await page.ClickAsync("#ws-confirm");
        var queued = page.Locator("#ws-queue li[data-state=queued]");
        await queued.WaitForAsync();
        var hash = (await page.InnerTextAsync("#ws-hash-value")).Trim();
        var clientId = Guid.Parse((await queued.GetAttributeAsync("data-client-id"))!);
        Assert.Contains(await page.InnerTextAsync("#ws-network"), await queued.InnerTextAsync());
        Assert.Empty(await ProtocolsWithAsync(clientId));
        // What the queue will send, read back from the encrypted store as the page would: kept for the retry below.
        var item = await page.EvaluateAsync<string>(@"async clientId => {
            const store = await import('/js/workspace-store.js');
            const workspace = await store.open();
            return JSON.stringify((await workspace.get(store.QUEUE, clientId)).item);
        }", clientId.ToString());
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-offline-queued-kk");

        await page.Context.SetOfflineAsync(false);
        var synced = page.Locator($"#ws-queue li[data-client-id='{clientId}'][data-state=signed]");
        await synced.WaitForAsync();
        var stored = Assert.Single(await ProtocolsWithAsync(clientId));
        Assert.Equal(hash, stored.Sha256);
        Assert.Equal(hash, (await synced.Locator("code").InnerTextAsync()).Trim());

        // The same item sent again (an answer lost on the way back): the server answers what it has, and makes nothing.
        var again = await page.EvaluateAsync<JsonElement>(@"async item => {
            const token = document.querySelector('meta[name=request-verification-token]').content;
            const response = await fetch('/api/v1/protocols/sync', { method: 'POST', credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', RequestVerificationToken: token }, body: JSON.stringify({ items: [JSON.parse(item)] }) });
            return await response.json();
        }", item);
        var outcome = again.GetProperty("items")[0];
        Assert.Equal("exists", outcome.GetProperty("outcome").GetString());
        Assert.Equal(stored.Id, outcome.GetProperty("id").GetInt64());
        Assert.Equal(hash, outcome.GetProperty("sha256").GetString());
        // And a reload, which syncs whatever is queued, finds nothing left to send.
        await page.ReloadAsync();
        await OpenWorkspaceAsync(page);
        await synced.WaitForAsync();
        Assert.Equal(0, await page.Locator("#ws-queue li[data-state=queued]").CountAsync());
        Assert.Single(await ProtocolsWithAsync(clientId));
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-synced-kk");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Inspector_InEnglish_WhoseWitnessIsAPoliceOfficer_IsRefusedByTheServer_CompletesItFromTheForm_AndSeesAConflictUnmerged()
    {
        // Only the server knows the police directory: the tablet's rules pass, the sync is refused with the reason.
        Guid clientId;
        string policePhone;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            policePhone = await db.Users.Where(u => u.Email == "inspector2@demo.kz").Join(db.Officers, u => u.OfficerId, o => o.Id, (_, o) => o.Phone).SingleAsync();
        }
        var page = await Host.SignInAsync("juvenile.almaly@demo.kz", "en", phone: true);
        await OpenWorkspaceAsync(page);
        await FillSearchAsync(page, "Askarov Timur");
        await AddWitnessAsync(page, 0, "Serikova" + Suffix(), "Aliya", "+7 701 555 20 30");
        await AddWitnessAsync(page, 1, "Nurov" + Suffix(), "Daulet", policePhone);
        await page.CheckAsync("#ws-nothingFound");
        await HandCopyAsync(page, "Askarov T.");
        await page.ClickAsync("#ws-sign");
        await page.Locator("#ws-signing").WaitForAsync();
        await SignEveryPadAsync(page);
        await page.ClickAsync("#ws-confirm");

        var refused = page.Locator("#ws-queue li[data-state=refused]");
        await refused.WaitForAsync();
        clientId = Guid.Parse((await refused.GetAttributeAsync("data-client-id"))!);
        Assert.Contains("A police officer cannot be an attesting witness", await refused.InnerTextAsync());
        Assert.Empty(await ProtocolsWithAsync(clientId));
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-server-refused-en");

        await refused.Locator("button[data-action=back]").ClickAsync();
        var finding = page.Locator("#ws-findings li");
        await finding.First.WaitForAsync();
        Assert.Equal("Witness 2: A police officer cannot be an attesting witness", (await finding.First.InnerTextAsync()).Trim());
        Assert.Equal(policePhone, await page.InputValueAsync("#ws-witnesses-1-contact"));
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-back-to-form-en");

        await page.FillAsync("#ws-witnesses-1-contact", "+7 702 555 40 50");
        await page.ClickAsync("#ws-sign");
        await page.Locator("#ws-signing").WaitForAsync();
        await SignEveryPadAsync(page);
        await page.ClickAsync("#ws-confirm");
        await page.Locator($"#ws-queue li[data-client-id='{clientId}'][data-state=signed]").WaitForAsync();
        var stored = Assert.Single(await ProtocolsWithAsync(clientId));
        Assert.Equal((await page.InnerTextAsync("#ws-hash-value")).Trim(), stored.Sha256);

        // Another version of the same protocol on the tablet (an older copy, changed): the server's signed one is shown
        // beside it, nothing is merged, and the inspector keeps the server's.
        await page.EvaluateAsync(@"async clientId => {
            const store = await import('/js/workspace-store.js');
            const workspace = await store.open();
            const item = { kind: 'signed', clientId, type: 'personal-search', sha256: '0'.repeat(64),
                document: { drawnUpAt: '2026-12-07T10:30:00+05:00', place: 'Almaty, Abay avenue 1', person: { fullName: 'Askarov Timur' } } };
            await workspace.put(store.QUEUE, clientId, { item, state: 'queued', queuedAt: new Date().toISOString() });
        }", clientId.ToString());
        await page.ClickAsync("#ws-sync");
        var conflict = page.Locator($"#ws-queue li[data-client-id='{clientId}'][data-state=conflict]");
        await conflict.WaitForAsync();
        await conflict.Locator("button[data-action=compare]").ClickAsync();
        await page.Locator("#ws-conflict").WaitForAsync();
        Assert.Contains("Abay avenue 1", await page.InnerTextAsync("#ws-conflict-tablet"));
        Assert.Contains("Толе би", await page.InnerTextAsync("#ws-conflict-server"));
        await PageChecks.AssertUsableAsync(page, "protocol-workspace-conflict-en");
        await page.ClickAsync("#ws-keep-server");
        await conflict.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(1, await page.Locator($"#ws-queue li[data-client-id='{clientId}']").CountAsync());
        Assert.Equal("signed", await page.Locator($"#ws-queue li[data-client-id='{clientId}']").GetAttributeAsync("data-state"));
        Assert.True(await page.IsHiddenAsync("#ws-conflict"));
        Assert.Single(await ProtocolsWithAsync(clientId));
        await page.Context.CloseAsync();
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..5];

    private static async Task OpenWorkspaceAsync(IPage page)
    {
        if (!page.Url.EndsWith("/protocols/workspace", StringComparison.Ordinal)) await page.GotoAsync("/protocols/workspace");
        await page.Locator("#ws-form").WaitForAsync();
        await page.Locator("#ws-queue-section").WaitForAsync();
    }

    private static async Task FillSearchAsync(IPage page, string person)
    {
        await page.FillAsync("#ws-drawnUpAt", "2026-12-07T10:30");
        await page.FillAsync("#ws-place", "Алматы, ул. Толе би, 59");
        await page.FillAsync("#ws-fullName", person);
        await page.SelectOptionAsync("#ws-documentKind", "id-card");
        await page.FillAsync("#ws-documentNumber", "045678912");
        await page.SelectOptionAsync("#ws-identityCheck", "tablet");
        await page.CheckAsync("#ws-ownerPresent");
    }

    private static async Task AddWitnessAsync(IPage page, int index, string surname, string name, string contact)
    {
        await page.ClickAsync("#ws-add-witness");
        await page.FillAsync($"#ws-witnesses-{index}-surname", surname);
        await page.FillAsync($"#ws-witnesses-{index}-name", name);
        await page.FillAsync($"#ws-witnesses-{index}-contact", contact);
    }

    private static async Task HandCopyAsync(IPage page, string to)
    {
        await page.CheckAsync("#ws-copyHanded");
        await page.FillAsync("#ws-copyHandedTo", to);
        await page.FillAsync("#ws-copyHandedAt", "2026-12-07T11:10");
    }

    /// <summary>Draws a stroke on every signature box with the mouse, as a finger would.</summary>
    private static async Task SignEveryPadAsync(IPage page)
    {
        var pads = page.Locator("#ws-signers canvas");
        var count = await pads.CountAsync();
        Assert.True(count >= 1);
        for (var i = 0; i < count; i++) await DrawAsync(page, pads.Nth(i));
    }

    private static async Task DrawAsync(IPage page, ILocator pad)
    {
        await pad.ScrollIntoViewIfNeededAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.15f, box.Y + box.Height * 0.6f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.4f, box.Y + box.Height * 0.3f, new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.7f, box.Y + box.Height * 0.7f, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private async Task<List<(long Id, string? Sha256)>> ProtocolsWithAsync(Guid clientId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var rows = await db.Protocols.AsNoTracking().Where(p => p.ClientId == clientId).Select(p => new { p.Id, p.ContentSha256 }).ToListAsync();
        return rows.Select(r => (r.Id, r.ContentSha256)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Accounts;

/// <summary>
/// A lost tablet, on phones: an inspector is signed in on "the tablet" (one browser context), whose offline workspace holds a draft in
/// IndexedDB (<c>uchastok-workspace</c>) and a response in Cache Storage. His supervisor, in Russian, in another context, opens the
/// sessions page, ends the tablet's session with its button and confirms. The tablet's next navigation lands on the sign-in page, and
/// the IndexedDB database and the caches are gone — Chromium honours <c>Clear-Site-Data</c> on http://127.0.0.1, a potentially
/// trustworthy origin.
/// </summary>
public sealed class LostTabletJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    /// <summary>Puts a draft in the workspace's IndexedDB and a response in Cache Storage, as the offline workspace would; returns what the site holds.</summary>
    private const string FillWorkspace = """
        async () => {
            await new Promise((resolve, reject) => {
                const open = indexedDB.open("uchastok-workspace", 1);
                open.onupgradeneeded = () => open.result.createObjectStore("drafts");
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                    const tx = open.result.transaction("drafts", "readwrite");
                    tx.objectStore("drafts").put({ kind: "personal-search", note: "unsent" }, "draft-1");
                    tx.oncomplete = () => { open.result.close(); resolve(); };
                    tx.onerror = () => reject(tx.error);
                };
            });
            const cache = await caches.open("uchastok-workspace-v1");
            await cache.put("/offline/day-list", new Response("kept offline"));
            return { databases: (await indexedDB.databases()).map(d => d.name), caches: await caches.keys() };
        }
        """;

    private const string ReadWorkspace = """
        async () => ({ databases: (await indexedDB.databases()).map(d => d.name), caches: await caches.keys() })
        """;

    public sealed class Storage
    {
        public string[] Databases { get; set; } = [];
        public string[] Caches { get; set; } = [];
    }

    [Fact]
    public async Task Supervisor_InRussian_EndsTheLostTabletsSession_AndTheTabletIsSignedOutAndWiped()
    {
        var district = (await Host.BeatAtAsync("43.2510", "76.9210")).DistrictId;
        var email = await Host.CreateStaffAsync("Inspector", district);
        var userId = await UserIdAsync(email);

        var tablet = await Host.SignInAsync(email, "ru", phone: true);
        await tablet.GotoAsync("/account/profile");
        var filled = await tablet.EvaluateAsync<Storage>(FillWorkspace);
        Assert.Contains("uchastok-workspace", filled.Databases);
        Assert.Contains("uchastok-workspace-v1", filled.Caches);

        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "ru", phone: true);
        await supervisor.GotoAsync("/staff/sessions");
        await PageChecks.AssertUsableAsync(supervisor, "staff-sessions-ru");
        var officer = supervisor.Locator($"section[data-user-id='{userId}']");
        await Assertions.Expect(officer.Locator("h2")).ToContainTextAsync("Test Inspector");
        await Assertions.Expect(officer.Locator("tbody tr")).ToHaveCountAsync(1);
        await officer.Locator("tbody tr button[type=submit]").ClickAsync();

        var confirm = supervisor.Locator("#confirm-end");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm.Locator("h2")).ToHaveTextAsync("Завершить сеанс сотрудника Test Inspector?");
        await Assertions.Expect(confirm).ToContainTextAsync("ещё не отправленная, будет потеряна");
        await PageChecks.AssertUsableAsync(supervisor, "staff-sessions-confirm-ru");
        await BrowserHost.SubmitAsync(supervisor, "#confirm-end-button");
        await Assertions.Expect(supervisor.Locator("#sessions-message")).ToHaveTextAsync("Сеанс сотрудника Test Inspector завершён.");
        await Assertions.Expect(officer).ToHaveCountAsync(0);
        await PageChecks.AssertUsableAsync(supervisor, "staff-sessions-ended-ru");

        // The tablet's next contact: the sign-in page, and nothing of the workspace left.
        await tablet.GotoAsync("/account/profile");
        Assert.Contains("/account/login", tablet.Url, StringComparison.Ordinal);
        await Assertions.Expect(tablet.Locator("#login")).ToBeVisibleAsync();
        var left = await tablet.EvaluateAsync<Storage>(ReadWorkspace);
        Assert.DoesNotContain("uchastok-workspace", left.Databases);
        Assert.Empty(left.Caches);
        await PageChecks.AssertUsableAsync(tablet, "lost-tablet-signed-out-ru");

        await tablet.Context.CloseAsync();
        await supervisor.Context.CloseAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Users.SingleAsync(u => u.Email == email)).Id;
    }
}

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Weapons;
using static Uchastok.Web.Tests.Weapons.WeaponsTestData;

namespace Uchastok.Browser.Tests.Weapons;

/// <summary>A host whose administrator has set the permit reminder (30 days before expiry, with its source).</summary>
public sealed class PermitReminderBrowserFixture() : BrowserFixture(new BrowserHost
{
    Settings = new Dictionary<string, string>
    {
        ["Weapons:PermitExpiryReminderDays"] = "30",
        ["Weapons:PermitExpiryReminderDaysSource"] = "Test order No. 1",
    },
});

/// <summary>
/// The permit reminder as the inspector gets it: a permit on his beat expires in ten days, the hourly pass sends him an
/// e-mail in his language (Kazakh) without the holder's name, and he follows its link on his phone to the holder's file,
/// where the permit and its date are; his day on /workspace lists the same permit and links to the same file.
/// </summary>
public sealed class PermitReminderJourneys(PermitReminderBrowserFixture fixture) : IClassFixture<PermitReminderBrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_InKazakh_FollowsThePermitExpiryEmail_ToTheHoldersFile_AndSeesItOnHisDay()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));
        var expires = today.AddDays(10);
        var serial = "R-" + Guid.NewGuid().ToString("N")[..8];
        long holderId;
        using (var api = await Host.SignedInAsync("inspector1@demo.kz"))
            holderId = (await AddHolderAsync(api, Holder(await BeatOfAsync(Host, "inspector1@demo.kz"), serial: serial, validTo: expires))).GetProperty("id").GetInt64();

        // The hourly pass, as the background would run it.
        Assert.True(await Host.Services.GetRequiredService<WeaponsJob>().RunOnceAsync() >= 1);
        var date = expires.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var links = await Host.LinksSentToAsync("inspector1@demo.kz", $"Қару рұқсаты {date} күні аяқталады");
        var link = Assert.Single(links);
        Assert.Equal($"{Host.BaseUrl}/weapons/holders/{holderId}", link);

        var inspector = await Host.SignInAsync("inspector1@demo.kz", "kk", phone: true);
        await inspector.GotoAsync(link);
        var weapon = inspector.Locator("section.weapon", new() { HasText = serial });
        Assert.Contains(date, await weapon.InnerTextAsync());
        Assert.Equal("Бекұлы Асқар", await inspector.InnerTextAsync("h1"));
        await PageChecks.AssertUsableAsync(inspector, "weapons-permit-reminder-link-kk");

        // The same permit on his day, with a link to the same file.
        await inspector.GotoAsync("/workspace");
        var row = inspector.Locator("#wh-weapons-expiring li", new() { HasText = "LRR-" + serial });
        await row.First.WaitForAsync();
        Assert.Contains(date, await row.First.InnerTextAsync());
        await row.First.Locator("a").ClickAsync();
        await inspector.WaitForURLAsync($"**/weapons/holders/{holderId}");
        await PageChecks.AssertUsableAsync(inspector, "weapons-permit-from-day-kk");
        await inspector.Context.CloseAsync();
    }
}

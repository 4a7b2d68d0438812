using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Accounts;

/// <summary>On a phone: a resident resets a forgotten password from the e-mailed link; another gets a lost appeal link back with a code.</summary>
public sealed class AccountRecoveryJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Resident_InRussian_ResetsAForgottenPasswordThroughTheEmailedLink_AndSignsIn()
    {
        var email = $"forgetful-{Guid.NewGuid():N}@test.kz";
        using var api = Host.Client("ru");
        (await api.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Асель Нурова", email, password = "Demo123!", language = "ru" })).EnsureSuccessStatusCode();

        var page = await Host.NewPhonePageAsync(language: "ru");
        await page.GotoAsync("/account/login");
        await page.ClickAsync("#forgot-password");
        await PageChecks.AssertUsableAsync(page, "forgot-ru");
        await page.FillAsync("#login", email);
        await page.ClickAsync("#forgot-form button[type=submit]");
        await page.Locator("#reset-sent").WaitForAsync();

        var link = Assert.Single(await Host.LinksSentToAsync(email));
        await page.GotoAsync(link);
        await PageChecks.AssertUsableAsync(page, "reset-ru");
        await page.FillAsync("#password", "Svezhiy9#");
        await page.FillAsync("#repeat", "Svezhiy9#");
        await page.ClickAsync("#reset-submit");
        await page.Locator("#reset-done").WaitForAsync();
        await page.ClickAsync("#sign-in-again");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", "Svezhiy9#");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains("Асель Нурова", await page.InnerTextAsync("header"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Resident_InKazakh_GetsALostAppealLinkBackWithTheCodeSentToHer()
    {
        var email = $"lost-{Guid.NewGuid():N}@test.kz";
        using var guest = Host.Client("kk");
        var (number, token, _) = await Host.FileAppealAsync(guest, await Host.AppealBodyAsync(email: email));
        // She confirmed her address when she filed; an unconfirmed one gets one message a day, and the registration was today's.
        await Host.ConfirmContactAsync(guest, token, email);

        var page = await Host.NewPhonePageAsync(language: "kk");
        await page.GotoAsync("/appeals/new");
        await page.ClickAsync("#lost-link");
        await PageChecks.AssertUsableAsync(page, "recover-kk");
        await page.FillAsync("#number", number);
        await page.FillAsync("#contact", email);
        await page.ClickAsync("#send-code");
        await page.Locator("#code-sent").WaitForAsync();

        var messages = await Host.DeliveredToAsync(email);
        var code = Regex.Match(messages.OrderBy(m => m.Id).Last().Body, @":\s*(\d{6})\b").Groups[1].Value;
        await page.FillAsync("#code", code);
        await page.ClickAsync("#use-code");
        await page.WaitForURLAsync(url => url.Contains("/appeals/track/", StringComparison.Ordinal));
        Assert.EndsWith($"/appeals/track/{token}", page.Url);
        Assert.Contains(number, await page.InnerTextAsync("h1"));
        await PageChecks.AssertUsableAsync(page, "recovered-kk");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Accounts;

/// <summary>
/// On a phone, in each language: someone signed in presses "sign out" in the page's header (a staff
/// member opens the menu first) and is signed out: a page for signed-in people now sends to the
/// sign-in form, and a copy of the sign-in cookie taken before is refused too.
/// </summary>
public sealed class SignOutJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Theory]
    [InlineData("kk", null)]
    [InlineData("ru", "Inspector")]
    [InlineData("en", "Admin")]
    public async Task SignedIn_PressesSignOutInTheHeader_AndIsSignedOut(string language, string? staffRole)
    {
        var email = staffRole is null ? await NewResidentAsync() : await Host.CreateStaffAsync(staffRole, staffRole == "Inspector" ? await AlmalyAsync() : null);
        var page = await Host.SignInAsync(email, language, phone: true);
        await page.GotoAsync("/account/profile");
        Assert.EndsWith("/account/profile", page.Url, StringComparison.Ordinal);
        await PageChecks.AssertUsableAsync(page, $"signed-in-{language}");

        var saved = await page.Context.CookiesAsync();

        var menu = page.Locator("header .menu-button");
        if (staffRole is not null)
        {
            await menu.ClickAsync();
            Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        }
        var signOut = page.Locator("header form[action='/account/logout'] button[type=submit]");
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        await signOut.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.Locator("header a[href='/account/login']")).ToBeVisibleAsync();
        await PageChecks.AssertUsableAsync(page, $"signed-out-{language}");

        await page.GotoAsync("/account/profile");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await PageChecks.AssertUsableAsync(page, $"signed-out-profile-{language}");
        await page.Context.CloseAsync();

        // Someone who copied the cookie before the sign-out gets nothing with it.
        var copy = await Host.Browser.NewContextAsync(new() { BaseURL = Host.BaseUrl });
        await copy.AddCookiesAsync(saved.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var replay = await copy.NewPageAsync();
        PageChecks.Watch(replay);
        await replay.GotoAsync("/account/profile");
        Assert.Contains("/account/login", replay.Url, StringComparison.Ordinal);
        await copy.CloseAsync();
    }

    private async Task<string> NewResidentAsync()
    {
        var email = $"sign-out-{Guid.NewGuid():N}@test.kz";
        using var api = Host.Client();
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/accounts",
            new { displayName = "Жанар Ахметова", email, password = ApiClient.DemoPassword })).EnsureSuccessStatusCode();
        return email;
    }

    private async Task<int> AlmalyAsync() => (await Host.BeatAtAsync("43.2510", "76.9210")).DistrictId;
}

using System.Net;
using System.Net.Http.Headers;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>
/// The next contact of a revoked device: whatever it asks with the cookie or the token of a session ended as device-revoked is answered
/// as signed out (401 for the API, the sign-in page for pages, even for a page anyone may open) with <c>Clear-Site-Data: "cache",
/// "storage"</c> and <c>Uchastok-Session: revoked</c>. A session ended otherwise (a sign-out) is refused without them. Every sign-out
/// clears the site's data too, and keeps working as before.
/// </summary>
public sealed class RevokedDeviceTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task ARevokedTablet_IsSignedOut_AndToldToWipe_OnPagesAndTheApi_ThenAsksAgainAsAnyoneWould()
    {
        var (email, browser, cookies, _, _) = await InspectorAsync();
        var saved = cookies.Copy();
        await EndAllAsync(email);

        var page = await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        AssertWiped(page);
        // The same cookie on a page anyone may open, and on the API (a copy: the answer above deleted it from "the browser").
        var home = await saved.Copy().SendAsync(browser, HttpMethod.Get, "/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/login", home.Headers.Location!.OriginalString);
        AssertWiped(home);
        var api = await saved.Copy().SendAsync(browser, HttpMethod.Get, "/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        AssertWiped(api);

        // The browser dropped the cookie: the sign-in page is an ordinary one.
        Assert.Null(cookies["uchastok.auth"]);
        var login = await cookies.SendAsync(browser, HttpMethod.Get, "/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False(login.Headers.Contains("Uchastok-Session"));
        Assert.False(login.Headers.Contains("Clear-Site-Data"));
    }

    [Fact]
    public async Task ARevokedApp_Gets401_AndTheWipeHeaders_EvenOnAnOpenEndpoint()
    {
        var (email, _, _, app, access) = await InspectorAsync();
        await EndAllAsync(email);

        foreach (var path in new[] { "/api/v1/auth/me", "/api/v1/about" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
            var response = await app.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            AssertWiped(response);
        }
    }

    [Fact]
    public async Task ASessionEndedBySigningOut_IsRefused_WithoutBeingToldItWasRevoked()
    {
        var (_, _, _, app, access) = await InspectorAsync();
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout"))
        {
            signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
            var response = await app.SendAsync(signOut);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal("\"cache\", \"storage\"", string.Join(", ", response.Headers.GetValues("Clear-Site-Data")));
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var after = await app.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.False(after.Headers.Contains("Uchastok-Session"));
    }

    [Fact]
    public async Task SigningOutFromThePage_ClearsTheSitesStorageAndCache_NotItsCookies()
    {
        var (_, browser, cookies, _, _) = await InspectorAsync();
        var profile = await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile");
        var signOut = await cookies.SendAsync(browser, HttpMethod.Post, "/account/logout",
            new() { ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(await profile.Content.ReadAsStringAsync()) });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var clear = string.Join(", ", signOut.Headers.GetValues("Clear-Site-Data"));
        Assert.Equal("\"cache\", \"storage\"", clear);
        Assert.DoesNotContain("cookies", clear, StringComparison.Ordinal);
        Assert.False(signOut.Headers.Contains("Uchastok-Session"));
        // The sign-out page's own answer is what it was: home, signed out.
        Assert.Equal("/", signOut.Headers.Location!.OriginalString);
        Assert.Null(cookies["uchastok.auth"]);
    }

    private static void AssertWiped(HttpResponseMessage response)
    {
        Assert.Equal("\"cache\", \"storage\"", string.Join(", ", response.Headers.GetValues("Clear-Site-Data")));
        Assert.Equal("revoked", Assert.Single(response.Headers.GetValues("Uchastok-Session")));
    }

    private async Task<(string Email, HttpClient Browser, SavedCookies Cookies, HttpClient App, string Access)> InspectorAsync()
    {
        var email = await factory.CreateStaffAsync("Inspector", (await factory.BeatAtAsync("43.2510", "76.9210")).DistrictId);
        var browser = SavedCookies.Client(factory);
        var cookies = await SavedCookies.SignInAsync(browser, email);
        var app = factory.Client();
        return (email, browser, cookies, app, (await SessionTests.LoginAsync(app, email)).Access);
    }

    private async Task EndAllAsync(string email)
    {
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var userId = (await (await admin.GetAsync("/api/v1/staff")).JsonAsync()).EnumerateArray().Single(s => s.GetProperty("email").GetString() == email).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsync($"/api/v1/staff/{userId}/sessions/end", null)).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>
/// Server-side sessions: refresh tokens are good once, a reused one ends its session, an access
/// token dies with its generation, and signing out or a new password ends every session of the
/// account, cookies saved before included. On SQLite, and on PostgreSQL with <c>UCHASTOK_TEST_DB=postgres</c>.
/// </summary>
public sealed class SessionTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Refresh_GivesANewRefreshToken_AndTheUsedOneAgain_EndsTheWholeSession()
    {
        var email = await NewResidentAsync();
        using var client = factory.Client();
        var first = await LoginAsync(client, email);

        var second = await RefreshAsync(client, first.Refresh);
        Assert.NotNull(second);
        Assert.NotEqual(first.Refresh, second.Value.Refresh);

        // The first refresh token again: someone else has a copy. 401, and the session's newest tokens die with it.
        Assert.Null(await RefreshAsync(client, first.Refresh));
        Assert.Null(await RefreshAsync(client, second.Value.Refresh));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, second.Value.Access));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        var session = await db.AccountSessions.AsNoTracking().SingleAsync(s => s.UserId == userId);
        Assert.Equal("refresh-reused", session.RevokedReason);
    }

    [Fact]
    public async Task Refresh_TheAccessTokenIssuedBefore_StopsWorking()
    {
        var email = await NewResidentAsync();
        using var client = factory.Client();
        var first = await LoginAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, first.Access));

        var second = (await RefreshAsync(client, first.Refresh))!.Value;

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, first.Access));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, second.Access));
        // And the next refresh goes on from the new token.
        Assert.NotNull(await RefreshAsync(client, second.Refresh));
    }

    [Fact]
    public async Task SignOut_FromTheHeaderForm_RefusesTheCookieSavedBefore_AndEndsTheAccountsOtherSessions()
    {
        var email = await NewResidentAsync();
        using var browser = SavedCookies.Client(factory);
        var cookies = await SavedCookies.SignInAsync(browser, email);
        var saved = cookies.Copy();
        using var api = factory.Client();
        var tokens = await LoginAsync(api, email);

        // The sign-out form of the page's header, with the token the page gave.
        var profile = await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var signOut = await cookies.SendAsync(browser, HttpMethod.Post, "/account/logout",
            new() { ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(await profile.Content.ReadAsStringAsync()) });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replayed = await saved.SendAsync(browser, HttpMethod.Get, "/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await saved.SendAsync(browser, HttpMethod.Get, "/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, tokens.Access));
        Assert.Null(await RefreshAsync(api, tokens.Refresh));
    }

    [Fact]
    public async Task SignOut_ByTheApi_EndsEverySessionOfTheAccount()
    {
        var email = await NewResidentAsync();
        using var browser = SavedCookies.Client(factory);
        var cookies = await SavedCookies.SignInAsync(browser, email);
        using var api = factory.Client();
        var phone = await LoginAsync(api, email);
        var laptop = await LoginAsync(api, email);

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", phone.Access);
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(signOut)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, phone.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, laptop.Access));
        Assert.Null(await RefreshAsync(api, laptop.Refresh));
        Assert.Equal(HttpStatusCode.Redirect, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);
        // Signing in again opens a new session.
        Assert.Equal(HttpStatusCode.OK, await MeAsync(api, (await LoginAsync(api, email)).Access));
    }

    [Fact]
    public async Task PasswordChange_EndsEverySession_CookiesAndTokens()
    {
        var email = await NewResidentAsync();
        using var browser = SavedCookies.Client(factory);
        var cookies = await SavedCookies.SignInAsync(browser, email);
        using var api = factory.Client();
        var tokens = await LoginAsync(api, email);
        Assert.Equal(HttpStatusCode.OK, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.ChangePasswordAsync(user, ApiClient.DemoPassword, "Changed-Pass-77")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, tokens.Access));
        Assert.Null(await RefreshAsync(api, tokens.Refresh));
    }

    [Fact]
    public async Task PasswordReset_EndsEverySession()
    {
        var email = await NewResidentAsync();
        using var api = factory.Client();
        var tokens = await LoginAsync(api, email);

        await ResetPasswordThroughThePageAsync(factory, email, "Reset-Pass-88");

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, tokens.Access));
        Assert.Null(await RefreshAsync(api, tokens.Refresh));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(api, (await LoginAsync(api, email, "Reset-Pass-88")).Access));
    }

    [Fact]
    public async Task Cookie_WithoutASession_IsRefused()
    {
        // A cookie minted by the same keys but for no session (as one issued before sessions existed) opens nothing.
        var email = await NewResidentAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        using var browser = SavedCookies.Client(factory);
        var cookies = await SavedCookies.SignInAsync(browser, email);
        var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        await db.AccountSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
        // As on a node that has not seen the session: this one remembers it open for a second (SessionMemoryTests).
        factory.Services.GetRequiredService<OpenSessionCache>().ForgetAccount(userId);
        Assert.Equal(HttpStatusCode.Redirect, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Resident", HttpStatusCode.NoContent)]
    [InlineData("Inspector", HttpStatusCode.NoContent)]
    [InlineData("Supervisor", HttpStatusCode.NoContent)]
    [InlineData("Partner", HttpStatusCode.NoContent)]
    [InlineData("Admin", HttpStatusCode.NoContent)]
    public async Task SignOutByApi_RoleMatrix_AnySignedInAccountForItself(string? role, HttpStatusCode expected)
    {
        using var client = factory.Client();
        if (role is not null)
        {
            var district = role is "Inspector" or "Supervisor" ? (await factory.BeatAtAsync("43.2510", "76.9210")).DistrictId : (int?)null;
            var email = role == "Resident" ? await NewResidentAsync() : await factory.CreateStaffAsync(role, district);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await LoginAsync(client, email)).Access);
        }
        Assert.Equal(expected, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);
    }

    internal static async Task ResetPasswordThroughThePageAsync(UchastokAppFactory factory, string email, string newPassword)
    {
        string userId, token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            userId = user.Id;
            token = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        }
        using var browser = factory.Client();
        var path = $"/account/reset?user={Uri.EscapeDataString(userId)}&token={token}";
        var page = await browser.GetStringAsync(path);
        var done = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = userId, ["token"] = token, ["password"] = newPassword, ["repeat"] = newPassword,
            ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("id=\"reset-done\"", await done.Content.ReadAsStringAsync());
    }

    private Task<string> NewResidentAsync() => NewResidentAsync(factory);

    internal static async Task<string> NewResidentAsync(UchastokAppFactory factory)
    {
        using var client = factory.Client();
        var email = $"session-{Guid.NewGuid():N}@test.kz";
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Сессия", email, password = ApiClient.DemoPassword });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    internal static async Task<(string Access, string Refresh)> LoginAsync(HttpClient client, string email, string password = ApiClient.DemoPassword)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private static async Task<(string Access, string Refresh)?> RefreshAsync(HttpClient client, string refreshToken)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
        if (response.StatusCode == HttpStatusCode.Unauthorized) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    internal static async Task<HttpStatusCode> MeAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await client.SendAsync(request)).StatusCode;
    }
}

/// <summary>
/// The node's memory of open sessions (<see cref="OpenSessionCache"/>): a session ended on another node
/// sharing the database is refused here once this node's memory of it is <see cref="OpenSessionCache.MaxAge"/>
/// old, and not before; what this node ends itself is refused at once (<see cref="SessionTests"/>).
/// </summary>
public sealed class SessionMemoryTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task ASessionEndedOnAnotherNode_IsRefusedHere_WhenThisNodesMemoryOfItIsASecondOld()
    {
        var email = await SessionTests.NewResidentAsync(factory);
        using var api = factory.Client();
        var tokens = await SessionTests.LoginAsync(api, email);
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, tokens.Access));

        // Another node signs the account out: only the shared rows change.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal(1, await db.AccountSessions.Where(s => s.UserId == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAtUtc, now).SetProperty(s => s.RevokedReason, "sign-out")));
        }

        // Within the second this node still answers from its memory; after it, from the row.
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, tokens.Access));
        factory.Clock.Advance(OpenSessionCache.MaxAge);
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionTests.MeAsync(api, tokens.Access));
    }

    [Fact]
    public async Task AnAccessTokenThisNodeHasRead_StopsWorkingWhenItExpires_ThoughItsSessionLivesOn()
    {
        var email = await SessionTests.NewResidentAsync(factory);
        using var api = factory.Client();
        var tokens = await SessionTests.LoginAsync(api, email);
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, tokens.Access));

        // An access token lives an hour; its session (and refresh token) fourteen days.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionTests.MeAsync(api, tokens.Access));
        var refreshed = await api.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.Refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, (await refreshed.JsonAsync()).GetProperty("accessToken").GetString()!));
    }

    [Fact]
    public async Task ANewPasswordSetThroughTheAccountManager_EndsTheSessionThisNodeRemembers_AtOnce()
    {
        var email = await SessionTests.NewResidentAsync(factory);
        using var api = factory.Client();
        var tokens = await SessionTests.LoginAsync(api, email);
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, tokens.Access));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.IsType<UchastokUserManager>(users);
            Assert.True((await users.ChangePasswordAsync((await users.FindByEmailAsync(email))!, ApiClient.DemoPassword, "Another-Pass-91")).Succeeded);
        }

        // The clock has not moved: the memory was forgotten, not outlived.
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionTests.MeAsync(api, tokens.Access));
    }
}

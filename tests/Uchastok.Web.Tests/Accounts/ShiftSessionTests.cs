using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>
/// A staff member's session lasts one shift (<c>Accounts:ShiftLength</c>, 12 hours by default) from sign-in, by cookie and by bearer
/// token, whatever the sliding cookie or a refresh would give; the cookie and the tokens never promise more than the row. Residents keep
/// the sliding cookie and the fourteen-day refresh. On a moved clock; each test signs in at the clock's present.
/// </summary>
public sealed class ShiftSessionTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private static readonly TimeSpan Shift = TimeSpan.FromHours(12);

    [Fact]
    public async Task Bearer_OfAnInspector_EndsWithTheShift_AndARefreshAfterItIsRefused()
    {
        var email = await InspectorAsync();
        using var api = factory.Client();
        var signedInAt = factory.Clock.GetUtcNow();
        var login = await (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.DemoPassword })).JsonAsync();
        Assert.Equal(3600, login.GetProperty("expiresIn").GetInt64());
        var refresh = login.GetProperty("refreshToken").GetString()!;
        Assert.Equal(signedInAt + Shift, RefreshTokenExpiry(refresh));
        Assert.Equal((signedInAt + Shift).UtcDateTime, (await SessionOfAsync(email)).ExpiresAtUtc);

        // Half an hour before the shift ends: the refresh works, and its tokens say they last half an hour.
        factory.Clock.Advance(TimeSpan.FromHours(11.5));
        var refreshed = await api.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await refreshed.JsonAsync();
        Assert.Equal(1800, second.GetProperty("expiresIn").GetInt64());
        Assert.Equal(signedInAt + Shift, RefreshTokenExpiry(second.GetProperty("refreshToken").GetString()!));
        Assert.Equal((signedInAt + Shift).UtcDateTime, (await SessionOfAsync(email)).ExpiresAtUtc);
        var access = second.GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, access));

        // The shift is over: the access token and the refresh are refused; the session was not "reused", only ended by its shift.
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionTests.MeAsync(api, access));
        var late = await api.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Null((await SessionOfAsync(email)).RevokedReason);
    }

    [Fact]
    public async Task Cookie_OfAnInspector_SlidesNoFurtherThanTheShift()
    {
        var email = await InspectorAsync();
        using var browser = SavedCookies.Client(factory);
        var signedInAt = factory.Clock.GetUtcNow();
        var cookies = await SavedCookies.SignInAsync(browser, email);
        Assert.Equal(signedInAt + AccountSessions.CookieLifetime, CookieExpiry(cookies));

        // Five hours in, the sliding cookie is renewed: to the end of the shift, not eight hours on; the row says the same.
        factory.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);
        Assert.Equal(signedInAt + Shift, CookieExpiry(cookies));
        Assert.Equal((signedInAt + Shift).UtcDateTime, (await SessionOfAsync(email)).ExpiresAtUtc);

        factory.Clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);
        Assert.Equal(signedInAt + Shift, CookieExpiry(cookies));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resident_KeepsTheSlidingCookie_AndTheFourteenDayRefresh()
    {
        var email = await SessionTests.NewResidentAsync(factory);
        using var api = factory.Client();
        var signedInAt = factory.Clock.GetUtcNow();
        var login = await SessionTests.LoginAsync(api, email);
        Assert.Equal(signedInAt + AccountSessions.RefreshLifetime, RefreshTokenExpiry(login.Refresh));
        using var browser = SavedCookies.Client(factory);
        var cookies = await SavedCookies.SignInAsync(browser, email);

        factory.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);
        Assert.Equal(signedInAt + TimeSpan.FromHours(5) + AccountSessions.CookieLifetime, CookieExpiry(cookies));

        // Twelve and a half hours after sign-in, past any shift, the resident is still signed in.
        factory.Clock.Advance(TimeSpan.FromHours(7.5));
        Assert.Equal(HttpStatusCode.OK, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);
        var refreshed = await api.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.Refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(3600, (await refreshed.JsonAsync()).GetProperty("expiresIn").GetInt64());
    }

    [Fact]
    public async Task ADeviceRevokedOnAnotherNode_IsRefusedAndToldToWipe_WhenThisNodesMemoryOfItIsASecondOld()
    {
        var email = await InspectorAsync();
        using var api = factory.Client();
        var tokens = await SessionTests.LoginAsync(api, email);
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, tokens.Access));

        // Another node's supervisor ends the session: only the shared row changes.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal(1, await db.AccountSessions.Where(s => s.UserId == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAtUtc, now).SetProperty(s => s.RevokedReason, AccountSessions.DeviceRevoked)));
        }

        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, tokens.Access));
        factory.Clock.Advance(OpenSessionCache.MaxAge);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.Access);
        var refused = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("revoked", Assert.Single(refused.Headers.GetValues(RevokedDevices.SessionHeader)));
    }

    [Fact]
    public async Task Open_RecordsTheShiftsEnd_OfAStaffSessionOnly_AndStartUpFillsItForOneOpenedBefore()
    {
        var inspector = await InspectorAsync();
        var resident = await SessionTests.NewResidentAsync(factory);
        using var api = factory.Client();
        var signedInAt = factory.Clock.GetUtcNow();
        foreach (var email in new[] { inspector, resident })
            (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.DemoPassword })).EnsureSuccessStatusCode();

        var session = await SessionOfAsync(inspector);
        Assert.Equal((signedInAt + Shift).UtcDateTime, session.ShiftEndsAtUtc);
        Assert.Null((await SessionOfAsync(resident)).ShiftEndsAtUtc);

        // As a session opened before the column: its shift's end is filled at start-up from its sign-in and the configured shift.
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().AccountSessions.Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ShiftEndsAtUtc, (DateTime?)null));
        Assert.True(await AccountSessions.FillMissingShiftEndsAsync(factory.Services) >= 1);
        Assert.Equal((signedInAt + Shift).UtcDateTime, (await SessionOfAsync(inspector)).ShiftEndsAtUtc);
        Assert.Null((await SessionOfAsync(resident)).ShiftEndsAtUtc);
    }

    private async Task<string> InspectorAsync() =>
        await factory.CreateStaffAsync("Inspector", (await factory.BeatAtAsync("43.2510", "76.9210")).DistrictId);

    private async Task<AccountSession> SessionOfAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        return await db.AccountSessions.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAtUtc).FirstAsync();
    }

    private DateTimeOffset? RefreshTokenExpiry(string refreshToken) =>
        factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme)
            .RefreshTokenProtector.Unprotect(refreshToken)!.Properties.ExpiresUtc;

    private DateTimeOffset? CookieExpiry(SavedCookies cookies) =>
        factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme)
            .TicketDataFormat.Unprotect(cookies["uchastok.auth"])!.Properties.ExpiresUtc;
}

/// <summary>A deployment with six-hour shifts (<c>Accounts:ShiftLength</c>), shorter than the cookie's own eight hours.</summary>
public sealed class SixHourShiftFactory : ClockedAppFactory
{
    public SixHourShiftFactory() => Settings = new Dictionary<string, string> { ["Accounts:ShiftLength"] = "06:00:00" };
}

/// <summary>The shift's length is the deployment's: with six-hour shifts, both kinds of session end six hours after sign-in, the cookie from its first answer.</summary>
public sealed class ShiftLengthSettingTests(SixHourShiftFactory factory) : IClassFixture<SixHourShiftFactory>
{
    [Fact]
    public async Task SixHourShifts_EndTheCookieAndTheTokensSixHoursAfterSignIn()
    {
        var email = await factory.CreateStaffAsync("Supervisor", (await factory.BeatAtAsync("43.2510", "76.9210")).DistrictId);
        var signedInAt = factory.Clock.GetUtcNow();
        using var browser = SavedCookies.Client(factory);
        var cookies = await SavedCookies.SignInAsync(browser, email);
        Assert.Equal(signedInAt + TimeSpan.FromHours(6), factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat.Unprotect(cookies["uchastok.auth"])!.Properties.ExpiresUtc);
        using var api = factory.Client();
        var login = await (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.DemoPassword })).JsonAsync();
        Assert.Equal(signedInAt + TimeSpan.FromHours(6), factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>()
            .Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(login.GetProperty("refreshToken").GetString()!)!.Properties.ExpiresUtc);

        factory.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(HttpStatusCode.Redirect, (await cookies.SendAsync(browser, HttpMethod.Get, "/account/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await api.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() })).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>
/// A lost tablet: the district's supervisor (or the administrator) sees his staff's open sessions — whose, browser or app, opened,
/// ending; no address, no user agent, no session id — and ends one, or all of one officer's, as device-revoked; the device is refused
/// at once on this node. Outside his district, "not found", and nothing changes. Every list is logged as a read of personal data.
/// </summary>
public sealed class StaffSessionTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string Supervisor = "supervisor.almaly@demo.kz";

    [Fact]
    public async Task Supervisor_SeesHisDistrictsStaffSessions_WithoutAddressOrId_AndNotAnotherDistricts()
    {
        var (inspector, _, _) = await InspectorWithTwoDevicesAsync();
        var inspectorId = await UserIdAsync(inspector);
        var stranger = await factory.CreateStaffAsync("Inspector", await OtherDistrictAsync());
        using var strangerApi = factory.Client();
        await SessionTests.LoginAsync(strangerApi, stranger);
        var before = await LogRowsAsync("staff-sessions");

        using var supervisor = await factory.SignedInAsync(Supervisor);
        var response = await supervisor.GetAsync("/api/v1/staff/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var mine = JsonDocument.Parse(body).RootElement.EnumerateArray().Where(s => s.GetProperty("userId").GetString() == inspectorId).ToList();
        Assert.Equal(new[] { "app", "browser" }, mine.Select(s => s.GetProperty("kind").GetString()!).Order().ToArray());
        Assert.All(mine, s => Assert.Equal("Test Inspector", s.GetProperty("name").GetString()));
        Assert.All(mine, s => Assert.True(s.GetProperty("endsAtUtc").GetDateTime() > s.GetProperty("openedAtUtc").GetDateTime()));
        Assert.DoesNotContain(await UserIdAsync(stranger), body, StringComparison.Ordinal);
        // The session's id is the cookie's secret; only a digest of it is shown. No network address or user agent is kept at all.
        foreach (var id in await SessionIdsAsync(inspector)) Assert.DoesNotContain(id, body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.Equal(before + 1, await LogRowsAsync("staff-sessions"));
    }

    [Fact]
    public async Task Supervisor_EndsTheTabletsSession_ItIsRefusedAtOnce_AndTheOfficersOtherDeviceGoesOn()
    {
        var (inspector, tablet, phone) = await InspectorWithTwoDevicesAsync();
        using var supervisor = await factory.SignedInAsync(Supervisor);
        var handle = (await SessionsOfAsync(supervisor, inspector)).Single(s => s.GetProperty("kind").GetString() == "browser").GetProperty("handle").GetString();

        var ended = await supervisor.PostAsync($"/api/v1/staff/sessions/{handle}/end", null);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(1, (await ended.JsonAsync()).GetProperty("count").GetInt32());

        var refused = await tablet.Cookies.SendAsync(tablet.Client, HttpMethod.Get, "/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(phone.Client, phone.Access));
        var row = (await RowsAsync(inspector)).Single(s => s.Kind == AccountSessions.CookieKind);
        Assert.Equal(AccountSessions.DeviceRevoked, row.RevokedReason);
        Assert.NotNull(row.RevokedAtUtc);
        // It is gone from the list, and ending it again is "not found".
        Assert.DoesNotContain(await SessionsOfAsync(supervisor, inspector), s => s.GetProperty("handle").GetString() == handle);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"/api/v1/staff/sessions/{handle}/end", null)).StatusCode);
    }

    [Fact]
    public async Task Administrator_EndsEverySessionOfAnOfficer()
    {
        var (inspector, tablet, phone) = await InspectorWithTwoDevicesAsync();
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var ended = await admin.PostAsync($"/api/v1/staff/{await UserIdAsync(inspector)}/sessions/end", null);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(2, (await ended.JsonAsync()).GetProperty("count").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, await SessionTests.MeAsync(phone.Client, phone.Access));
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.Cookies.SendAsync(tablet.Client, HttpMethod.Get, "/account/profile")).StatusCode);
        Assert.All(await RowsAsync(inspector), s => Assert.Equal(AccountSessions.DeviceRevoked, s.RevokedReason));
        // Signing in again opens a new session, which works.
        using var again = factory.Client();
        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(again, (await SessionTests.LoginAsync(again, inspector)).Access));
    }

    [Fact]
    public async Task Supervisor_OfAnotherDistrict_GetsNotFound_AndNothingChanges()
    {
        var stranger = await factory.CreateStaffAsync("Inspector", await OtherDistrictAsync());
        using var api = factory.Client();
        var tokens = await SessionTests.LoginAsync(api, stranger);
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var handle = (await SessionsOfAsync(admin, stranger)).Single().GetProperty("handle").GetString();

        using var supervisor = await factory.SignedInAsync(Supervisor);
        var one = await supervisor.PostAsync($"/api/v1/staff/sessions/{handle}/end", null);
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal("application/problem+json", one.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"/api/v1/staff/{await UserIdAsync(stranger)}/sessions/end", null)).StatusCode);
        // A resident is no staff: not his to end either.
        var resident = await SessionTests.NewResidentAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/staff/{await UserIdAsync(resident)}/sessions/end", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await SessionTests.MeAsync(api, tokens.Access));
        Assert.All(await RowsAsync(stranger), s => Assert.Null(s.RevokedAtUtc));
    }

    [Fact]
    public async Task Page_AsksFirst_NamingWhoseSessionEnds_AndThatUnsentOfflineWorkIsLost_ThenEndsIt()
    {
        var (inspector, tablet, _) = await InspectorWithTwoDevicesAsync();
        using var browser = SavedCookies.Client(factory, "ru");
        var supervisor = await SavedCookies.SignInAsync(browser, Supervisor);
        using var api = await factory.SignedInAsync(Supervisor);
        var handle = (await SessionsOfAsync(api, inspector)).Single(s => s.GetProperty("kind").GetString() == "browser").GetProperty("handle").GetString()!;

        var list = await (await supervisor.SendAsync(browser, HttpMethod.Get, "/staff/sessions")).Content.ReadAsStringAsync();
        Assert.Contains($"data-session=\"{handle}\"", list, StringComparison.Ordinal);
        var confirm = await supervisor.SendAsync(browser, HttpMethod.Get, $"/staff/sessions?end={handle}");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var page = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("Завершить сеанс сотрудника Test Inspector?", page, StringComparison.Ordinal);
        Assert.Contains("ещё не отправленная, будет потеряна", page, StringComparison.Ordinal);
        // Asking is not ending.
        Assert.Equal(HttpStatusCode.OK, (await tablet.Cookies.SendAsync(tablet.Client, HttpMethod.Get, "/account/profile")).StatusCode);

        var done = await supervisor.SendAsync(browser, HttpMethod.Post, "/staff/sessions?handler=End", new()
        {
            ["handle"] = handle, ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page),
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Сеанс сотрудника Test Inspector завершён.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.Cookies.SendAsync(tablet.Client, HttpMethod.Get, "/account/profile")).StatusCode);

        // The same again (a second click, a stale page): said so in Russian, 404, nothing else changes.
        var again = await supervisor.SendAsync(browser, HttpMethod.Post, "/staff/sessions?handler=End", new()
        {
            ["handle"] = handle, ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page),
        });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Этот сеанс уже завершён", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal sealed record Device(HttpClient Client, SavedCookies Cookies, string Access);

    /// <summary>A new inspector of the supervisor's district, signed in on a tablet's browser (cookie) and on a phone app (bearer).</summary>
    private async Task<(string Email, Device Tablet, Device Phone)> InspectorWithTwoDevicesAsync()
    {
        var email = await factory.CreateStaffAsync("Inspector", (await factory.BeatAtAsync("43.2510", "76.9210")).DistrictId);
        var browser = SavedCookies.Client(factory);
        var cookies = await SavedCookies.SignInAsync(browser, email);
        var app = factory.Client();
        var tokens = await SessionTests.LoginAsync(app, email);
        return (email, new Device(browser, cookies, string.Empty), new Device(app, new SavedCookies(), tokens.Access));
    }

    private async Task<int> OtherDistrictAsync() => (await factory.BeatAtAsync("43.2080", "76.8700")).DistrictId;

    private async Task<List<JsonElement>> SessionsOfAsync(HttpClient reader, string email)
    {
        var userId = await UserIdAsync(email);
        var all = await reader.GetFromJsonAsync<JsonElement>("/api/v1/staff/sessions");
        return all.EnumerateArray().Where(s => s.GetProperty("userId").GetString() == userId).ToList();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Users.SingleAsync(u => u.Email == email)).Id;
    }

    private async Task<List<AccountSession>> RowsAsync(string email)
    {
        var userId = await UserIdAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().AccountSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync();
    }

    private async Task<List<string>> SessionIdsAsync(string email) => (await RowsAsync(email)).Select(s => s.Id).ToList();

    private async Task<int> LogRowsAsync(string purpose)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().PersonalDataAccesses.CountAsync(a => a.Purpose == purpose);
    }
}

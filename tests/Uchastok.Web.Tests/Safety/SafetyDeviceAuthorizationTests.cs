using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>
/// Every SOS-device route and page for every kind of caller: only administrators list, register, rekey and revoke devices
/// (a body the rules refuse for registering, so a 400 proves the caller got through and nothing is stored); the event
/// route answers no signed-in person, only a device key (401 for all of them); an alarm's media link is for the beat's
/// inspector, the district's supervisor and administrators (302), 404 for another beat's inspector, 403 for the rest.
/// </summary>
public sealed class SafetyDeviceAuthorizationTests(SafetyDeviceAuthorizationTests.Fixture fixture) : IClassFixture<SafetyDeviceAuthorizationTests.Fixture>
{
    public sealed class Fixture : UchastokAppFactory
    {
        private readonly MadeOnce<Data> _data = new();

        public sealed record Data(int Device, int RekeyDevice, int RevokeDevice, long Alarm, string Partner);

        public Task<Data> DataAsync() => _data.GetAsync(async () =>
        {
            using var admin = await this.SignedInAsync("admin@demo.kz");
            async Task<(int Id, string Authorization)> RegisterAsync(string name)
            {
                var response = await admin.PostAsJsonAsync("/api/v1/safety/devices", new { kind = "building-panic-button", name, place = "School 12, front desk", lat = Lat, lon = Lon, hasCamera = true });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var body = await response.JsonAsync();
                return (body.GetProperty("device").GetProperty("id").GetInt32(), body.GetProperty("authorization").GetString()!);
            }
            var (device, authorization) = await RegisterAsync("Matrix button");
            using var client = this.Client();
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
            var alarm = await client.PostAsJsonAsync("/api/v1/safety/device-events", new { eventId = "matrix-1", occurredAtUtc = DateTime.UtcNow.ToString("o"), mediaUrl = "https://cams.example.kz/clip/1" });
            Assert.Equal(HttpStatusCode.Created, alarm.StatusCode);
            // Each caller's rekey and revoke runs against a device of its own, so that one row's success cannot change another's answer.
            var rekey = (await RegisterAsync("Rekey button")).Id;
            var revoke = (await RegisterAsync("Revoke button")).Id;
            return new Data(device, rekey, revoke, (await alarm.JsonAsync()).GetProperty("id").GetInt64(), await this.CreateStaffAsync("Partner", null));
        });
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK, Bad = HttpStatusCode.BadRequest, None = HttpStatusCode.NotFound, Gone = HttpStatusCode.NoContent,
        Moved = HttpStatusCode.Redirect, NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden;

    /// <summary>The callers, in the order of every row's expectations.</summary>
    private static readonly string[] Callers =
        ["anonymous", "resident1@demo.kz", "partner", "inspector1@demo.kz", "inspector2@demo.kz", "juvenile.almaly@demo.kz", "women.almaly@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz",
         "duty.almaly@demo.kz"];

    private static readonly (string Method, string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("GET", "/api/v1/safety/devices", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Ok, Denied]),
        ("POST", "/api/v1/safety/devices", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Bad, Denied]),
        ("POST", "/api/v1/safety/devices/{rekey}/key", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Ok, Denied]),
        ("POST", "/api/v1/safety/devices/{revoke}/revoke", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Gone, Denied]),
        ("POST", "/api/v1/safety/device-events", [NoAuth, NoAuth, NoAuth, NoAuth, NoAuth, NoAuth, NoAuth, NoAuth, NoAuth, NoAuth]),
        // The district's duty officer opens his district's footage, as its supervisor does.
        ("GET", "/api/v1/safety/incidents/{alarm}/media", [NoAuth, Denied, Denied, Moved, None, Denied, Denied, Moved, Moved, Moved]),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> Matrix() => RoleMatrix.Rows(Callers, Routes);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string method, string path, HttpStatusCode expected)
    {
        var data = await fixture.DataAsync();
        // Admin's rekey and revoke rows are the only ones that change a device: theirs are made for them.
        var url = path.Replace("{rekey}", data.RekeyDevice.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{revoke}", data.RevokeDevice.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{alarm}", data.Alarm.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = JsonContent.Create(new { kind = "NoSuchKind", eventId = "matrix-x", occurredAtUtc = DateTime.UtcNow.ToString("o") });

        await fixture.AssertRouteAsync(who, method, url, expected, body, ("partner", data.Partner));
    }

    /// <summary>The page for the same callers, signed in through the login form: "login" and "denied" are the sign-in cookie's redirects.</summary>
    private static readonly (string Path, string Answers)[] Pages =
    [
        ("/admin/safety/devices", "login denied denied denied denied denied denied denied 200 denied"),
    ];

    public static TheoryData<string, string, string> PageMatrix() => RoleMatrix.PageRows(Callers, Pages);

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task EachCaller_OpensOnlyThePagesItsPositionAllows(string who, string path, string expected)
    {
        var data = await fixture.DataAsync();
        await fixture.AssertPageAsync(who, path, expected, ("partner", data.Partner));
    }
}

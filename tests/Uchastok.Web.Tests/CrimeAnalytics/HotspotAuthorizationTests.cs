using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.CrimeAnalytics;

/// <summary>
/// Every crime analytics route and page for every kind of caller: staff only (inspector, supervisor, administrator);
/// an inspector his beat and his district, a supervisor his district and its beats, the city the administrator's alone.
/// </summary>
public sealed class HotspotAuthorizationTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK, NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden;

    /// <summary>The callers, in the order of every row's expectations.</summary>
    private static readonly string[] Callers =
        ["anonymous", "resident1@demo.kz", "inspector1@demo.kz", "inspector2@demo.kz", "juvenile.almaly@demo.kz", "duty.almaly@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz"];

    private static readonly (string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("/api/v1/analytics/categories", [NoAuth, Denied, Ok, Ok, Denied, Denied, Ok, Ok]),
        ("/api/v1/analytics/hotspots?scope=district&id={district}", [NoAuth, Denied, Ok, Ok, Denied, Denied, Ok, Ok]),
        ("/api/v1/analytics/hotspots?scope=beat&id={beat}", [NoAuth, Denied, Ok, Denied, Denied, Denied, Ok, Ok]),
        ("/api/v1/analytics/hotspots?scope=city", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Ok]),
        ("/api/v1/analytics/counts?scope=district&id={district}", [NoAuth, Denied, Ok, Ok, Denied, Denied, Ok, Ok]),
        ("/api/v1/analytics/counts?scope=beat&id={beat}", [NoAuth, Denied, Ok, Denied, Denied, Denied, Ok, Ok]),
        ("/api/v1/analytics/counts?scope=city", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Ok]),
    ];

    public static TheoryData<string, string, HttpStatusCode> Matrix() => RoleMatrix.Rows(Callers, Routes);

    private async Task<string> UrlAsync(string path)
    {
        var (beat, district) = await factory.BeatAtAsync(HotspotTestData.OwnLat, HotspotTestData.OwnLon);
        return path.Replace("{beat}", beat.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{district}", district.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string path, HttpStatusCode expected)
    {
        await factory.AssertRouteAsync(who, "GET", await UrlAsync(path), expected);
    }

    /// <summary>The page for the same callers, signed in through the login form: "login" and "denied" are the sign-in cookie's redirects.</summary>
    private static readonly (string Path, string Answers)[] Pages =
    [
        ("/analytics/hotspots", "login denied 200 200 denied denied 200 200"),
        ("/analytics/hotspots?area=district-{district}", "login denied 200 200 denied denied 200 200"),
        ("/analytics/hotspots?area=beat-{beat}", "login denied 200 denied denied denied 200 200"),
        ("/analytics/hotspots?area=city", "login denied denied denied denied denied denied 200"),
    ];

    public static TheoryData<string, string, string> PageMatrix() => RoleMatrix.PageRows(Callers, Pages);

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task EachCaller_OpensOnlyThePagesItsPositionAndScopeAllow(string who, string path, string expected)
    {
        await factory.AssertPageAsync(who, await UrlAsync(path), expected);
    }
}

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

    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var (path, expected) in Routes)
            for (var i = 0; i < Callers.Length; i++) data.Add(Callers[i], path, expected[i]);
        return data;
    }

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
        var url = await UrlAsync(path);
        using var client = who == "anonymous" ? factory.Client() : await factory.SignedInAsync(who);

        var response = await client.GetAsync(url);

        Assert.True(expected == response.StatusCode, $"{who} GET {url}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The page for the same callers, signed in through the login form: "login" and "denied" are the sign-in cookie's redirects.</summary>
    private static readonly (string Path, string Answers)[] Pages =
    [
        ("/analytics/hotspots", "login denied 200 200 denied denied 200 200"),
        ("/analytics/hotspots?area=district-{district}", "login denied 200 200 denied denied 200 200"),
        ("/analytics/hotspots?area=beat-{beat}", "login denied 200 denied denied denied 200 200"),
        ("/analytics/hotspots?area=city", "login denied denied denied denied denied denied 200"),
    ];

    public static TheoryData<string, string, string> PageMatrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, answers) in Pages)
        {
            var codes = answers.Split(' ');
            for (var i = 0; i < Callers.Length; i++) data.Add(Callers[i], path, codes[i]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task EachCaller_OpensOnlyThePagesItsPositionAndScopeAllow(string who, string path, string expected)
    {
        var url = await UrlAsync(path);
        using var client = who == "anonymous" ? factory.Client() : await factory.SignedInWithCookieAsync(who);

        var response = await client.GetAsync(url);

        if (expected is "login" or "denied")
        {
            Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"{who} {url}: expected a redirect, got {(int)response.StatusCode}");
            var location = response.Headers.Location!;
            Assert.StartsWith(expected == "login" ? "/account/login" : "/account/access-denied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
        else Assert.True((HttpStatusCode)int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture) == response.StatusCode, $"{who} {url}: expected {expected}, got {(int)response.StatusCode}");
    }
}

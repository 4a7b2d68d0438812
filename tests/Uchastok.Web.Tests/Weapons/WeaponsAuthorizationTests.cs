using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Weapons.WeaponsTestData;

namespace Uchastok.Web.Tests.Weapons;

/// <summary>
/// Every weapons route and page for every kind of caller, against a holder and a storage site on inspector1's beat:
/// the beat's inspector, the district's supervisor, the licensing officer and the administrator read them; everyone
/// else — another beat's inspector, residents, partners, the juvenile, women-protection and duty officers — is
/// answered "not found", never "forbidden" (ADR 0010). Writes carry a body the rules refuse, so a 400 proves the
/// caller got through to them and nothing is changed; an inspection is the inspector's and supervisor's only (403).
/// </summary>
public sealed class WeaponsAuthorizationTests(WeaponsAuthorizationTests.Fixture fixture) : IClassFixture<WeaponsAuthorizationTests.Fixture>
{
    public sealed class Fixture : WeaponsFactory
    {
        private readonly MadeOnce<(long Holder, long Permit, long Site, string Partner)> _data = new();

        public Task<(long Holder, long Permit, long Site, string Partner)> DataAsync() => _data.GetAsync(async () =>
        {
            using var inspector = await this.SignedInAsync("inspector1@demo.kz");
            var beat = await BeatOfAsync(this, "inspector1@demo.kz");
            var holder = await AddHolderAsync(inspector, Holder(beat, TestIins.New()));
            var site = await AddSiteAsync(inspector, beat);
            return (holder.GetProperty("id").GetInt64(), holder.GetProperty("weapons")[0].GetProperty("id").GetInt64(), site.GetProperty("id").GetInt64(),
                await this.CreateStaffAsync("Partner", null));
        });
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK, Bad = HttpStatusCode.BadRequest, None = HttpStatusCode.NotFound,
        NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden;

    /// <summary>The callers, in the order of every row's expectations.</summary>
    private static readonly string[] Callers =
    [
        "anonymous", "resident1@demo.kz", "partner", "inspector1@demo.kz", "inspector2@demo.kz", "juvenile.almaly@demo.kz", "women.almaly@demo.kz",
        "duty.almaly@demo.kz", "supervisor.almaly@demo.kz", "licensing@demo.kz", "admin@demo.kz",
    ];

    private static readonly (string Method, string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("GET", "/api/v1/weapons/terms", [NoAuth, None, None, Ok, Ok, None, None, None, Ok, Ok, Ok]),
        ("GET", "/api/v1/weapons/holders", [NoAuth, None, None, Ok, Ok, None, None, None, Ok, Ok, Ok]),
        ("POST", "/api/v1/weapons/holders", [NoAuth, None, None, Bad, Bad, None, None, None, Bad, Bad, Bad]),
        ("POST", "/api/v1/weapons/holders/import", [NoAuth, None, None, Bad, Bad, None, None, None, Bad, Bad, Bad]),
        ("GET", "/api/v1/weapons/holders/{holder}", [NoAuth, None, None, Ok, None, None, None, None, Ok, Ok, Ok]),
        ("PUT", "/api/v1/weapons/holders/{holder}", [NoAuth, None, None, Bad, None, None, None, None, Bad, Bad, Bad]),
        ("POST", "/api/v1/weapons/holders/{holder}/weapons", [NoAuth, None, None, Bad, None, None, None, None, Bad, Bad, Bad]),
        ("POST", "/api/v1/weapons/permits/{permit}/verification", [NoAuth, None, None, Bad, None, None, None, None, Bad, Bad, Bad]),
        ("GET", "/api/v1/weapons/sites", [NoAuth, None, None, Ok, Ok, None, None, None, Ok, Ok, Ok]),
        ("POST", "/api/v1/weapons/sites", [NoAuth, None, None, Bad, Bad, None, None, None, Bad, Bad, Bad]),
        ("GET", "/api/v1/weapons/sites/{site}", [NoAuth, None, None, Ok, None, None, None, None, Ok, Ok, Ok]),
        ("POST", "/api/v1/weapons/sites/{site}/inspections", [NoAuth, None, None, Bad, None, None, None, None, Bad, Denied, Denied]),
        ("GET", "/api/v1/weapons/day", [NoAuth, None, None, Ok, Ok, None, None, None, Ok, Ok, Ok]),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> Matrix() => RoleMatrix.Rows(Callers, Routes);

    private string Url(string path, (long Holder, long Permit, long Site, string Partner) data) =>
        path.Replace("{holder}", data.Holder.ToString()).Replace("{permit}", data.Permit.ToString()).Replace("{site}", data.Site.ToString());

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string method, string path, HttpStatusCode expected)
    {
        var data = await fixture.DataAsync();
        var url = Url(path, data);
        // A body every rule refuses: no holder kind, no name, no beat, no day, no checklist; as CSV, a header without the columns.
        var body = path.EndsWith("/import", StringComparison.Ordinal)
            ? new StringContent("kind\nNoSuchKind\n", System.Text.Encoding.UTF8, "text/csv")
            : (HttpContent)JsonContent.Create(new { kind = "NoSuchKind" });

        await fixture.AssertRouteAsync(who, method, url, expected, body, ("partner", data.Partner));
    }

    /// <summary>The weapons pages for the same callers, signed in through the login form ("login": the sign-in redirect).</summary>
    private static readonly (string Path, string Answers)[] Pages =
    [
        ("/weapons", "login 404 404 200 200 404 404 404 200 200 200"),
        ("/weapons/holders/new", "login 404 404 200 200 404 404 404 200 200 200"),
        ("/weapons/import", "login 404 404 200 200 404 404 404 200 200 200"),
        ("/weapons/sites", "login 404 404 200 200 404 404 404 200 200 200"),
        ("/weapons/holders/{holder}", "login 404 404 200 404 404 404 404 200 200 200"),
        ("/weapons/sites/{site}", "login 404 404 200 404 404 404 404 200 200 200"),
    ];

    public static TheoryData<string, string, string> PageMatrix() => RoleMatrix.PageRows(Callers, Pages);

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task EachCaller_OpensOnlyThePagesItsPositionAndScopeAllow(string who, string path, string expected)
    {
        var data = await fixture.DataAsync();
        var url = Url(path, data);
        await fixture.AssertPageAsync(who, url, expected, ("partner", data.Partner));
    }
}

using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>
/// Every protocol route for every kind of caller, against a draft inspector1 drew up: default deny; the
/// drafter, his district's supervisor and the administrator read it; "not found" — never "forbidden" — for
/// everyone else. Writes carry a body the rules refuse, so a 400 proves the caller got through to them and
/// nothing is changed; readers who are not the drafter get 403 on writes, and the administrator never drafts.
/// </summary>
public sealed class ProtocolAuthorizationTests(ProtocolAuthorizationTests.Fixture fixture) : IClassFixture<ProtocolAuthorizationTests.Fixture>
{
    public sealed class Fixture : ClockedAppFactory
    {
        private readonly MadeOnce<(long Protocol, int District, string Partner)> _data = new();

        public Task<(long Protocol, int District, string Partner)> DataAsync() => _data.GetAsync(async () =>
        {
            using var inspector = await this.SignedInAsync("inspector1@demo.kz");
            var draft = await DraftAsync(inspector, SearchDocument());
            var district = await WithDbAsync(this, db => Task.FromResult(db.Users.Where(u => u.Email == "inspector1@demo.kz").Select(u => u.DistrictId!.Value).Single()));
            var partner = await this.CreateStaffAsync("Partner", null);
            return (draft.GetProperty("id").GetInt64(), district, partner);
        });
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK, Bad = HttpStatusCode.BadRequest, None = HttpStatusCode.NotFound,
        NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden;

    /// <summary>The callers, in the order of every row's expectations.</summary>
    private static readonly string[] Callers =
        ["anonymous", "resident1@demo.kz", "partner", "inspector1@demo.kz", "inspector2@demo.kz", "juvenile.almaly@demo.kz", "women.almaly@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz"];

    private static readonly (string Method, string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("GET", "/api/v1/protocols/rules", [NoAuth, None, None, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("GET", "/api/v1/protocols", [NoAuth, None, None, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("POST", "/api/v1/protocols", [NoAuth, None, None, Bad, Bad, Bad, Bad, None, Denied]),
        ("POST", "/api/v1/protocols/sync", [NoAuth, None, None, Bad, Bad, Bad, Bad, None, Denied]),
        ("GET", "/api/v1/protocols/stats?districtId={district}", [NoAuth, None, None, None, None, None, None, Ok, Ok]),
        ("GET", "/api/v1/protocols/{protocol}", [NoAuth, None, None, Ok, None, None, None, Ok, Ok]),
        ("PUT", "/api/v1/protocols/{protocol}", [NoAuth, None, None, Bad, None, None, None, Denied, Denied]),
        ("POST", "/api/v1/protocols/{protocol}/sign", [NoAuth, None, None, Bad, None, None, None, Denied, Denied]),
        ("POST", "/api/v1/protocols/{protocol}/addenda", [NoAuth, None, None, Bad, None, None, None, Denied, Denied]),
        ("GET", "/api/v1/protocols/{protocol}/pdf?language=ru", [NoAuth, None, None, Ok, None, None, None, Ok, Ok]),
        ("PUT", "/api/v1/protocols/offences/smoking-ban", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Bad]),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> Matrix() => RoleMatrix.Rows(Callers, Routes);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string method, string path, HttpStatusCode expected)
    {
        var (protocol, district, partner) = await fixture.DataAsync();
        var url = path.Replace("{protocol}", protocol.ToString()).Replace("{district}", district.ToString());
        // A body every rule refuses: no clientId, no type, no document, no version, no signatures.
        await fixture.AssertRouteAsync(who, method, url, expected, JsonContent.Create(new { kind = "NoSuchKind" }), ("partner", partner));
    }

    /// <summary>
    /// The protocol pages for the same callers, signed in through the login form: "login" and "denied" are the
    /// redirects of the sign-in cookie, a number the page's own answer. The pages answer as the API does: out of
    /// scope is 404; the offences page is the administrator's (the Admin folder's policy).
    /// </summary>
    private static readonly (string Path, string Answers)[] Pages =
    [
        ("/protocols", "login 404 404 200 200 200 200 200 200"),
        ("/protocols/{protocol}", "login 404 404 200 404 404 404 200 200"),
        ("/protocols/stats", "login 404 404 404 404 404 404 200 200"),
        ("/admin/protocols/offences", "login denied denied denied denied denied denied denied 200"),
    ];

    public static TheoryData<string, string, string> PageMatrix() => RoleMatrix.PageRows(Callers, Pages);

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task EachCaller_OpensOnlyThePagesItsPositionAndScopeAllow(string who, string path, string expected)
    {
        var (protocol, _, partner) = await fixture.DataAsync();
        var url = path.Replace("{protocol}", protocol.ToString());
        await fixture.AssertPageAsync(who, url, expected, ("partner", partner));
    }
}

using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.WeaponSeizures.WeaponSeizureTestData;

namespace Uchastok.Web.Tests.WeaponSeizures;

/// <summary>
/// Every seizure route and page for every kind of caller, against a seizure inspector1 recorded on his beat: default deny;
/// the beat's inspector, the district's supervisor, the administrator and the city-wide licensing officer read it; "not found" — never "forbidden" — for
/// everyone else, a supervisor of another district included. Writes carry a body the rules refuse, so a 400 proves the
/// caller got through to them and nothing is changed; the administrator and the licensing officer read and never record (403). The public
/// figures are for anyone.
/// </summary>
public sealed class WeaponSeizureAuthorizationTests(WeaponSeizureAuthorizationTests.Fixture fixture) : IClassFixture<WeaponSeizureAuthorizationTests.Fixture>
{
    public sealed class Fixture : ClockedAppFactory
    {
        private readonly MadeOnce<(long Seizure, int District, string Partner, string OtherSupervisor)> _data = new();

        public Task<(long Seizure, int District, string Partner, string OtherSupervisor)> DataAsync() => _data.GetAsync(async () =>
        {
            using var inspector = await this.SignedInAsync("inspector1@demo.kz");
            var seizure = await RecordAsync(inspector, Seizure([Pistol()]));
            var (_, district) = await this.BeatAtAsync("43.2510", "76.9210");
            var partner = await this.CreateStaffAsync("Partner", null);
            var otherSupervisor = await this.CreateStaffAsync("Supervisor", await OtherDistrictAsync(this, district));
            return (seizure.GetProperty("id").GetInt64(), district, partner, otherSupervisor);
        });
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK, Bad = HttpStatusCode.BadRequest, None = HttpStatusCode.NotFound,
        NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden;

    /// <summary>The callers, in the order of every row's expectations.</summary>
    private static readonly string[] Callers =
        ["anonymous", "resident1@demo.kz", "partner", "inspector1@demo.kz", "inspector2@demo.kz", "supervisor.almaly@demo.kz", "other-supervisor", "admin@demo.kz", "duty.almaly@demo.kz", "juvenile.almaly@demo.kz", "licensing@demo.kz"];

    private static readonly (string Method, string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("GET", "/api/v1/seizures/catalogue", [NoAuth, None, None, Ok, Ok, Ok, Ok, Ok, None, None, Ok]),
        ("GET", "/api/v1/seizures", [NoAuth, None, None, Ok, Ok, Ok, Ok, Ok, None, None, Ok]),
        ("POST", "/api/v1/seizures", [NoAuth, None, None, Bad, Bad, Bad, Bad, Denied, None, None, Denied]),
        ("GET", "/api/v1/seizures/dashboard", [NoAuth, None, None, None, None, Ok, Ok, Ok, None, None, Ok]),
        ("GET", "/api/v1/seizures/dashboard?districtId={district}", [NoAuth, None, None, None, None, Ok, None, Ok, None, None, Ok]),
        ("GET", "/api/v1/seizures/{seizure}", [NoAuth, None, None, Ok, None, Ok, None, Ok, None, None, Ok]),
        ("PUT", "/api/v1/seizures/{seizure}/protocol", [NoAuth, None, None, Bad, None, Bad, None, Denied, None, None, Denied]),
        ("GET", "/api/v1/seizures/public", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> Matrix() => RoleMatrix.Rows(Callers, Routes);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string method, string path, HttpStatusCode expected)
    {
        var (seizure, district, partner, otherSupervisor) = await fixture.DataAsync();
        var url = path.Replace("{seizure}", seizure.ToString()).Replace("{district}", district.ToString());
        // A body every rule refuses: no date, no items, no determinants, no protocol, no place.
        await fixture.AssertRouteAsync(who, method, url, expected, JsonContent.Create(new { kind = "NoSuchKind" }), ("partner", partner), ("other-supervisor", otherSupervisor));
    }

    /// <summary>The pages for the same callers, signed in through the login form: "login" is the sign-in redirect, a number the page's own answer.</summary>
    private static readonly (string Path, string Answers)[] Pages =
    [
        ("/seizures", "login 404 404 200 200 200 200 200 404 404 200"),
        ("/seizures/new", "login 404 404 200 200 200 200 404 404 404 404"),
        ("/seizures/{seizure}", "login 404 404 200 404 200 404 200 404 404 200"),
        ("/seizures/dashboard", "login 404 404 404 404 200 200 200 404 404 200"),
        ("/seizures/figures", "200 200 200 200 200 200 200 200 200 200 200"),
    ];

    public static TheoryData<string, string, string> PageMatrix() => RoleMatrix.PageRows(Callers, Pages);

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task EachCaller_OpensOnlyThePagesItsPositionAndScopeAllow(string who, string path, string expected)
    {
        var (seizure, _, partner, otherSupervisor) = await fixture.DataAsync();
        var url = path.Replace("{seizure}", seizure.ToString());
        await fixture.AssertPageAsync(who, url, expected, ("partner", partner), ("other-supervisor", otherSupervisor));
    }
}

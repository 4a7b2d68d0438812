using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.PatrolPlanning;

/// <summary>
/// Every patrol-planning route and page for every kind of caller, against inspector1's beat and its December
/// suggestion: staff only (others 403, anonymous 401); the beat's inspector reads and records but does not decide
/// or generate (403); another inspector of the district finds nothing (404); the district's supervisor and the
/// administrator do everything, except the risk zones without a beat, which only an inspector may ask for (400).
/// The duty officer is staff of another kind and is refused everything (403). Writes carry what the rules refuse (a month too far ahead, no decision, no hours),
/// so a 400 proves the caller got through and nothing changed.
/// </summary>
public sealed class PatrolAuthorizationTests(PatrolAuthorizationTests.Fixture fixture) : IClassFixture<PatrolAuthorizationTests.Fixture>
{
    public sealed class Fixture : ClockedAppFactory
    {
        private readonly MadeOnce<(PatrolTestBeats Beats, int Item, string Partner)> _data = new();

        public Task<(PatrolTestBeats Beats, int Item, string Partner)> DataAsync() => _data.GetAsync(async () =>
        {
            var beats = await PatrolTestData.SeedAsync(this);
            using var supervisor = await this.SignedInAsync("supervisor.almaly@demo.kz");
            var view = await (await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Planned}?period=2026-12", null)).Content.ReadFromJsonAsync<JsonElement>();
            var item = view.GetProperty("suggestion").GetProperty("cells")[0].GetProperty("id").GetInt32();
            return (beats, item, await this.CreateStaffAsync("Partner", null));
        });
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK, Bad = HttpStatusCode.BadRequest, None = HttpStatusCode.NotFound,
        NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden;

    private static readonly string[] Callers =
        ["anonymous", "resident1@demo.kz", "partner", "inspector1@demo.kz", "inspector2@demo.kz", "juvenile.almaly@demo.kz", "women.almaly@demo.kz", "duty.almaly@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz"];

    private static readonly (string Method, string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("GET", "/api/v1/analytics/patrol-suggestions?district={district}&period=2026-12", [NoAuth, Denied, Denied, Ok, Ok, Denied, Denied, Denied, Ok, Ok]),
        ("GET", "/api/v1/analytics/patrol-suggestions/districts/{district}/comparison?period=2026-11", [NoAuth, Denied, Denied, Ok, Ok, Denied, Denied, Denied, Ok, Ok]),
        ("POST", "/api/v1/analytics/patrol-suggestions/districts/{district}?period=2027-05", [NoAuth, Denied, Denied, None, None, Denied, Denied, Denied, Bad, Bad]),
        ("GET", "/api/v1/analytics/patrol-suggestions/beats/{beat}?period=2026-12", [NoAuth, Denied, Denied, Ok, None, Denied, Denied, Denied, Ok, Ok]),
        ("POST", "/api/v1/analytics/patrol-suggestions/beats/{beat}?period=2027-05", [NoAuth, Denied, Denied, Denied, None, Denied, Denied, Denied, Bad, Bad]),
        ("GET", "/api/v1/analytics/patrol-suggestions/beats/{beat}/comparison?period=2026-12", [NoAuth, Denied, Denied, Ok, None, Denied, Denied, Denied, Ok, Ok]),
        ("POST", "/api/v1/analytics/patrol-suggestions/items/{item}/decision", [NoAuth, Denied, Denied, Denied, None, Denied, Denied, Denied, Bad, Bad]),
        ("POST", "/api/v1/analytics/patrol-suggestions/items/{item}/work", [NoAuth, Denied, Denied, Bad, None, Denied, Denied, Denied, Bad, Bad]),
        ("GET", "/api/v1/analytics/risk-zones?beat={beat}", [NoAuth, Denied, Denied, Ok, None, Denied, Denied, Denied, Ok, Ok]),
        ("GET", "/api/v1/analytics/risk-zones", [NoAuth, Denied, Denied, Ok, Ok, Denied, Denied, Denied, Bad, Bad]),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> Matrix() => RoleMatrix.Rows(Callers, Routes);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string method, string path, HttpStatusCode expected)
    {
        var (beats, item, partner) = await fixture.DataAsync();
        var url = Fill(path, beats, item);
        // A body every rule refuses: no decision, no hours.
        await fixture.AssertRouteAsync(who, method, url, expected, JsonContent.Create(new { decision = "NoSuchDecision" }), ("partner", partner));
    }

    private static readonly (string Path, string Answers)[] Pages =
    [
        ("/analytics/patrols", "login denied denied 200 200 denied denied denied 200 200"),
        ("/analytics/patrols?beat={beat}&period=2026-12", "login denied denied 200 404 denied denied denied 200 200"),
    ];

    public static TheoryData<string, string, string> PageMatrix() => RoleMatrix.PageRows(Callers, Pages);

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task EachCaller_OpensOnlyThePagesItsPositionAndScopeAllow(string who, string path, string expected)
    {
        var (beats, item, partner) = await fixture.DataAsync();
        var url = Fill(path, beats, item);
        await fixture.AssertPageAsync(who, url, expected, ("partner", partner));
    }

    private static string Fill(string path, PatrolTestBeats beats, int item) =>
        path.Replace("{district}", beats.District.ToString()).Replace("{beat}", beats.Planned.ToString()).Replace("{item}", item.ToString());
}

using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Prevention.PreventionTestData;

namespace Uchastok.Web.Tests.Prevention;

/// <summary>
/// Every prevention route for every kind of caller, against a file on inspector1's beat: default deny, and
/// "not found" — never "forbidden" — for whoever is outside the file's scope (another beat's inspector, the
/// district's juvenile inspector and women-protection officer for an adult's ordinary file, residents,
/// partners). Writes carry a body the rules refuse, so a 400 proves the caller got through to them and
/// nothing is changed; the administrator reads but gets 403 on writes.
/// </summary>
public sealed class PreventionAuthorizationTests(PreventionAuthorizationTests.Fixture fixture) : IClassFixture<PreventionAuthorizationTests.Fixture>
{
    public sealed class Fixture : ClockedAppFactory
    {
        private readonly MadeOnce<(long Entry, long Action, int Officer, int District, string Partner, int Place)> _data = new();

        public Task<(long Entry, long Action, int Officer, int District, string Partner, int Place)> DataAsync() => _data.GetAsync(async () =>
        {
            var category = await CategoryAsync(this);
            var file = await PutOnRecordAsync(this, Entry(category, "Доступов Тест", new DateOnly(1984, 4, 4), null, new DateOnly(2026, 10, 20)));
            var (officer, _, district) = await ScopeOfAsync(this, "inspector1@demo.kz");
            var partner = await this.CreateStaffAsync("Partner", null);
            using var inspector = await this.SignedInAsync("inspector1@demo.kz");
            var place = await (await inspector.PostAsJsonAsync("/api/v1/prevention/juvenile/places",
                new { latitude = InspectorOneLatitude, longitude = InspectorOneLongitude, description = "Гаражи", observedOn = new DateOnly(2026, 11, 1) })).JsonAsync();
            return (file.GetProperty("id").GetInt64(), file.GetProperty("plan")[0].GetProperty("id").GetInt64(), officer, district, partner, place.GetProperty("id").GetInt32());
        });
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK, Bad = HttpStatusCode.BadRequest, None = HttpStatusCode.NotFound,
        NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden, Gone = HttpStatusCode.NoContent;

    /// <summary>The callers, in the order of every row's expectations.</summary>
    private static readonly string[] Callers =
        ["anonymous", "resident1@demo.kz", "partner", "inspector1@demo.kz", "inspector2@demo.kz", "juvenile.almaly@demo.kz", "women.almaly@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz"];

    private static readonly (string Method, string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("GET", "/api/v1/prevention/entries", [NoAuth, None, None, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("POST", "/api/v1/prevention/entries", [NoAuth, None, None, Bad, Bad, Bad, Bad, Bad, Bad]),
        ("GET", "/api/v1/prevention/entries/{entry}", [NoAuth, None, None, Ok, None, None, None, Ok, Ok]),
        ("POST", "/api/v1/prevention/entries/{entry}/events", [NoAuth, None, None, Bad, None, None, None, Bad, Denied]),
        ("POST", "/api/v1/prevention/entries/{entry}/actions", [NoAuth, None, None, Bad, None, None, None, Bad, Denied]),
        ("PUT", "/api/v1/prevention/actions/{action}/due", [NoAuth, None, None, Bad, None, None, None, Bad, Denied]),
        ("POST", "/api/v1/prevention/actions/{action}/done", [NoAuth, None, None, Bad, None, None, None, Bad, Denied]),
        ("GET", "/api/v1/prevention/day", [NoAuth, None, None, Ok, Ok, None, None, Ok, None]),
        ("GET", "/api/v1/prevention/day?officerId={officer}", [NoAuth, None, None, Ok, None, None, None, Ok, Ok]),
        ("GET", "/api/v1/prevention/overdue?districtId={district}", [NoAuth, None, None, None, None, None, None, Ok, Ok]),
        ("GET", "/api/v1/prevention/juvenile/deliveries", [NoAuth, None, None, Ok, Ok, Ok, None, Ok, Ok]),
        ("POST", "/api/v1/prevention/juvenile/deliveries", [NoAuth, None, None, Bad, Bad, Bad, None, Bad, Bad]),
        ("GET", "/api/v1/prevention/juvenile/places", [NoAuth, None, None, Ok, Ok, Ok, None, Ok, Ok]),
        ("POST", "/api/v1/prevention/juvenile/places", [NoAuth, None, None, Bad, Bad, Bad, None, Bad, Bad]),
        ("POST", "/api/v1/prevention/juvenile/places/{place}/close", [NoAuth, None, None, Gone, None, Gone, None, Gone, Denied]),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> Matrix() => RoleMatrix.Rows(Callers, Routes);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string method, string path, HttpStatusCode expected)
    {
        var (entry, action, officer, district, partner, place) = await fixture.DataAsync();
        var url = path.Replace("{entry}", entry.ToString()).Replace("{action}", action.ToString()).Replace("{place}", place.ToString())
            .Replace("{officer}", officer.ToString()).Replace("{district}", district.ToString());
        // A body every rule refuses: an unknown kind, no dates, no names.
        await fixture.AssertRouteAsync(who, method, url, expected, JsonContent.Create(new { kind = "NoSuchKind" }), ("partner", partner));
    }
}

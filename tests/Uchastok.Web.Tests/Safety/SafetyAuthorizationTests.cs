using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>
/// Every safety route and page for every kind of caller, against a report with a photo on inspector1's beat: anyone
/// files (a body the rules refuse, so a 400 proves the caller got through and nothing is stored); the beat's
/// inspector, the district's supervisor and the administrator read; another beat's inspector reads his own list but
/// not this photo (404); the district's duty officer reads the reports and works the console with the supervisor and
/// the administrator; residents, partners and the district's other officers are refused (403), strangers 401.
/// </summary>
public sealed class SafetyAuthorizationTests(SafetyAuthorizationTests.Fixture fixture) : IClassFixture<SafetyAuthorizationTests.Fixture>
{
    public sealed class Fixture : UchastokAppFactory
    {
        private readonly MadeOnce<(long Report, string Partner, string Duty)> _data = new();

        public Task<(long Report, string Partner, string Duty)> DataAsync() => _data.GetAsync(async () =>
        {
            using var client = this.Client();
            using var form = new MultipartFormDataContent
            {
                { new StringContent("yard-safety"), "category" },
                { new StringContent("43.2510"), "lat" },
                { new StringContent("76.9210"), "lon" },
                { new StringContent("A loose manhole cover"), "text" },
                { new ByteArrayContent(Uchastok.Rules.Tests.Safety.SafetyTestPhotos.JpegWithExif()), "photo", "cover.jpg" },
            };
            var response = await client.PostAsync("/api/v1/safety/reports", form);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var reference = (await response.JsonAsync()).GetProperty("reference").GetString();
            var id = await WithDbAsync(this, db => db.SafetyIncidents.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
            var (_, district) = await this.BeatAtAsync("43.2510", "76.9210");
            return (id, await this.CreateStaffAsync("Partner", null), await this.CreateStaffAsync("DutyOfficer", district));
        });
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK, Bad = HttpStatusCode.BadRequest, None = HttpStatusCode.NotFound,
        NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden;

    /// <summary>The callers, in the order of every row's expectations.</summary>
    private static readonly string[] Callers =
        ["anonymous", "resident1@demo.kz", "partner", "inspector1@demo.kz", "inspector2@demo.kz", "juvenile.almaly@demo.kz", "women.almaly@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz", "duty"];

    private static readonly (string Method, string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("POST", "/api/v1/safety/reports", [Bad, Bad, Bad, Bad, Bad, Bad, Bad, Bad, Bad, Bad]),
        // The district's duty officer reads his district's reports (the console shows them with their photos).
        ("GET", "/api/v1/safety/reports", [NoAuth, Denied, Denied, Ok, Ok, Denied, Denied, Ok, Ok, Ok]),
        ("GET", "/api/v1/safety/reports/{report}/photo", [NoAuth, Denied, Denied, Ok, None, Denied, Denied, Ok, Ok, Ok]),
        // The duty console: its duty officer, supervisor and administrators; the inspectors have their lists, not the console.
        ("GET", "/api/v1/safety/console", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Ok, Ok, Ok]),
        ("GET", "/api/v1/safety/console?since=2026-01-01T00:00:00Z", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Ok, Ok, Ok]),
        // No incident 0: the caller got through to the command, which found nothing in his scope; nothing changes.
        ("POST", "/api/v1/safety/incidents/0/acknowledge", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, None, None, None]),
        // No outcome: refused as invalid (400) after the caller got through; the report stays open.
        ("POST", "/api/v1/safety/incidents/{report}/close", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Bad, Bad, Bad]),
        ("POST", "/hubs/safety-console/negotiate?negotiateVersion=1", [NoAuth, Denied, Denied, Denied, Denied, Denied, Denied, Ok, Ok, Ok]),
        // A body without text: the beat's inspector and the district's supervisor get through to the 400 (nothing sent);
        // another beat's inspector does not see the report; the administrator reads reports but writes to no beat, nor does
        // the duty officer (his console passes a report to the inspector, who writes to the beat).
        ("POST", "/api/v1/safety/reports/{report}/notice", [NoAuth, Denied, Denied, Bad, None, Denied, Denied, Bad, Denied, Denied]),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> Matrix() => RoleMatrix.Rows(Callers, Routes);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string method, string path, HttpStatusCode expected)
    {
        var (report, partner, duty) = await fixture.DataAsync();
        var url = path.Replace("{report}", report.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = path.StartsWith("/hubs", StringComparison.Ordinal) ? new StringContent("") : (HttpContent)JsonContent.Create(new { category = "NoSuchKind" });

        await fixture.AssertRouteAsync(who, method, url, expected, body, ("partner", partner), ("duty", duty));
    }

    /// <summary>The pages for the same callers, signed in through the login form: "login" and "denied" are the sign-in cookie's redirects.</summary>
    private static readonly (string Path, string Answers)[] Pages =
    [
        ("/safety/report", "200 200 200 200 200 200 200 200 200 200"),
        ("/safety/report/sent/SR-ABCD-EFGH", "200 200 200 200 200 200 200 200 200 200"),
        ("/safety/report/sent/not-a-reference", "404 404 404 404 404 404 404 404 404 404"),
        ("/safety/reports", "login denied denied 200 200 denied denied 200 200 200"),
        ("/safety/console", "login denied denied denied denied denied denied 200 200 200"),
    ];

    public static TheoryData<string, string, string> PageMatrix() => RoleMatrix.PageRows(Callers, Pages);

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task EachCaller_OpensOnlyThePagesItsPositionAllows(string who, string path, string expected)
    {
        var (_, partner, duty) = await fixture.DataAsync();
        await fixture.AssertPageAsync(who, path, expected, ("partner", partner), ("duty", duty));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>
/// Every route of the staff sessions (API and page) for every kind of caller: default deny; only supervisors and the administrator get
/// through; a supervisor asking about staff of another district, or a session that does not exist, gets "not found".
/// </summary>
public sealed class StaffSessionAuthorizationTests(StaffSessionAuthorizationTests.Fixture fixture) : IClassFixture<StaffSessionAuthorizationTests.Fixture>
{
    public sealed class Fixture : UchastokAppFactory
    {
        private readonly MadeOnce<(string Partner, string Stranger)> _data = new();

        /// <summary>A partner account, and the id of a signed-in inspector of another district than supervisor.almaly's.</summary>
        public Task<(string Partner, string Stranger)> DataAsync() => _data.GetAsync(async () =>
        {
            var partner = await this.CreateStaffAsync("Partner", null);
            var stranger = await this.CreateStaffAsync("Inspector", (await this.BeatAtAsync("43.2080", "76.8700")).DistrictId);
            using (await this.SignedInAsync(stranger)) { }
            await using var scope = Services.CreateAsyncScope();
            var id = (await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Users.SingleAsync(u => u.Email == stranger)).Id;
            return (partner, id);
        });
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK, None = HttpStatusCode.NotFound, NoAuth = HttpStatusCode.Unauthorized, Denied = HttpStatusCode.Forbidden;

    /// <summary>The callers, in the order of every row's expectations.</summary>
    private static readonly string[] Callers =
        ["anonymous", "resident1@demo.kz", "partner", "inspector1@demo.kz", "juvenile.almaly@demo.kz", "women.almaly@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz"];

    private static readonly (string Method, string Path, HttpStatusCode[] Expected)[] Routes =
    [
        ("GET", "/api/v1/staff/sessions", [NoAuth, Denied, Denied, Denied, Denied, Denied, Ok, Ok]),
        ("POST", "/api/v1/staff/sessions/0123456789abcdef0123/end", [NoAuth, Denied, Denied, Denied, Denied, Denied, None, None]),
        // Ending every session of someone with none left answers how many ended: none. The administrator may; the supervisor may not see him.
        ("POST", "/api/v1/staff/{stranger}/sessions/end", [NoAuth, Denied, Denied, Denied, Denied, Denied, None, Ok]),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> ApiMatrix() => RoleMatrix.Rows(Callers, Routes);

    [Theory]
    [MemberData(nameof(ApiMatrix))]
    public async Task Api_EachCaller_GetsWhatItsPositionAndScopeAllow(string who, string method, string path, HttpStatusCode expected)
    {
        var (partner, stranger) = await fixture.DataAsync();
        await fixture.AssertRouteAsync(who, method, path.Replace("{stranger}", stranger), expected, null, ("partner", partner));
    }

    public static TheoryData<string, string> PageMatrix() => new()
    {
        { "anonymous", "redirect:/account/login" },
        { "resident1@demo.kz", "redirect:/account/access-denied" },
        { "partner", "redirect:/account/access-denied" },
        { "inspector1@demo.kz", "redirect:/account/access-denied" },
        { "juvenile.almaly@demo.kz", "redirect:/account/access-denied" },
        { "women.almaly@demo.kz", "redirect:/account/access-denied" },
        { "supervisor.almaly@demo.kz", "200" },
        { "admin@demo.kz", "200" },
    };

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Page_OpensOnlyForSupervisorsAndTheAdministrator(string who, string expected)
    {
        var (partner, _) = await fixture.DataAsync();
        using var client = who switch
        {
            "anonymous" => fixture.Client(),
            "partner" => await fixture.SignedInWithCookieAsync(partner),
            _ => await fixture.SignedInWithCookieAsync(who),
        };
        var response = await client.GetAsync("/staff/sessions");
        if (expected.StartsWith("redirect:", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.StartsWith(expected["redirect:".Length..], location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

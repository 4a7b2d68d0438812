using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>Default deny, and who may do what: every endpoint states its policy, and roles and scopes hold.</summary>
public sealed class AuthorizationTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public void EveryEndpoint_DeclaresAPolicyOrAnExplicitAnonymousOptOut()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(undeclared);
    }

    public static TheoryData<string, string, string, HttpStatusCode> ApiMatrix => new()
    {
        { "anonymous", "GET", "/api/v1/addresses/nearest?lat=43.2510&lon=76.9210", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/streets?q=abay", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/map/base.geojson", HttpStatusCode.OK },
        { "inspector1@demo.kz", "GET", "/api/v1/map/base.geojson", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/map/beats.geojson", HttpStatusCode.OK },
        { "admin@demo.kz", "GET", "/api/v1/map/beats.geojson", HttpStatusCode.OK },
        { "resident1@demo.kz", "GET", "/api/v1/streets?q=abay", HttpStatusCode.OK },
        { "admin@demo.kz", "GET", "/api/v1/streets?q=abay", HttpStatusCode.OK },
        { "resident1@demo.kz", "GET", "/api/v1/addresses/nearest?lat=43.2510&lon=76.9210", HttpStatusCode.OK },
        { "inspector1@demo.kz", "GET", "/api/v1/addresses/nearest?lat=43.2510&lon=76.9210", HttpStatusCode.OK },
        { "admin@demo.kz", "GET", "/api/v1/addresses/nearest?lat=43.2510&lon=76.9210", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/beats/export", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", "GET", "/api/v1/beats/export", HttpStatusCode.Forbidden },
        { "inspector1@demo.kz", "GET", "/api/v1/beats/export", HttpStatusCode.Forbidden },
        { "supervisor.almaly@demo.kz", "GET", "/api/v1/beats/export", HttpStatusCode.Forbidden },
        { "admin@demo.kz", "GET", "/api/v1/beats/export", HttpStatusCode.OK },
        { "anonymous", "POST", "/api/v1/beats/import", HttpStatusCode.Unauthorized },
        { "supervisor.almaly@demo.kz", "POST", "/api/v1/beats/import", HttpStatusCode.Forbidden },
        { "anonymous", "GET", "/api/v1/staff", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", "GET", "/api/v1/staff", HttpStatusCode.Forbidden },
        { "supervisor.almaly@demo.kz", "GET", "/api/v1/staff", HttpStatusCode.Forbidden },
        { "admin@demo.kz", "GET", "/api/v1/staff", HttpStatusCode.OK },
        { "inspector1@demo.kz", "POST", "/api/v1/staff", HttpStatusCode.Forbidden },
        { "anonymous", "GET", "/api/v1/auth/me", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", "GET", "/api/v1/auth/me", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/districts", HttpStatusCode.OK },
        { "anonymous", "PUT", "/api/v1/beats/1/inspector", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", "PUT", "/api/v1/beats/1/inspector", HttpStatusCode.Forbidden },
        { "inspector1@demo.kz", "PUT", "/api/v1/beats/1/inspector", HttpStatusCode.Forbidden },
        { "anonymous", "GET", "/api/v1/appeals", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", "GET", "/api/v1/appeals", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/appeal-categories", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/calendar?year=2026", HttpStatusCode.OK },
        { "supervisor.almaly@demo.kz", "PUT", "/api/v1/calendar/2026-12-31", HttpStatusCode.Forbidden },
        { "resident1@demo.kz", "GET", "/api/v1/districts/1/appeal-board", HttpStatusCode.Forbidden },
        { "inspector1@demo.kz", "GET", "/api/v1/districts/1/appeal-board", HttpStatusCode.Forbidden },
        { "resident1@demo.kz", "GET", "/api/v1/officers/1/rating", HttpStatusCode.Forbidden },
        { "resident1@demo.kz", "POST", "/api/v1/appeals/ALM-2026-000001/notes", HttpStatusCode.Forbidden },
        { "supervisor.almaly@demo.kz", "GET", "/api/v1/admin/outbox", HttpStatusCode.Forbidden },
        { "admin@demo.kz", "GET", "/api/v1/admin/outbox", HttpStatusCode.OK },
        { "inspector1@demo.kz", "GET", "/api/v1/admin/appeal-kinds", HttpStatusCode.Forbidden },
        { "admin@demo.kz", "GET", "/api/v1/admin/appeal-kinds", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/admin/api-keys", HttpStatusCode.Unauthorized },
        { "supervisor.almaly@demo.kz", "GET", "/api/v1/admin/api-keys", HttpStatusCode.Forbidden },
        { "resident1@demo.kz", "POST", "/api/v1/admin/api-keys", HttpStatusCode.Forbidden },
        { "inspector1@demo.kz", "POST", "/api/v1/admin/api-keys/1/revoke", HttpStatusCode.Forbidden },
        { "admin@demo.kz", "GET", "/api/v1/admin/api-keys", HttpStatusCode.OK },
        { "anonymous", "GET", "/api/v1/prevention/categories", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", "GET", "/api/v1/prevention/categories", HttpStatusCode.Forbidden },
        { "inspector1@demo.kz", "GET", "/api/v1/prevention/categories", HttpStatusCode.OK },
        { "supervisor.almaly@demo.kz", "GET", "/api/v1/prevention/categories", HttpStatusCode.OK },
        { "admin@demo.kz", "GET", "/api/v1/prevention/categories", HttpStatusCode.OK },
        // Writes are the administrator's; the matrix's body is no category, so the administrator gets the field errors.
        { "anonymous", "POST", "/api/v1/prevention/categories", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", "POST", "/api/v1/prevention/categories", HttpStatusCode.Forbidden },
        { "inspector1@demo.kz", "POST", "/api/v1/prevention/categories", HttpStatusCode.Forbidden },
        { "supervisor.almaly@demo.kz", "POST", "/api/v1/prevention/categories", HttpStatusCode.Forbidden },
        { "admin@demo.kz", "POST", "/api/v1/prevention/categories", HttpStatusCode.BadRequest },
        { "anonymous", "PUT", "/api/v1/prevention/categories/1", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", "PUT", "/api/v1/prevention/categories/1", HttpStatusCode.Forbidden },
        { "inspector1@demo.kz", "PUT", "/api/v1/prevention/categories/1", HttpStatusCode.Forbidden },
        { "supervisor.almaly@demo.kz", "PUT", "/api/v1/prevention/categories/1", HttpStatusCode.Forbidden },
        { "admin@demo.kz", "PUT", "/api/v1/prevention/categories/1", HttpStatusCode.BadRequest },
        { "anonymous", "GET", "/open311/v2/services.json", HttpStatusCode.OK },
        // Confirming an applicant's contact is the tracking token's: anyone holding one, no role; an unknown token is not found.
        { "anonymous", "POST", "/api/v1/appeals/track/no-such-token/contact/confirm", HttpStatusCode.NotFound },
        { "resident1@demo.kz", "POST", "/api/v1/appeals/track/no-such-token/contact/confirm", HttpStatusCode.NotFound },
        { "admin@demo.kz", "POST", "/api/v1/appeals/track/no-such-token/contact/confirm", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(ApiMatrix))]
    public async Task Api_RoleMatrix_AllowsOnlyWhatTheRoleMay(string who, string method, string path, HttpStatusCode expected)
    {
        using var client = who == "anonymous" ? factory.Client() : await factory.SignedInAsync(who);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = JsonContent.Create(new { officerId = (int?)null });
        var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<string, string, string> PageMatrix => new()
    {
        { "anonymous", "/territory", "redirect:/account/login" },
        { "resident1@demo.kz", "/territory", "redirect:/account/access-denied" },
        { "inspector1@demo.kz", "/territory", "redirect:/account/access-denied" },
        { "supervisor.almaly@demo.kz", "/territory", "200" },
        { "supervisor.almaly@demo.kz", "/territory/import", "redirect:/account/access-denied" },
        { "admin@demo.kz", "/territory/import", "200" },
        { "supervisor.almaly@demo.kz", "/admin/staff", "redirect:/account/access-denied" },
        { "admin@demo.kz", "/admin/staff", "200" },
        { "supervisor.almaly@demo.kz", "/admin/api-keys", "redirect:/account/access-denied" },
        { "admin@demo.kz", "/admin/api-keys", "200" },
        { "supervisor.almaly@demo.kz", "/territory/incidents", "redirect:/account/access-denied" },
        { "admin@demo.kz", "/territory/incidents", "200" },
        { "inspector1@demo.kz", "/territory/workload?district=1", "redirect:/account/access-denied" },
        { "resident1@demo.kz", "/territory/design?district=1", "redirect:/account/access-denied" },
        { "admin@demo.kz", "/territory/design?district=1", "200" },
        { "anonymous", "/account/profile", "redirect:/account/login" },
        { "resident2@demo.kz", "/account/profile", "200" },
        { "anonymous", "/", "200" },
        { "anonymous", "/appeals/new", "200" },
        { "anonymous", "/appeals/recover", "200" },
        { "resident1@demo.kz", "/appeals/recover", "200" },
        { "anonymous", "/account/forgot", "200" },
        { "anonymous", "/account/reset?user=x&token=y", "200" },
        { "anonymous", "/appeals/mine", "redirect:/account/login" },
        { "resident1@demo.kz", "/appeals/mine", "200" },
        { "resident1@demo.kz", "/appeals/queue", "redirect:/account/access-denied" },
        { "inspector1@demo.kz", "/appeals/queue", "200" },
        { "inspector1@demo.kz", "/appeals/board", "redirect:/account/access-denied" },
        { "supervisor.almaly@demo.kz", "/appeals/board", "200" },
        { "supervisor.almaly@demo.kz", "/appeals/tips", "200" },
        { "resident1@demo.kz", "/appeals/tips", "redirect:/account/access-denied" },
        { "supervisor.almaly@demo.kz", "/admin/calendar", "redirect:/account/access-denied" },
        { "admin@demo.kz", "/admin/calendar", "200" },
        { "admin@demo.kz", "/admin/appeals", "200" },
        { "admin@demo.kz", "/admin/notifications", "200" },
        { "anonymous", "/admin/prevention-categories", "redirect:/account/login" },
        { "inspector1@demo.kz", "/admin/prevention-categories", "redirect:/account/access-denied" },
        { "supervisor.almaly@demo.kz", "/admin/prevention-categories", "redirect:/account/access-denied" },
        { "admin@demo.kz", "/admin/prevention-categories", "200" },
    };

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Pages_RoleMatrix_OpenOnlyForTheirRoles(string who, string path, string expected)
    {
        using var client = who == "anonymous" ? factory.Client() : await factory.SignedInWithCookieAsync(who);
        var response = await client.GetAsync(path);
        if (expected.StartsWith("redirect:", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.StartsWith(expected["redirect:".Length..], location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(location)).StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>The roles of the domestic-violence rows, in the order of each row's answers.</summary>
    private static readonly string[] DvRoles =
        ["anonymous", "resident1@demo.kz", "inspector1@demo.kz", "inspector2@demo.kz", "juvenile.almaly@demo.kz", "women.almaly@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz"];

    /// <summary>
    /// Each domestic-violence endpoint and what each role gets, with the body <c>{ officerId: null }</c>: a case on inspector1's
    /// beat ({case}), a measure of it ({measure}) and a measure type ({type}) are made first. Out of scope is 404, never 403
    /// (issue 17); in scope, an empty body is 400 where fields are required. The victim endpoints are 404 for an administrator,
    /// who reads the case without her data. Measure types and the repeat window: reference data behind the Prevention and Admin policies.
    /// </summary>
    private static readonly (string Method, string Path, string Answers)[] DvEndpoints =
    [
        ("GET", "/api/v1/prevention/dv-cases", "401 404 200 200 404 200 200 200"),
        ("POST", "/api/v1/prevention/dv-cases", "401 404 400 400 404 400 400 403"),
        ("GET", "/api/v1/prevention/dv-cases/{case}", "401 404 200 404 404 200 200 200"),
        ("GET", "/api/v1/prevention/dv-cases/{case}/reads", "401 404 404 404 404 404 200 404"),
        ("POST", "/api/v1/prevention/dv-cases/{case}/evidence", "401 404 400 404 404 400 400 403"),
        ("POST", "/api/v1/prevention/dv-cases/{case}/steps", "401 404 400 404 404 400 400 403"),
        ("PUT", "/api/v1/prevention/dv-cases/{case}/offender", "401 404 200 404 404 200 200 403"),
        ("PUT", "/api/v1/prevention/dv-cases/{case}/victim", "401 404 200 404 404 200 200 404"),
        ("POST", "/api/v1/prevention/dv-cases/{case}/messages", "401 404 400 404 404 400 400 404"),
        ("POST", "/api/v1/prevention/dv-cases/{case}/referral", "401 404 400 404 404 400 400 404"),
        ("POST", "/api/v1/prevention/dv-cases/{case}/measures", "401 404 400 404 404 400 400 403"),
        ("POST", "/api/v1/prevention/dv-cases/{case}/measures/{measure}/checks", "401 404 400 404 404 400 400 403"),
        ("GET", "/api/v1/prevention/dv-measure-types", "401 403 200 200 200 200 200 200"),
        ("POST", "/api/v1/prevention/dv-measure-types", "401 403 403 403 403 403 403 400"),
        ("PUT", "/api/v1/prevention/dv-measure-types/{type}", "401 403 403 403 403 403 403 400"),
        ("GET", "/api/v1/prevention/dv-settings", "401 403 403 403 403 403 403 200"),
        ("PUT", "/api/v1/prevention/dv-settings", "401 403 403 403 403 403 403 200"),
    ];

    public static TheoryData<string, string, string, HttpStatusCode> DvApiMatrix()
    {
        var data = new TheoryData<string, string, string, HttpStatusCode>();
        foreach (var (method, path, answers) in DvEndpoints)
        {
            var codes = answers.Split(' ');
            for (var i = 0; i < DvRoles.Length; i++) data.Add(DvRoles[i], method, path, (HttpStatusCode)int.Parse(codes[i], System.Globalization.CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DvApiMatrix))]
    public async Task DomesticViolenceApi_RoleMatrix_InScopeOnly_NotFoundForEveryoneElse(string who, string method, string path, HttpStatusCode expected)
    {
        var (caseId, measureId, typeId) = await DvCaseAsync();
        using var client = who == "anonymous" ? factory.Client() : await factory.SignedInAsync(who);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{case}", caseId.ToString()).Replace("{measure}", measureId.ToString()).Replace("{type}", typeId.ToString()));
        if (method != "GET") request.Content = JsonContent.Create(new { officerId = (int?)null });
        var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<string, string, string> DvPageMatrix()
    {
        var data = new TheoryData<string, string, string>();
        var pages = new (string Path, string Answers)[]
        {
            ("/prevention/dv-cases", "login 404 200 200 404 200 200 200"),
            ("/prevention/dv-cases/new", "login 404 200 200 404 200 200 denied"),
            ("/prevention/dv-cases/{case}", "login 404 200 404 404 200 200 200"),
            ("/admin/dv-measure-types", "login denied denied denied denied denied denied 200"),
        };
        foreach (var (path, answers) in pages)
        {
            var codes = answers.Split(' ');
            for (var i = 0; i < DvRoles.Length; i++) data.Add(DvRoles[i], path, codes[i]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DvPageMatrix))]
    public async Task DomesticViolencePages_RoleMatrix_InScopeOnly_NotFoundForEveryoneElse(string who, string path, string expected)
    {
        var (caseId, _, _) = await DvCaseAsync();
        using var client = who == "anonymous" ? factory.Client() : await factory.SignedInWithCookieAsync(who);
        var response = await client.GetAsync(path.Replace("{case}", caseId.ToString()));
        switch (expected)
        {
            case "login" or "denied":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                var location = response.Headers.Location!;
                Assert.StartsWith(expected == "login" ? "/account/login" : "/account/access-denied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.OrdinalIgnoreCase);
                break;
            default:
                Assert.Equal((HttpStatusCode)int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), response.StatusCode);
                break;
        }
    }

    private static readonly SemaphoreSlim DvGate = new(1, 1);
    private static readonly Dictionary<UchastokAppFactory, (long Case, long Measure, int Type)> DvMade = [];

    /// <summary>A case on inspector1's beat with one measure, made once per app factory.</summary>
    private async Task<(long Case, long Measure, int Type)> DvCaseAsync()
    {
        await DvGate.WaitAsync();
        try
        {
            if (DvMade.TryGetValue(factory, out var made)) return made;
            var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
            using var admin = await factory.SignedInAsync("admin@demo.kz");
            var type = await (await admin.PostAsJsonAsync("/api/v1/prevention/dv-measure-types",
                new { nameKk = "Шара", nameRu = "Мера", nameEn = "Measure", legalSource = "Source text", checkIntervalCount = 1, checkIntervalUnit = "Months" })).JsonAsync();
            using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
            var opened = await inspector.PostAsJsonAsync("/api/v1/prevention/dv-cases",
                new { beatId, source = "Patrol", detectedOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), address = "ул. Толе би, 1", summary = "Role matrix case" });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            var caseId = (await opened.JsonAsync()).GetProperty("id").GetInt64();
            var withMeasure = await (await inspector.PostAsJsonAsync($"/api/v1/prevention/dv-cases/{caseId}/measures",
                new { typeId = type.GetProperty("id").GetInt32(), from = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd") })).JsonAsync();
            made = (caseId, withMeasure.GetProperty("measures")[0].GetProperty("id").GetInt64(), type.GetProperty("id").GetInt32());
            DvMade[factory] = made;
            return made;
        }
        finally
        {
            DvGate.Release();
        }
    }

    [Fact]
    public async Task AssignInspector_SupervisorInOwnDistrict_SucceedsAndShowsOnTheCard()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var officerId = await AnotherOfficerOfDistrictAsync(admin, districtId, beatId);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var original = (await (await supervisor.GetAsync($"/api/v1/beats/{beatId}")).JsonAsync()).GetProperty("inspector").GetProperty("id").GetInt32();
        try
        {
            var response = await supervisor.PutAsJsonAsync($"/api/v1/beats/{beatId}/inspector", new { officerId });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            var card = await (await supervisor.GetAsync($"/api/v1/beats/{beatId}")).JsonAsync();
            Assert.Equal(officerId, card.GetProperty("inspector").GetProperty("id").GetInt32());
        }
        finally
        {
            await supervisor.PutAsJsonAsync($"/api/v1/beats/{beatId}/inspector", new { officerId = original });
        }
    }

    [Fact]
    public async Task AssignInspector_SupervisorInAnotherDistrict_Returns403AndChangesNothing()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.3300", "77.0000");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz", language: "ru");
        var before = (await (await supervisor.GetAsync($"/api/v1/beats/{beatId}")).JsonAsync()).GetProperty("inspector").GetProperty("id").GetInt32();

        var response = await supervisor.PutAsJsonAsync($"/api/v1/beats/{beatId}/inspector", new { officerId = (int?)null });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("своего района", (await response.JsonAsync()).GetProperty("detail").GetString());
        var after = (await (await supervisor.GetAsync($"/api/v1/beats/{beatId}")).JsonAsync()).GetProperty("inspector").GetProperty("id").GetInt32();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task AssignInspector_OfficerOfAnotherDistrict_Returns400()
    {
        var (almalyBeat, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (_, otherDistrict) = await factory.BeatAtAsync("43.3300", "77.0000");
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var outsider = await AnotherOfficerOfDistrictAsync(admin, otherDistrict, -1);
        var response = await admin.PutAsJsonAsync($"/api/v1/beats/{almalyBeat}/inspector", new { officerId = outsider });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The inspector of some other beat in the district, found through the public API.</summary>
    private static async Task<int> AnotherOfficerOfDistrictAsync(HttpClient client, int districtId, int exceptBeatId)
    {
        var beats = await (await client.GetAsync($"/api/v1/districts/{districtId}/beats")).JsonAsync();
        var other = beats.EnumerateArray().First(b => b.GetProperty("id").GetInt32() != exceptBeatId).GetProperty("id").GetInt32();
        var card = await (await client.GetAsync($"/api/v1/beats/{other}")).JsonAsync();
        return card.GetProperty("inspector").GetProperty("id").GetInt32();
    }
}

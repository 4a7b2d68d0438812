using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Tests.Protocols;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.WeaponSeizures.WeaponSeizureTestData;

namespace Uchastok.Web.Tests.WeaponSeizures;

/// <summary>
/// Recording seizures through the API and the page (issue 21): the rules' refusals in the caller's language with nothing
/// saved, the place's scope, the protocol link, the read log, the dashboard's table and determinants, and the public
/// figures under the small-count rule. The clock stands on Monday 2 November 2026 (2026-Q4; the last ended quarter is Q3).
/// </summary>
public sealed class WeaponSeizureTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task Record_APistolWithoutSeries_IsRefusedInRussian_NamingTheField_AndNothingIsSaved()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");
        var number = "ПР-" + Guid.NewGuid().ToString("N")[..8];

        var response = await inspector.PostAsJsonAsync("/api/v1/seizures", Seizure([Pistol(series: null)], protocolNumber: number));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        var message = Assert.Single(errors.EnumerateObject()).Value[0].GetString();
        Assert.Equal("Предмет 1 (Пистолет): укажите поле «Серия».", message);
        Assert.True(errors.TryGetProperty("items[0].series", out _));
        Assert.False(await WithDbAsync(factory, db => db.WeaponSeizures.AnyAsync(s => s.ProtocolNumber == number)));
    }

    [Fact]
    public async Task Record_EveryProblemAtOnce_InKazakh()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "kk");

        var response = await inspector.PostAsJsonAsync("/api/v1/seizures", new { seizedOn = "2027-01-01", items = new object[] { new { category = "ammunition" } }, determinants = Array.Empty<int>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["seizedOn", "items[0].calibre", "items[0].count", "determinants", "protocolNumber", "address"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("Алу күні болашақта бола алмайды.", errors.GetProperty("seizedOn")[0].GetString());
    }

    [Fact]
    public async Task Record_APistolWithEverything_IsSaved_OnTheBeat_WithItsDeterminants_AndTheReadIsLogged()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var (beat, district) = await factory.BeatAtAsync("43.2510", "76.9210");

        var created = await RecordAsync(inspector, Seizure([Pistol(), new { category = "ammunition", count = 16, calibre = "9×18" }], determinants: [3, 1, 3], incidentNumber: "241500031000123"));

        Assert.Equal((district, beat, "2026-Q4"), (created.GetProperty("districtId").GetInt32(), created.GetProperty("beatId").GetInt32(), created.GetProperty("quarter").GetString()));
        Assert.Equal([1, 3], created.GetProperty("determinants").EnumerateArray().Select(d => d.GetInt32()));
        var id = created.GetProperty("id").GetInt64();
        var view = await (await inspector.GetAsync($"/api/v1/seizures/{id}?purpose=checking the serial")).JsonAsync();
        var pistol = view.GetProperty("items")[0];
        Assert.Equal(("pistol", 1, "АБ", "741852"), (pistol.GetProperty("category").GetString(), pistol.GetProperty("count").GetInt32(), pistol.GetProperty("series").GetString(), pistol.GetProperty("number").GetString()));
        Assert.Equal(16, view.GetProperty("items")[1].GetProperty("count").GetInt32());
        Assert.Equal("241500031000123", view.GetProperty("incidentNumber").GetString());
        Assert.Equal(Lat, view.GetProperty("place").GetProperty("latitude").GetDouble());
        var logged = await WithDbAsync(factory, db => db.PersonalDataAccesses.Where(a => a.RecordKind == "weapon-seizure" && a.RecordId == id.ToString()).Select(a => a.Purpose).ToListAsync());
        Assert.Equal(["checking the serial"], logged);
        // The place is kept encrypted (ADR 0010): the row holds no address or coordinates in clear.
        var stored = await WithDbAsync(factory, db => db.WeaponSeizures.Where(s => s.Id == id).Select(s => s.ProtectedPlace).SingleAsync());
        Assert.DoesNotContain("43.251", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_OnAnotherInspectorsBeat_IsRefused()
    {
        var (beat, district) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var other = await factory.SignedInAsync(await factory.OtherInspectorAsync(district, beat));

        var response = await other.PostAsJsonAsync("/api/v1/seizures", Seizure([Pistol()]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("address", out _));
    }

    [Fact]
    public async Task Record_ByTheSupervisor_InHisDistrict_IsSaved_ByAnAddressTheRegisterKnows()
    {
        using var client = factory.Client();
        var line = (await (await client.GetAsync($"/api/v1/addresses/nearest?lat={Lat}&lon={Lon}")).JsonAsync()).GetProperty("line").GetString();
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");

        var created = await RecordAsync(supervisor, new { seizedOn = "2026-11-01", address = line, items = new object[] { new { category = "grenade", type = "РГД-5", count = 2 } }, determinants = new[] { 9 }, protocolNumber = "17" });

        Assert.Equal("2026-Q4", created.GetProperty("quarter").GetString());
    }

    [Fact]
    public async Task Protocol_OfTheDistrict_IsLinked_AndAnUnknownOneIsRefused()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");
        var seizure = (await RecordAsync(inspector, Seizure([Pistol()]))).GetProperty("id").GetInt64();
        var protocol = (await ProtocolTestData.DraftAsync(inspector, ProtocolTestData.SearchDocument())).GetProperty("id").GetInt64();

        var unknown = await inspector.PutAsJsonAsync($"/api/v1/seizures/{seizure}/protocol", new { protocolId = 987654321 });
        var linked = await inspector.PutAsJsonAsync($"/api/v1/seizures/{seizure}/protocol", new { protocolId = protocol });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("987654321", (await unknown.JsonAsync()).GetProperty("errors").GetProperty("protocolId")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(protocol, (await linked.JsonAsync()).GetProperty("protocolId").GetInt64());
        // Recorded straight away with the protocol, the typed number is not needed.
        var direct = await RecordAsync(inspector, Seizure([Pistol()], protocolId: protocol));
        Assert.Equal(protocol, direct.GetProperty("protocolId").GetInt64());
    }

    [Fact]
    public async Task Dashboard_CountsAPistolInItsDistrictAndQuarter_AndItsDeterminant_ForTheSupervisorOnly()
    {
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var (_, district) = await factory.BeatAtAsync("43.2510", "76.9210");
        var before = await (await supervisor.GetAsync("/api/v1/seizures/dashboard?quarter=2026-Q4")).JsonAsync();

        await RecordAsync(inspector, Seizure([Pistol()], determinants: [5]));
        var after = await (await supervisor.GetAsync("/api/v1/seizures/dashboard?quarter=2026-Q4")).JsonAsync();

        var pistolColumn = after.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList().IndexOf("pistol");
        Assert.Equal(Cell(before, district, pistolColumn) + 1, Cell(after, district, pistolColumn));
        Assert.Equal(Determinant(before, district, 5) + 1, Determinant(after, district, 5));
        var quarter = after.GetProperty("quarters")[0];
        Assert.Equal("2026-Q4", quarter.GetProperty("quarter").GetString());
        Assert.Equal(quarter.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("weapons").GetInt32()), quarter.GetProperty("totalWeapons").GetInt32());
        Assert.All(after.GetProperty("quarters").EnumerateArray().SelectMany(q => q.GetProperty("rows").EnumerateArray()), r => Assert.Equal(district, r.GetProperty("districtId").GetInt32()));
    }

    [Fact]
    public async Task Dashboard_OfAnotherDistrict_IsNotFound_ForTheSupervisor_ButTheAdministratorSeesEveryDistrict()
    {
        var (_, district) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        await RecordAsync(inspector, Seizure([Pistol()]));

        var other = await supervisor.GetAsync($"/api/v1/seizures/dashboard?districtId={await OtherDistrictAsync(factory, district)}");
        var all = await (await admin.GetAsync("/api/v1/seizures/dashboard")).JsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains(all.GetProperty("quarters").EnumerateArray().SelectMany(q => q.GetProperty("rows").EnumerateArray()), r => r.GetProperty("districtId").GetInt32() == district);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/seizures/dashboard?quarter=2026-5")).StatusCode);
    }

    [Fact]
    public async Task PublicFigures_HideACountFromFewerThanFiveSeizures_ShowItFromFive_AndLeaveTheRunningQuarterOut()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        using var anonymous = factory.Client();
        // Shields in the last ended quarter are this test's own: no other test records any. Five shields of one
        // seizure are one event: hidden, as a count of one would be.
        await RecordAsync(inspector, Seizure([new { category = "shield", count = 5 }], seizedOn: "2026-08-14"));
        var hidden = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/seizures/public");
        foreach (var day in new[] { "2026-08-20", "2026-09-01", "2026-09-15", "2026-09-30" })
            await RecordAsync(inspector, Seizure([new { category = "shield", count = 1 }], seizedOn: day));
        var shown = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/seizures/public");

        Assert.Equal(["2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4"], shown.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("quarter").GetString()));
        Assert.Equal(JsonValueKind.Null, Shields(hidden).ValueKind);
        Assert.Equal(9, Shields(shown).GetInt32());
        Assert.Equal(5, shown.GetProperty("minimumCount").GetInt32());
    }

    [Fact]
    public async Task Page_RefusesAPistolWithoutSeries_ThenSavesIt()
    {
        using var inspector = await factory.SignedInWithCookieAsync("inspector1@demo.kz", language: "en");
        using var client = factory.Client();
        var line = (await (await client.GetAsync($"/api/v1/addresses/nearest?lat={Lat}&lon={Lon}")).JsonAsync()).GetProperty("line").GetString()!;
        var number = "PAGE-" + Guid.NewGuid().ToString("N")[..8];
        var form = await inspector.GetStringAsync("/seizures/new");
        Dictionary<string, string> Fields(string series) => new()
        {
            ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(form),
            ["Form.SeizedOn"] = "2026-10-29", ["Form.Address"] = line,
            ["Form.Items[0].Category"] = "pistol", ["Form.Items[0].Type"] = "self-loading", ["Form.Items[0].Make"] = "IZHMEKH", ["Form.Items[0].Model"] = "PM",
            ["Form.Items[0].Calibre"] = "9x18", ["Form.Items[0].Series"] = series, ["Form.Items[0].Number"] = "111222",
            ["Form.Items[1].Category"] = "", ["Form.Determinants"] = "2", ["Form.ProtocolNumber"] = number,
        };

        var refused = await inspector.PostAsync("/seizures/new", new FormUrlEncodedContent(Fields("")));
        var saved = await inspector.PostAsync("/seizures/new", new FormUrlEncodedContent(Fields("KA")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Item 1 (Pistol): enter the Series.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await WithDbAsync(factory, db => db.WeaponSeizures.Where(s => s.ProtocolNumber == number).Select(s => s.Id).SingleAsync());
        Assert.Equal($"/seizures/{id}?recorded=true", saved.Headers.Location!.OriginalString);
        var detail = await inspector.GetStringAsync($"/seizures/{id}?recorded=true");
        Assert.Contains("111222", detail);
        Assert.Contains("id=\"seizure-recorded\"", detail);
    }

    private static int Cell(JsonElement dashboard, int district, int column) =>
        dashboard.GetProperty("quarters").EnumerateArray().Where(q => q.GetProperty("quarter").GetString() == "2026-Q4")
            .SelectMany(q => q.GetProperty("rows").EnumerateArray()).Where(r => r.GetProperty("districtId").GetInt32() == district)
            .Sum(r => r.GetProperty("byCategory")[column].GetInt32());

    private static int Determinant(JsonElement dashboard, int district, int code) =>
        dashboard.GetProperty("determinantsByDistrict").EnumerateArray().Where(r => r.GetProperty("districtId").GetInt32() == district)
            .Sum(r => r.GetProperty("byDeterminant")[code - 1].GetInt32());

    private static JsonElement Shields(JsonElement figures) =>
        figures.GetProperty("quarters")[0].GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "shield").GetProperty("count");
}

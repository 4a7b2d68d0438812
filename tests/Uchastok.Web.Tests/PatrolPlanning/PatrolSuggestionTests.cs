using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.PatrolPlanning;

/// <summary>
/// Patrol suggestions through the real host: made from the beat's incidents before the month, once per beat and month,
/// decided by the supervisor only, what was done recorded by the inspector, a past month compared with its suggestion,
/// and the risk zones of the inspector's day. The clock stands on 2 November 2026, so the month planned is December.
/// Each test that writes works on a beat and month of its own (decide: planned/December; record: planned/October;
/// page: past/December; risk zones: planned/November; comparison: past/October), so their order does not matter.
/// </summary>
public sealed class PatrolSuggestionTests(PatrolSuggestionTests.Fixture fixture) : IClassFixture<PatrolSuggestionTests.Fixture>
{
    public sealed class Fixture : ClockedAppFactory
    {
        private readonly MadeOnce<PatrolTestBeats> _beats = new();

        public Task<PatrolTestBeats> BeatsAsync() => _beats.GetAsync(() => PatrolTestData.SeedAsync(this));
    }

    private const string Supervisor = "supervisor.almaly@demo.kz", Inspector = "inspector1@demo.kz";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<JsonElement> PlannedAsync(HttpClient supervisor, int beat, string period = "2026-12")
    {
        var response = await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beat}?period={period}", null);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Generate_RanksTheBeatsCellsByTheForecast_WithSharesAndTheBusiestHours_OncePerMonth()
    {
        var beats = await fixture.BeatsAsync();
        using var supervisor = await fixture.SignedInAsync(Supervisor);

        var first = await PlannedAsync(supervisor, beats.Planned);
        var again = await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Planned}?period=2026-12", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var set = first.GetProperty("suggestion");
        Assert.Equal(set.GetProperty("id").GetInt32(), (await JsonAsync(again)).GetProperty("suggestion").GetProperty("id").GetInt32());
        Assert.Equal(8, set.GetProperty("historyIncidents").GetInt32());
        Assert.Equal(7, set.GetProperty("timedIncidents").GetInt32());
        Assert.StartsWith("recency-weighted count", set.GetProperty("method").GetString());
        var cells = set.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(2, cells.Count);
        // The busy place: six incidents, most recent in late October; the quiet place two in early October.
        Assert.Equal(beats.PlannedBusy.Lat, cells[0].GetProperty("latitude").GetDouble(), 2);
        Assert.True(cells[0].GetProperty("expectedShare").GetDouble() > 0.6);
        Assert.Equal(1.0, cells.Sum(c => c.GetProperty("expectedShare").GetDouble()), 6);
        // 19:30, 20:10, 18:45, 19:05, 20:00 → 18–21 (5); 22:15 → 21–24 (1).
        Assert.Equal(["18–21", "21–24"], cells[0].GetProperty("hourBands").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(["06–09"], cells[1].GetProperty("hourBands").EnumerateArray().Select(b => b.GetString()));
        Assert.StartsWith("https://www.openstreetmap.org/?mlat=", cells[0].GetProperty("mapUrl").GetString());
        // Each cell's square for a map: a closed ring of five [lon, lat] corners around its centre, 250 m a side.
        foreach (var cell in cells)
        {
            var ring = cell.GetProperty("polygon").EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
            Assert.Equal(5, ring.Count);
            Assert.Equal(ring[0], ring[4]);
            Assert.Equal(cell.GetProperty("latitude").GetDouble(), ring.Take(4).Average(p => p.Lat), 5);
            Assert.Equal(cell.GetProperty("longitude").GetDouble(), ring.Take(4).Average(p => p.Lon), 5);
            var north = (ring.Max(p => p.Lat) - ring.Min(p => p.Lat)) * 111_195;
            Assert.InRange(north, 249, 251);
        }
    }

    [Fact]
    public async Task Decide_TheSupervisorAcceptsAndRejectsWithAReason_TheInspectorMayNot()
    {
        var beats = await fixture.BeatsAsync();
        using var supervisor = await fixture.SignedInAsync(Supervisor);
        using var inspector = await fixture.SignedInAsync(Inspector);
        var cells = (await PlannedAsync(supervisor, beats.Planned)).GetProperty("suggestion").GetProperty("cells").EnumerateArray().ToList();
        var (one, two) = (cells[0].GetProperty("id").GetInt32(), cells[1].GetProperty("id").GetInt32());

        var byInspector = await inspector.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{one}/decision", new { decision = "accepted" });
        var unknown = await supervisor.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{one}/decision", new { decision = "maybe" });
        var accepted = await supervisor.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{one}/decision", new { decision = "accepted" });
        var rejected = await supervisor.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{two}/decision", new { decision = "rejected", reason = "  Covered by the school's own guard  " });

        Assert.Equal(HttpStatusCode.Forbidden, byInspector.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("decision", (await JsonAsync(unknown)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var after = (await JsonAsync(rejected)).GetProperty("suggestion").GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal("accepted", after[0].GetProperty("decision").GetString());
        Assert.Equal("rejected", after[1].GetProperty("decision").GetString());
        Assert.Equal("Covered by the school's own guard", after[1].GetProperty("reason").GetString());
        var read = await JsonAsync(await inspector.GetAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Planned}?period=2026-12"));
        Assert.False(read.GetProperty("mayDecide").GetBoolean());
        Assert.True(read.GetProperty("mayRecord").GetBoolean());
        Assert.Equal("rejected", read.GetProperty("suggestion").GetProperty("cells")[1].GetProperty("decision").GetString());
    }

    [Fact]
    public async Task RecordWork_TheInspectorRecordsHours_AndBadInputChangesNothing()
    {
        var beats = await fixture.BeatsAsync();
        using var supervisor = await fixture.SignedInAsync(Supervisor);
        using var inspector = await fixture.SignedInAsync(Inspector, language: "ru");
        // October is over: what was done is still recorded (records often come after the month).
        var cell = (await PlannedAsync(supervisor, beats.Planned, "2026-10")).GetProperty("suggestion").GetProperty("cells")[0].GetProperty("id").GetInt32();

        var done = await inspector.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{cell}/work", new { hours = 6.5, note = "Evening walks along the yards" });
        var negative = await inspector.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{cell}/work", new { hours = -1, note = "x" });
        var tooLong = await inspector.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{cell}/work", new { hours = 1, note = new string('a', 1001) });
        var missing = await inspector.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{cell}/work", new { note = "no hours" });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("от 0 до 744", (await JsonAsync(negative)).GetProperty("errors").GetProperty("hours")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        await using var scope = fixture.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().PatrolSuggestions.AsNoTracking().SingleAsync(s => s.Id == cell);
        Assert.Equal(6.5, row.PatrolHours);
        Assert.Equal("Evening walks along the yards", row.PatrolNote);
        Assert.NotNull(row.RecordedByUserId);
    }

    [Fact]
    public async Task Comparison_OfAMonthThatIsOver_CountsItsIncidentsInTheSuggestedCells_AndItsDecisionsAreClosed()
    {
        var beats = await fixture.BeatsAsync();
        using var supervisor = await fixture.SignedInAsync(Supervisor);

        var made = await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Past}?period=2026-10", null);
        Assert.True(made.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);
        var cells = (await JsonAsync(made)).GetProperty("suggestion").GetProperty("cells").EnumerateArray().ToList();
        // Made from before October only: September's three (weight 1) against August's one (weight 2^(−1/6)).
        Assert.Equal(3 / (3 + Math.Pow(2, -1 / 6.0)), cells[0].GetProperty("expectedShare").GetDouble(), 6);
        var late = await supervisor.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{cells[0].GetProperty("id").GetInt32()}/decision", new { decision = "accepted" });
        var comparison = await supervisor.GetAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Past}/comparison?period=2026-10");

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, comparison.StatusCode);
        var view = await JsonAsync(comparison);
        Assert.True(view.GetProperty("monthComplete").GetBoolean());
        Assert.Equal(3, view.GetProperty("beatIncidents").GetInt32());
        Assert.Equal(3, view.GetProperty("all").GetProperty("incidents").GetInt32());
        Assert.Equal(1.0, view.GetProperty("all").GetProperty("actualShare").GetDouble(), 9);
        Assert.Equal(2, view.GetProperty("pending").GetProperty("cells").GetInt32());
        Assert.Equal(0, view.GetProperty("accepted").GetProperty("cells").GetInt32());
        Assert.Equal([2, 1], view.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("incidents").GetInt32()));
    }

    [Fact]
    public async Task DistrictComparison_ListsEachBeatAsItsOwnComparisonCountsIt_AndPoolsThem_NotForAMonthToCome()
    {
        var beats = await fixture.BeatsAsync();
        using var supervisor = await fixture.SignedInAsync(Supervisor, language: "ru");
        // October on both beats (made here or by the other October tests: making again answers the one made).
        foreach (var beat in new[] { beats.Past, beats.Planned })
            Assert.True((await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beat}?period=2026-10", null)).StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);

        var response = await supervisor.GetAsync($"/api/v1/analytics/patrol-suggestions/districts/{beats.District}/comparison?period=2026-10");
        var future = await supervisor.GetAsync($"/api/v1/analytics/patrol-suggestions/districts/{beats.District}/comparison?period=2026-12");
        var notAMonth = await supervisor.GetAsync($"/api/v1/analytics/patrol-suggestions/districts/{beats.District}/comparison?period=2026-13");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await JsonAsync(response);
        Assert.True(view.GetProperty("monthComplete").GetBoolean());
        var rows = view.GetProperty("beats").EnumerateArray().ToList();
        foreach (var beat in new[] { beats.Past, beats.Planned })
        {
            var own = await JsonAsync(await supervisor.GetAsync($"/api/v1/analytics/patrol-suggestions/beats/{beat}/comparison?period=2026-10"));
            var row = rows.Single(r => r.GetProperty("beatId").GetInt32() == beat);
            Assert.Equal(own.GetProperty("beatIncidents").GetInt32(), row.GetProperty("beatIncidents").GetInt32());
            Assert.Equal(own.GetProperty("all").GetProperty("incidents").GetInt32(), row.GetProperty("all").GetProperty("incidents").GetInt32());
            Assert.Equal(own.GetProperty("all").GetProperty("expectedShare").GetDouble(), row.GetProperty("all").GetProperty("expectedShare").GetDouble(), 9);
        }
        var total = rows.Sum(r => r.GetProperty("beatIncidents").GetInt32());
        Assert.Equal(3, rows.Single(r => r.GetProperty("beatId").GetInt32() == beats.Past).GetProperty("beatIncidents").GetInt32());
        Assert.Equal(total, view.GetProperty("beatIncidents").GetInt32());
        Assert.Equal((double)rows.Sum(r => r.GetProperty("all").GetProperty("incidents").GetInt32()) / total, view.GetProperty("all").GetProperty("actualShare").GetDouble(), 9);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("Месяц ещё не начался: сравнивать пока нечего.", (await JsonAsync(future)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notAMonth.StatusCode);

        // In scope only: the beat's inspector gets his own beat's row and no other; another district's supervisor gets 404.
        using var inspector = await fixture.SignedInAsync(Inspector);
        var inspectorsView = await JsonAsync(await inspector.GetAsync($"/api/v1/analytics/patrol-suggestions/districts/{beats.District}/comparison?period=2026-10"));
        Assert.Contains(inspectorsView.GetProperty("beats").EnumerateArray(), r => r.GetProperty("beatId").GetInt32() == beats.Planned);
        Assert.DoesNotContain(inspectorsView.GetProperty("beats").EnumerateArray(), r => r.GetProperty("beatId").GetInt32() == beats.Past);
        var otherDistrict = await WithOtherDistrictAsync(beats.District);
        using var stranger = await fixture.SignedInAsync(await fixture.CreateStaffAsync("Supervisor", otherDistrict));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/analytics/patrol-suggestions/districts/{beats.District}/comparison?period=2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"/api/v1/analytics/patrol-suggestions/districts/{otherDistrict}/comparison?period=2026-10")).StatusCode);

        // The page shows the same table when no beat is open, each beat linking to its own page.
        using var page = await fixture.SignedInWithCookieAsync(Supervisor, language: "kk");
        var html = await page.GetStringAsync($"/analytics/patrols?district={beats.District}&period=2026-10");
        Assert.Contains("id=\"patrols-district-comparison\"", html);
        Assert.Contains("2026-10 айы ұсыныстармен салыстырғанда", html);
        Assert.Contains($"href=\"/analytics/patrols?district={beats.District}&amp;beat={beats.Past}&amp;period=2026-10\"", html);
        Assert.Contains("Барлық учаскелер (", html);
        Assert.DoesNotContain("id=\"patrols-district-comparison\"", await page.GetStringAsync($"/analytics/patrols?district={beats.District}&period=2026-12"));
    }

    [Fact]
    public async Task Generate_RefusesAMonthBeyondTheNext_AndAMonthThatIsNotOne()
    {
        var beats = await fixture.BeatsAsync();
        using var supervisor = await fixture.SignedInAsync(Supervisor, language: "kk");

        var far = await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Past}?period=2027-01", null);
        var bad = await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Past}?period=2026-13", null);

        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Equal("Ұсыныстар тек келесі айға дейін жасалады.", (await JsonAsync(far)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await using var scope = fixture.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().PatrolSuggestionSets.AnyAsync(s => s.BeatId == beats.Past && s.Period > new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public async Task RiskZones_ComeFromTheForecastUntilTheMonthsSuggestionIsMade_ThenFromIt()
    {
        var beats = await fixture.BeatsAsync();
        using var inspector = await fixture.SignedInAsync(Inspector);
        using var supervisor = await fixture.SignedInAsync(Supervisor);

        var before = await JsonAsync(await inspector.GetAsync("/api/v1/analytics/risk-zones"));
        var mine = before.GetProperty("beats").EnumerateArray().Single(b => b.GetProperty("beatId").GetInt32() == beats.Planned);
        Assert.Equal("2026-11", before.GetProperty("period").GetString());
        Assert.Equal("forecast", mine.GetProperty("source").GetString());
        Assert.Equal(2, mine.GetProperty("zones").GetArrayLength());
        Assert.DoesNotContain(before.GetProperty("beats").EnumerateArray(), b => b.GetProperty("beatId").GetInt32() == beats.Past);

        var made = await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Planned}?period=2026-11", null);
        var cells = (await JsonAsync(made)).GetProperty("suggestion").GetProperty("cells");
        await supervisor.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{cells[1].GetProperty("id").GetInt32()}/decision", new { decision = "rejected" });
        var after = await JsonAsync(await inspector.GetAsync($"/api/v1/analytics/risk-zones?beat={beats.Planned}"));

        var zones = after.GetProperty("beats").EnumerateArray().Single();
        Assert.Equal("suggestion", zones.GetProperty("source").GetString());
        // The rejected cell is no risk zone for the day's patrol.
        Assert.Equal([1], zones.GetProperty("zones").EnumerateArray().Select(z => z.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task Page_TheSupervisorAcceptsAndRejectsWithoutJavaScript()
    {
        var beats = await fixture.BeatsAsync();
        using var api = await fixture.SignedInAsync(Supervisor);
        var cells = (await PlannedAsync(api, beats.Past)).GetProperty("suggestion").GetProperty("cells").EnumerateArray().ToList();
        using var page = await fixture.SignedInWithCookieAsync(Supervisor, language: "ru");
        var url = $"/analytics/patrols?district={beats.District}&beat={beats.Past}&period=2026-12";
        var html = await page.GetStringAsync(url);
        var token = CookieSession.AntiforgeryToken(html);

        var tooLong = await page.PostAsync("/analytics/patrols?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = cells[1].GetProperty("id").GetInt32().ToString(), ["district"] = beats.District.ToString(),
            ["decision"] = "rejected", ["reason"] = new string('я', 501),
        }));
        var accept = await page.PostAsync("/analytics/patrols?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = cells[0].GetProperty("id").GetInt32().ToString(), ["district"] = beats.District.ToString(), ["decision"] = "accepted",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("не более 500 символов", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.StartsWith("/analytics/patrols?", accept.Headers.Location!.OriginalString);
        var after = await page.GetStringAsync(accept.Headers.Location!.OriginalString);
        Assert.Contains("Сохранено.", after);
        Assert.Contains($"data-suggestion=\"{cells[0].GetProperty("id").GetInt32()}\" data-state=\"accepted\"", after);
        // The map's squares carry the decision and a tooltip in the reader's language; the beat's outline lies under them.
        var squares = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(Attribute(after, "patrol-map", "data-cells"))).RootElement.EnumerateArray().ToList();
        Assert.Equal(cells.Select(c => c.GetProperty("id").GetInt32()), squares.Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal(["accepted", "pending"], squares.Select(s => s.GetProperty("state").GetString()));
        Assert.StartsWith("Квадрат 1: Принято, ожидаемая доля", squares[0].GetProperty("label").GetString());
        Assert.Equal(5, squares[1].GetProperty("polygon").GetArrayLength());
        Assert.Contains(JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(Attribute(after, "patrol-map", "data-beat"))).RootElement.GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        Assert.Contains("/js/patrol-map.js", after);
        foreach (var (language, label) in new[] { ("kk", "1-шаршы: Қабылданды, күтілетін үлес"), ("en", "Square 1: Accepted, expected share") })
        {
            using var reader = await fixture.SignedInWithCookieAsync(Supervisor, language: language);
            var html2 = await reader.GetStringAsync(url);
            var first = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(Attribute(html2, "patrol-map", "data-cells"))).RootElement[0];
            Assert.StartsWith(label, first.GetProperty("label").GetString());
        }
    }

    private async Task<int> WithOtherDistrictAsync(int district)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Districts.Where(d => d.Id != district).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    /// <summary>An attribute of the element with the id, as the page wrote it (still HTML-encoded).</summary>
    private static string Attribute(string html, string id, string name)
    {
        var element = html[html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)..];
        var start = element.IndexOf($"{name}=\"", StringComparison.Ordinal) + name.Length + 2;
        return element[start..element.IndexOf('"', start)];
    }

    [Fact]
    public async Task Page_WithoutASuggestion_DrawsNoMapAndLoadsNoMapScript()
    {
        var beats = await fixture.BeatsAsync();
        using var page = await fixture.SignedInWithCookieAsync(Supervisor, language: "en");

        var html = await page.GetStringAsync($"/analytics/patrols?district={beats.District}&beat={beats.Past}&period=2026-09");

        Assert.Contains("id=\"patrols-not-made\"", html);
        Assert.DoesNotContain("id=\"patrol-map\"", html);
        Assert.DoesNotContain("leaflet", html);
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.CrimeAnalytics.HotspotTestData;

namespace Uchastok.Web.Tests.CrimeAnalytics;

/// <summary>
/// The hotspot map and counts against a handful of hand-placed incidents: the import keeps their time and category,
/// the grid counts them cell by cell, the charts by month, weekday and hour, scope and bad input refused.
/// </summary>
public sealed class HotspotTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Import_KeepsTheTimeOfDay_AndMapsTheTypeToItsCategory()
    {
        var placed = await ImportAsync(factory);
        var from = DateOnly.ParseExact(placed.Month, "yyyy-MM", CultureInfo.InvariantCulture);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var stored = await db.Incidents.AsNoTracking().Where(i => i.OccurredOn >= from && i.OccurredOn < from.AddMonths(1))
            .OrderBy(i => i.OccurredOn).ThenBy(i => i.OccurredAt).Select(i => new { i.Category, i.OccurredAt }).ToListAsync();
        Assert.Equal(
            [("apartment-theft", new TimeOnly(9, 0)), ("apartment-theft", new TimeOnly(9, 30)), ("apartment-theft", new TimeOnly(22, 15)), ("shoplifting", new TimeOnly(10, 0)), ("fraud", (TimeOnly?)null), ("fraud", null)],
            stored.Select(s => (s.Category, s.OccurredAt)));
    }

    [Fact]
    public async Task Hotspots_CountEachHandPlacedIncidentInItsCell_ByCategory()
    {
        var placed = await ImportAsync(factory);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");

        var all = await (await supervisor.GetAsync($"/api/v1/analytics/hotspots?scope=district&id={placed.District}&from={placed.Month}&to={placed.Month}")).JsonAsync();
        var thefts = await (await supervisor.GetAsync($"/api/v1/analytics/hotspots?scope=district&id={placed.District}&from={placed.Month}&to={placed.Month}&category=apartment-theft")).JsonAsync();

        Assert.Equal(6, all.GetProperty("total").GetInt32());
        Assert.Equal(2, all.GetProperty("cellsWithIncidents").GetInt32());
        Assert.False(all.GetProperty("capped").GetBoolean());
        Assert.Equal(250, all.GetProperty("cellMetres").GetDouble());
        var cells = all.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal([2, 4], cells.Select(c => c.GetProperty("count").GetInt32()).Order());
        AssertHolds(cells.Single(c => c.GetProperty("count").GetInt32() == 4), OwnLat, OwnLon);
        AssertHolds(cells.Single(c => c.GetProperty("count").GetInt32() == 2), AwayLat, AwayLon);
        Assert.Equal(3, thefts.GetProperty("total").GetInt32());
        Assert.Equal("apartment-theft", thefts.GetProperty("category").GetString());
        var theftCell = Assert.Single(thefts.GetProperty("cells").EnumerateArray());
        Assert.Equal(3, theftCell.GetProperty("count").GetInt32());
        AssertHolds(theftCell, OwnLat, OwnLon);
    }

    /// <summary>The cell's square (5 corners, closed) holds the point, and its centre is the square's middle.</summary>
    private static void AssertHolds(JsonElement cell, string lat, string lon)
    {
        var ring = cell.GetProperty("polygon").EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.Equal(5, ring.Count);
        Assert.Equal(ring[0], ring[4]);
        var (x, y) = (Number(lon), Number(lat));
        Assert.InRange(x, ring.Min(p => p.Lon), ring.Max(p => p.Lon));
        Assert.InRange(y, ring.Min(p => p.Lat), ring.Max(p => p.Lat));
        Assert.Equal((ring.Min(p => p.Lat) + ring.Max(p => p.Lat)) / 2, cell.GetProperty("centreLatitude").GetDouble(), 5);
        // A 250 m square: 250 m of latitude is 0.002246°.
        Assert.Equal(250 / 111_320.0, ring.Max(p => p.Lat) - ring.Min(p => p.Lat), 5);
    }

    [Fact]
    public async Task Hotspots_ForABeat_CountOnlyItsIncidents_AndDensityIsALayerOnRequest()
    {
        var placed = await ImportAsync(factory);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        var plain = await (await inspector.GetAsync($"/api/v1/analytics/hotspots?scope=beat&id={placed.Beat}&from={placed.Month}&to={placed.Month}")).JsonAsync();
        var withDensity = await (await inspector.GetAsync($"/api/v1/analytics/hotspots?scope=beat&id={placed.Beat}&from={placed.Month}&to={placed.Month}&kde=true")).JsonAsync();

        Assert.Equal(4, plain.GetProperty("total").GetInt32());
        var only = Assert.Single(plain.GetProperty("cells").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("density").ValueKind);
        var cells = withDensity.GetProperty("cells").EnumerateArray().ToList();
        Assert.True(cells.Count > 1, "the density reaches the neighbours");
        Assert.Equal(4, cells.Sum(c => c.GetProperty("count").GetInt32()));
        var densest = cells.MaxBy(c => c.GetProperty("density").GetDouble());
        Assert.Equal(4, densest.GetProperty("count").GetInt32());
        Assert.Equal(500, withDensity.GetProperty("bandwidthMetres").GetDouble());
    }

    [Fact]
    public async Task Counts_ByMonthWeekdayAndHour_FromTheIncidentsWithATime_AndSayWhenThereAreNone()
    {
        var placed = await ImportAsync(factory);
        var month = DateOnly.ParseExact(placed.Month, "yyyy-MM", CultureInfo.InvariantCulture);
        var next = month.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");

        var all = await (await supervisor.GetAsync($"/api/v1/analytics/counts?scope=district&id={placed.District}&from={placed.Month}&to={next}")).JsonAsync();
        var frauds = await (await supervisor.GetAsync($"/api/v1/analytics/counts?scope=district&id={placed.District}&from={placed.Month}&to={next}&category=fraud")).JsonAsync();

        Assert.Equal(6, all.GetProperty("total").GetInt32());
        Assert.Equal(4, all.GetProperty("withTime").GetInt32());
        Assert.True(all.GetProperty("hasTimes").GetBoolean());
        Assert.Equal([(placed.Month, 6), (next, 0)], all.GetProperty("byMonth").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("count").GetInt32())));
        var hours = all.GetProperty("byHour").EnumerateArray().ToDictionary(h => h.GetProperty("hour").GetInt32(), h => h.GetProperty("count").GetInt32());
        Assert.Equal(24, hours.Count);
        Assert.Equal((2, 1, 1, 4), (hours[9], hours[10], hours[22], hours.Values.Sum()));
        var weekdays = all.GetProperty("byWeekday").EnumerateArray().ToDictionary(w => w.GetProperty("weekday").GetInt32(), w => w.GetProperty("count").GetInt32());
        // The timed incidents fell on the 2nd, 2nd, 3rd and 4th of the month; 1 = Monday.
        var expected = Enumerable.Range(1, 7).ToDictionary(d => d, _ => 0);
        foreach (var day in new[] { 2, 2, 3, 4 }) expected[((int)month.AddDays(day - 1).DayOfWeek + 6) % 7 + 1]++;
        Assert.Equal(expected, weekdays);
        Assert.Equal(2, frauds.GetProperty("total").GetInt32());
        Assert.Equal(0, frauds.GetProperty("withTime").GetInt32());
        Assert.False(frauds.GetProperty("hasTimes").GetBoolean());
        Assert.All(frauds.GetProperty("byHour").EnumerateArray(), h => Assert.Equal(0, h.GetProperty("count").GetInt32()));
    }

    [Theory]
    [InlineData("inspector1@demo.kz", "scope=city")]
    [InlineData("inspector1@demo.kz", "scope=district&id={other}")]
    [InlineData("inspector2@demo.kz", "scope=beat&id={beat}")]
    [InlineData("supervisor.almaly@demo.kz", "scope=city")]
    [InlineData("supervisor.almaly@demo.kz", "scope=district&id={other}")]
    public async Task OutsideTheCallersScope_IsForbidden(string who, string query)
    {
        var placed = await ImportAsync(factory);
        using var client = await factory.SignedInAsync(who, language: "ru");
        var url = "/api/v1/analytics/hotspots?" + query.Replace("{other}", placed.OtherDistrict.ToString(CultureInfo.InvariantCulture)).Replace("{beat}", placed.Beat.ToString(CultureInfo.InvariantCulture));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Эта территория вне ваших участков и района.", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("scope=planet", "Неизвестная область «planet»: укажите beat, district или city.")]
    [InlineData("scope=district", "Укажите идентификатор участка или района.")]
    [InlineData("scope=district&id=abc", "«abc» — не идентификатор: нужно целое положительное число.")]
    [InlineData("scope=city&from=2026-13", "«2026-13» — не месяц: укажите год и месяц, например 2026-03.")]
    [InlineData("scope=city&from=2026-05&to=2026-01", "Период начинается (2026-05) позже, чем заканчивается (2026-01).")]
    [InlineData("scope=city&from=2020-01&to=2026-01", "Период — не более 60 месяцев.")]
    [InlineData("scope=city&category=<b>x</b>", "Категория «<b>x</b>» неизвестна; список — /api/v1/analytics/categories.")]
    public async Task BadInput_Is400_InTheCallersLanguage(string query, string detail)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");

        var map = await admin.GetAsync("/api/v1/analytics/hotspots?" + query);
        var counts = await admin.GetAsync("/api/v1/analytics/counts?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, map.StatusCode);
        Assert.Equal(detail, (await map.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, counts.StatusCode);
    }

    [Fact]
    public async Task AnUnknownDistrict_IsNotFound()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var response = await admin.GetAsync("/api/v1/analytics/hotspots?scope=district&id=999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Categories_AreListedInTheCallersLanguage_WithTheirSource()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "kk");

        var categories = (await (await inspector.GetAsync("/api/v1/analytics/categories")).JsonAsync()).EnumerateArray().ToList();

        var theft = categories.Single(c => c.GetProperty("code").GetString() == "apartment-theft");
        Assert.Equal("Пәтер ұрлығы", theft.GetProperty("name").GetString());
        Assert.Contains("Tolykbaeva", theft.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal("other", categories[^1].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Page_ShowsTheCounts_AndSaysPlainlyWhenThePeriodHasNoTimes()
    {
        var placed = await ImportAsync(factory);
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");

        var withTimes = await supervisor.GetStringAsync($"/analytics/hotspots?area=district-{placed.District}&from={placed.Month}&to={placed.Month}");
        var frauds = await supervisor.GetStringAsync($"/analytics/hotspots?area=district-{placed.District}&from={placed.Month}&to={placed.Month}&category=fraud");
        var bad = await supervisor.GetAsync($"/analytics/hotspots?area=district-{placed.District}&from=not-a-month");

        Assert.Contains("data-total=\"6\"", withTimes, StringComparison.Ordinal);
        Assert.Contains("id=\"hotspot-hours\"", withTimes, StringComparison.Ordinal);
        Assert.Contains("id=\"hotspot-some-times\"", withTimes, StringComparison.Ordinal);
        Assert.Contains("href=\"/analytics/patrols\"", withTimes, StringComparison.Ordinal);
        Assert.Contains("data-total=\"2\"", frauds, StringComparison.Ordinal);
        Assert.Contains("id=\"hotspot-no-times\"", frauds, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"hotspot-hours\"", frauds, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"hotspot-problem\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_GivesIncidentsWithoutACategory_TheOneTheirTypeMapsTo()
    {
        var placed = await ImportAsync(factory);
        var month = DateOnly.ParseExact(placed.Month, "yyyy-MM", CultureInfo.InvariantCulture);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As the migration leaves rows imported before categories existed.
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            await db.Incidents.Where(i => i.OccurredOn >= month && i.OccurredOn < month.AddMonths(1)).ExecuteUpdateAsync(s => s.SetProperty(i => i.Category, ""));
        }

        await IncidentCategorySettings.RecategoriseAsync(factory.Services);

        await using var check = factory.Services.CreateAsyncScope();
        var categories = await check.ServiceProvider.GetRequiredService<UchastokDbContext>().Incidents
            .Where(i => i.OccurredOn >= month && i.OccurredOn < month.AddMonths(1)).Select(i => i.Category).ToListAsync();
        Assert.Equal(["apartment-theft", "apartment-theft", "apartment-theft", "fraud", "fraud", "shoplifting"], categories.Order());
    }

    [Fact]
    public void BuiltInCategories_TakeEveryPoliceUkCrimeType()
    {
        var map = IncidentCategorySettings.Load(new ConfigurationBuilder().Build());
        string[] policeUk = ["Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other theft", "Possession of weapons",
            "Public order", "Robbery", "Shoplifting", "Theft from the person", "Vehicle crime", "Violence and sexual offences"];

        Assert.All(policeUk, type => Assert.NotEqual(IncidentCategoryMap.Other, map.CategoryOf(type)));
        Assert.Equal("other", map.CategoryOf("Other crime"));
        Assert.Equal(["apartment-theft", "pickpocketing", "fraud", "public-order"], map.Categories.Take(4).Select(c => c.Code));
        Assert.All(map.Categories, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
    }
}

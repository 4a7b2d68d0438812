using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.CrimeAnalytics.HotspotTestData;

namespace Uchastok.Web.Tests.CrimeAnalytics;

/// <summary>A host whose map answers carry at most one cell, so two cells with incidents already go over the limit.</summary>
public sealed class OneCellMapFactory : UchastokAppFactory
{
    public OneCellMapFactory() => Settings = new Dictionary<string, string> { ["CrimeAnalytics:MapCellLimit"] = "1" };
}

/// <summary>
/// Over the map's cell limit the answer keeps the busiest cells, with and without the density layer, says it was capped
/// and how many cells have incidents; the page says so in the reader's language.
/// </summary>
public sealed class HotspotCapTests(OneCellMapFactory factory) : IClassFixture<OneCellMapFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OverTheLimit_TheBusiestCellsAreKept_AndTheAnswerSaysItWasCapped(bool density)
    {
        var placed = await ImportAsync(factory);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");

        var map = await (await supervisor.GetAsync($"/api/v1/analytics/hotspots?scope=district&id={placed.District}&from={placed.Month}&to={placed.Month}&kde={(density ? "true" : "false")}")).JsonAsync();

        Assert.Equal(6, map.GetProperty("total").GetInt32());
        Assert.Equal(2, map.GetProperty("cellsWithIncidents").GetInt32());
        Assert.True(map.GetProperty("capped").GetBoolean());
        var cell = Assert.Single(map.GetProperty("cells").EnumerateArray());
        Assert.Equal(4, cell.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ThePage_SaysHowManyCellsTheMapLeftOut_InRussian()
    {
        var placed = await ImportAsync(factory);
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz", language: "ru");

        var page = await supervisor.GetStringAsync($"/analytics/hotspots?area=district-{placed.District}&from={placed.Month}&to={placed.Month}");

        Assert.Contains("id=\"hotspot-capped\"", page, StringComparison.Ordinal);
        Assert.Contains("На карте 1 самых загруженных из 2 клеток с происшествиями, в таблице — первые 1", page, StringComparison.Ordinal);
    }
}

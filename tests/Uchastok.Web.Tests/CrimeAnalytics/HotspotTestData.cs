using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.CrimeAnalytics;

/// <summary>
/// Hand-placed incidents for the hotspot tests, each set in a month of its own (one of the months of years 1900..1999 no other import of the run has), so a test counts only
/// what it imported: four at inspector1's point (Tole bi, three apartment thefts with times and one shoplifting at
/// 10:00), two frauds without a time about 1.3 km away in the same district but another beat.
/// </summary>
public static class HotspotTestData
{
    public const string OwnLat = "43.2510", OwnLon = "76.9210";
    public const string AwayLat = "43.2550", AwayLon = "76.9350";

    public sealed record Placed(string Month, int District, int Beat, int AwayBeat, int OtherDistrict);

    private static int _nextMonth = Random.Shared.Next(1200);

    public static async Task<Placed> ImportAsync(UchastokAppFactory factory)
    {
        // A month of its own long past: tests on one host stay apart, and none moves the latest month later tests default to.
        // Handed out in turn from a random start, so no two imports of one test run share a month (drawn at random, two
        // of a class's eight imports met in one month about once in forty runs).
        var month = new DateOnly(1900, 1, 1).AddMonths(Interlocked.Increment(ref _nextMonth) % 1200);
        var day = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var csv = new StringBuilder("lon,lat,kind,day,at\n")
            .Append($"{OwnLon},{OwnLat},Квартирная кража,{day}-02,09:00\n")
            .Append($"{OwnLon},{OwnLat},Квартирная кража,{day}-02,09:30\n")
            .Append($"{OwnLon},{OwnLat},квартирная  КРАЖА,{day}-03,22:15\n")
            .Append($"{OwnLon},{OwnLat},Shoplifting,{day}-04,10:00\n")
            .Append($"{AwayLon},{AwayLat},Fraud,{day}-05,\n")
            .Append($"{AwayLon},{AwayLat},Fraud,{day}-06,\n");
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsync("/api/v1/incidents/import?format=generic&longitude=lon&latitude=lat&type=kind&date=day&time=at",
            new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, (await response.JsonAsync()).GetProperty("rowsTaken").GetInt32());
        var (beat, district) = await factory.BeatAtAsync(OwnLat, OwnLon);
        var (awayBeat, awayDistrict) = await factory.BeatAtAsync(AwayLat, AwayLon);
        Assert.Equal(district, awayDistrict);
        Assert.NotEqual(beat, awayBeat);
        await using var scope = factory.Services.CreateAsyncScope();
        var other = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Districts.Where(d => d.Id != district).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        return new Placed(day, district, beat, awayBeat, other);
    }
}

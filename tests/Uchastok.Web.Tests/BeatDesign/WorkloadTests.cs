using System.Net;
using System.Text;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.BeatDesign;

/// <summary>A district's workload beat by beat: its parts add up, incidents and appeals land in their beat, and only the district's supervisor (or an administrator) sees it.</summary>
public sealed class WorkloadTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Workload_OfAlmaly_CountsResidentsIncidentsAppealsAndTerritoryPerBeat()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
            + string.Concat(Enumerable.Range(0, 3).Select(i => $"w{i},{DateTime.UtcNow:yyyy-MM},A,A,76.9210,43.2510,x,,,Burglary,,\n"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/incidents/import?format=police-uk", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
        using var guest = factory.Client();
        await factory.FileAppealAsync(guest);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");

        var response = await supervisor.GetAsync($"/api/v1/districts/{districtId}/workload");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var workload = await response.JsonAsync();
        var beats = workload.GetProperty("beats").EnumerateArray().ToList();
        var district = await (await guest.GetAsync($"/api/v1/districts/{districtId}/beats")).JsonAsync();
        Assert.Equal(district.GetArrayLength(), beats.Count);
        var mine = beats.Single(b => b.GetProperty("beatId").GetInt32() == beatId);
        Assert.True(mine.GetProperty("incidents").GetInt32() >= 3);
        Assert.True(mine.GetProperty("appeals").GetInt32() >= 1);
        var load = mine.GetProperty("load");
        Assert.Equal(mine.GetProperty("residents").GetInt32(), load.GetProperty("residents").GetDouble(), 0);
        Assert.Equal(mine.GetProperty("incidents").GetInt32() * 20, load.GetProperty("incidents").GetDouble(), 0);
        Assert.Equal(load.GetProperty("residents").GetDouble() + load.GetProperty("incidents").GetDouble() + load.GetProperty("appeals").GetDouble() + load.GetProperty("travel").GetDouble(),
            load.GetProperty("total").GetDouble(), 0);
        Assert.All(beats, b => Assert.True(b.GetProperty("smallAreas").GetInt32() >= 2));
        var staffing = workload.GetProperty("staffing");
        Assert.Equal(beats.Count, staffing.GetProperty("currentBeats").GetInt32());
        Assert.True(staffing.GetProperty("byNormAtMost").GetInt32() >= staffing.GetProperty("byNormAtLeast").GetInt32());
    }

    [Theory]
    [InlineData("inspector1@demo.kz")]
    [InlineData("resident1@demo.kz")]
    public async Task Workload_IsNotForInspectorsOrResidents(string who)
    {
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var client = await factory.SignedInAsync(who);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/districts/{districtId}/workload")).StatusCode);
    }

    [Fact]
    public async Task Workload_OfAnotherDistrict_IsRefusedToTheSupervisor_AndItsPageToo()
    {
        var (_, almaly) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (_, other) = await factory.BeatAtAsync("43.2080", "76.8700");
        Assert.NotEqual(almaly, other);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        using var browser = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz", language: "ru");

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/api/v1/districts/{other}/workload")).StatusCode);
        var page = await browser.GetAsync($"/territory/workload?district={almaly}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Нагрузка на участки", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await browser.GetAsync($"/territory/workload?district={other}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

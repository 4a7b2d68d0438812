using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.PatrolPlanning;

/// <summary>
/// Patrol planning after the territory changes under it: a small area moved to another beat, a beat moved to another
/// district, an inspector left without a beat. Its own host, because these tests redraw the beats the others read.
/// </summary>
public sealed class PatrolRedrawTests(PatrolRedrawTests.Fixture fixture) : IClassFixture<PatrolRedrawTests.Fixture>
{
    public sealed class Fixture : ClockedAppFactory
    {
        private readonly MadeOnce<PatrolTestBeats> _beats = new();

        public Task<PatrolTestBeats> BeatsAsync() => _beats.GetAsync(() => PatrolTestData.SeedAsync(this));
    }

    private const string Supervisor = "supervisor.almaly@demo.kz";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Comparison_AfterTheBusyPlaceIsRedrawnOntoAnotherBeat_StillCountsTheSuggestedCellsOnTheirStoredGrid()
    {
        var beats = await fixture.BeatsAsync();
        using var supervisor = await fixture.SignedInAsync(Supervisor);
        var made = await supervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Past}?period=2026-10", null);
        Assert.True(made.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);

        // The small area of the busy place goes to the planned beat: the past beat's outline no longer holds it.
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var areas = await db.SmallAreas.Where(a => a.BeatId == beats.Past).ToListAsync();
            var busy = areas.OrderBy(a => Math.Abs(a.CentreLatitude - beats.PastBusy.Lat) + Math.Abs(a.CentreLongitude - beats.PastBusy.Lon)).First();
            busy.BeatId = beats.Planned;
            await db.SaveChangesAsync();
        }
        var view = await JsonAsync(await supervisor.GetAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Past}/comparison?period=2026-10"));

        // October: two in the busy place, one in the quiet one, as before the redraw; the beat total keeps the two that
        // moved away, since they fell in a cell suggested for this beat.
        Assert.Equal([2, 1], view.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("incidents").GetInt32()));
        Assert.Equal(3, view.GetProperty("beatIncidents").GetInt32());
        Assert.Equal(1.0, view.GetProperty("all").GetProperty("actualShare").GetDouble(), 9);
    }

    [Fact]
    public async Task Decide_OnABeatMovedToAnotherDistrict_IsForThatDistrictsSupervisor_NotTheOldOnes()
    {
        var beats = await fixture.BeatsAsync();
        using var oldSupervisor = await fixture.SignedInAsync(Supervisor);
        var made = await JsonAsync(await oldSupervisor.PostAsync($"/api/v1/analytics/patrol-suggestions/beats/{beats.Planned}?period=2026-12", null));
        var cell = made.GetProperty("suggestion").GetProperty("cells")[0].GetProperty("id").GetInt32();
        int other;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            other = await db.Districts.Where(d => d.Id != beats.District).OrderBy(d => d.Code).Select(d => d.Id).FirstAsync();
            var beat = await db.Beats.SingleAsync(b => b.Id == beats.Planned);
            beat.DistrictId = other;
            await db.SaveChangesAsync();
        }
        using var newSupervisor = await fixture.SignedInAsync(await fixture.CreateStaffAsync("Supervisor", other));

        var byOld = await oldSupervisor.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{cell}/decision", new { decision = "accepted" });
        var byNew = await newSupervisor.PostAsJsonAsync($"/api/v1/analytics/patrol-suggestions/items/{cell}/decision", new { decision = "accepted" });

        Assert.Equal(HttpStatusCode.NotFound, byOld.StatusCode);
        Assert.True(HttpStatusCode.OK == byNew.StatusCode, await byNew.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_AnInspectorWithNoBeat_SeesThatHeHasNone_NotANotFound()
    {
        var beats = await fixture.BeatsAsync();
        using var page = await fixture.SignedInWithCookieAsync(await fixture.CreateStaffAsync("Inspector", beats.District));

        var response = await page.GetAsync("/analytics/patrols");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No beats of yours in this district.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("inspector1@demo.kz", true)]
    [InlineData("juvenile.almaly@demo.kz", false)]
    [InlineData("women.almaly@demo.kz", false)]
    public async Task Workspace_HasTheRiskZonesSection_ForAnInspectorOnly(string who, bool shown)
    {
        using var page = await fixture.SignedInWithCookieAsync(who);

        var html = await page.GetStringAsync("/workspace");

        Assert.Equal(shown, html.Contains("id=\"wh-zones-section\"", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Community;

/// <summary>The answers of the community API that its named handlers translate from the module's results.</summary>
public sealed class CommunityApiTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task MeetingCompliance_BadQuarter_UnknownDistrict_OtherDistrict_Return400_404_403()
    {
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var other = (await (await factory.Client().GetAsync("/api/v1/districts")).JsonAsync()).EnumerateArray()
            .Select(d => d.GetProperty("id").GetInt32()).First(id => id != districtId);

        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/districts/{districtId}/meeting-compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/v1/districts/{districtId}/meeting-compliance?quarter=2026-Q9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/api/v1/districts/999999/meeting-compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/api/v1/districts/{other}/meeting-compliance")).StatusCode);
    }

    [Fact]
    public async Task BeatFeed_IsACalendarReadInPlace_AndOneMeetingIsAFileToSave()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var starts = DateTime.UtcNow.AddHours(5).AddDays(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var created = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled",
            new { beatId, kind = "QuarterlyReport", startsAt = starts, durationMinutes = 60, place = "Школа №12", language = "ru" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        using var guest = factory.Client();

        var feed = await guest.GetAsync($"/api/v1/beats/{beatId}/meetings.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Null(feed.Content.Headers.ContentDisposition);
        Assert.Contains($"UID:meeting-{id}@uchastok", await feed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync("/api/v1/beats/999999/meetings.ics")).StatusCode);

        var one = await guest.GetAsync($"/api/v1/meetings/{id}.ics");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal($"meeting-{id}.ics", one.Content.Headers.ContentDisposition?.FileName);
    }
}

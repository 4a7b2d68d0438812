using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Community;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Tests.Trust;

namespace Uchastok.Web.Tests.Community;

/// <summary>Meetings announced, shown to residents and to their calendars, cancelled; neighbourhood priorities and their actions.</summary>
public sealed class MeetingTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private static string Local(DateTime utc) => utc.AddHours(5).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnAnnouncedMeeting_IsOnTheBeatPage_InTheEventsApi_AndInTheCalendar_UntilCancelled()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "kk");
        var starts = DateTime.UtcNow.Date.AddDays(9).AddHours(13);
        var agenda = "Аула тыныштығы; жасөспірімдер; " + Guid.NewGuid().ToString("N")[..6];

        var created = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled", new
        {
            beatId, kind = "QuarterlyReport", startsAt = Local(starts), durationMinutes = 90, place = "№ 12 мектеп, акт залы", agenda, language = "kk",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        using var resident = factory.Client("kk");
        Assert.Contains(agenda, await (await resident.GetAsync($"/beats/{beatId}")).Content.ReadAsStringAsync());
        // The find-my-inspector answer names the next meeting too (this one, unless another on the beat comes sooner).
        Assert.Contains("id=\"next-meeting\"", await (await resident.GetAsync("/?lat=43.2510&lon=76.9210")).Content.ReadAsStringAsync());
        var events = (await (await resident.GetAsync($"/api/v1/beats/{beatId}/events")).JsonAsync()).EnumerateArray().ToList();
        var listed = events.Single(e => e.GetProperty("id").GetInt32() == id);
        Assert.Equal(agenda, listed.GetProperty("description").GetString());
        Assert.Equal(starts.AddHours(5).ToString("yyyy-MM-dd'T'HH:mm:ss'+05:00'", CultureInfo.InvariantCulture), listed.GetProperty("start_date").GetString());

        var requestedAt = DateTime.UtcNow;
        var ics = await resident.GetAsync($"/api/v1/meetings/{id}.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        AssertValidICalendar(text);
        var parsed = Ical.Net.Calendar.Load(text)!;
        var single = Assert.Single(parsed.Events);
        Assert.Equal($"meeting-{id}@uchastok", single.Uid);
        Assert.Equal(starts, single.DtStart!.AsUtc);
        Assert.Equal(starts.AddMinutes(90), single.DtEnd!.AsUtc);
        Assert.Equal("№ 12 мектеп, акт залы", single.Location);
        // DTSTAMP is when the file was written (METHOD:PUBLISH), never the meeting's future start.
        Assert.InRange(single.DtStamp!.AsUtc, requestedAt.AddSeconds(-1), DateTime.UtcNow);

        Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsync($"/api/v1/community/meetings/{id}/cancel", null)).StatusCode);
        var after = (await (await resident.GetAsync($"/api/v1/beats/{beatId}/events")).JsonAsync()).EnumerateArray();
        Assert.DoesNotContain(after, e => e.GetProperty("id").GetInt32() == id);
        var feed = Ical.Net.Calendar.Load(await resident.GetStringAsync($"/api/v1/beats/{beatId}/meetings.ics"))!;
        var cancelled = feed.Events.Single(e => e.Uid == $"meeting-{id}@uchastok");
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsync($"/api/v1/community/meetings/{id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task ABadAnnouncement_IsRefusedFieldByField_AndNothingIsAnnounced()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var otherBeat = (await factory.BeatsOfAsync(districtId)).First(b => b != beatId);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");
        var future = Local(DateTime.UtcNow.AddDays(3));

        var past = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled", new { beatId, kind = "Thematic", startsAt = Local(DateTime.UtcNow.AddHours(-2)), durationMinutes = 60, place = "Двор", language = "ru" });
        var online = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled", new { beatId, kind = "Virtual", startsAt = future, durationMinutes = 60, language = "ru" });
        var insecure = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled", new { beatId, kind = "Virtual", startsAt = future, durationMinutes = 60, link = "http://meet.example/x", language = "ru" });
        var bad = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled", new { beatId, kind = "2", startsAt = "tomorrow", durationMinutes = 5, place = "Двор", language = "de" });
        var notHis = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled", new { beatId = otherBeat, kind = "Thematic", startsAt = future, durationMinutes = 60, place = "Двор", language = "ru" });

        Assert.Equal("Встреча должна начинаться в будущем.", (await past.JsonAsync()).GetProperty("errors").GetProperty("startsAt")[0].GetString());
        Assert.True((await online.JsonAsync()).HasError("link"));
        Assert.True((await insecure.JsonAsync()).HasError("link"));
        var problem = await bad.JsonAsync();
        Assert.True(problem.HasError("kind") && problem.HasError("startsAt") && problem.HasError("durationMinutes") && problem.HasError("language"));
        Assert.True((await notHis.JsonAsync()).HasError("beatId"));
        Assert.DoesNotContain((await (await factory.Client().GetAsync($"/api/v1/beats/{beatId}/events")).JsonAsync()).EnumerateArray(), e => e.GetProperty("address").GetString() == "Двор");
    }

    [Fact]
    public async Task APriority_IsPublicWithItsAction_AndOnlyTheBeatsOwnStaffActOnIt()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "kk");
        var issue = "Кешкі аялдамада жарық жоқ " + Guid.NewGuid().ToString("N")[..6];
        var created = await inspector.PostAsJsonAsync("/api/v1/community/priorities", new { beatId, issue });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var priority = await created.JsonAsync();
        var id = priority.GetProperty("id").GetInt32();
        var raised = priority.GetProperty("raisedOn").GetString()!;
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var otherInspector = await factory.SignedInAsync(await factory.OtherInspectorAsync(districtId, beatId));

        var early = await inspector.PostAsJsonAsync($"/api/v1/community/priorities/{id}/action", new { action = "Әкімдікке хат жіберілді", actionOn = DateOnly.Parse(raised, CultureInfo.InvariantCulture).AddDays(-1) });
        var stranger = await otherInspector.PostAsJsonAsync($"/api/v1/community/priorities/{id}/action", new { action = "x" });
        var done = await inspector.PostAsJsonAsync($"/api/v1/community/priorities/{id}/action", new { action = "Әкімдікке хат жіберілді, шам орнатылды" });

        Assert.True((await early.JsonAsync()).HasError("actionOn"));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var priorities = (await (await factory.Client().GetAsync($"/api/v1/beats/{beatId}/priorities")).JsonAsync()).EnumerateArray().ToList();
        var shown = priorities.Single(p => p.GetProperty("issue").GetString() == issue);
        Assert.Equal(raised, shown.GetProperty("issue-date").GetString());
        Assert.Equal("Әкімдікке хат жіберілді, шам орнатылды", shown.GetProperty("action").GetString());
        Assert.Equal(raised, shown.GetProperty("action-date").GetString());
    }

    /// <summary>RFC 5545 as a calendar program reads it: CRLF lines of at most 75 octets, one VCALENDAR with VERSION and PRODID, each VEVENT with UID, DTSTAMP and DTSTART.</summary>
    internal static void AssertValidICalendar(string text)
    {
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        var lines = text.Split("\r\n")[..^1];
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain('\n', string.Join("", lines));
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Contains("VERSION:2.0", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var events = string.Join("\n", unfolded).Split("BEGIN:VEVENT").Skip(1).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.Contains("\nUID:", e);
            Assert.Contains("\nDTSTAMP:", e);
            Assert.Contains("\nDTSTART", e);
            Assert.Contains("END:VEVENT", e);
        });
    }
}

/// <summary>Personal receptions: one person per slot, cancellation by the link, the inspector's day list.</summary>
public sealed class ReceptionTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task ASlot_IsBookedOnce_FreedByCancelling_AndListedForTheInspectorOnly()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var resident = factory.Client("ru");
        var slots = await (await resident.GetAsync($"/api/v1/beats/{beatId}/reception-slots")).JsonAsync();
        var officer = slots.GetProperty("officerId").GetInt32();
        // The last slot offered, days ahead: the first stops being offered at the next 20-minute mark, which a run may pass
        // between booking it and booking it again after the cancel.
        var offered = slots.GetProperty("slots");
        var slot = DateTime.Parse(offered[offered.GetArrayLength() - 1].GetString()!, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var email = $"visitor-{Guid.NewGuid():N}@test.kz";
        object Body(string start, bool consent = true, string? mail = null) => new { startsAt = start, name = "Айжан Сейтова", email = mail ?? email, topic = "Шум соседей", consent };

        var booked = await resident.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions", Body(slot));
        using var other = factory.Client("ru");
        var twice = await other.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions", Body(slot, mail: $"other-{Guid.NewGuid():N}@test.kz"));
        var notOffered = await other.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions", Body("2026-01-01T03:00"));
        var noConsent = await other.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions", Body(slot, consent: false));

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var token = (await booked.JsonAsync()).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Это время только что заняли. Выберите другое.", (await twice.JsonAsync()).GetProperty("detail").GetString());
        Assert.True((await notOffered.JsonAsync()).HasError("startsAt"));
        Assert.True((await noConsent.JsonAsync()).HasError("consent"));
        var free = await (await resident.GetAsync($"/api/v1/beats/{beatId}/reception-slots")).JsonAsync();
        Assert.DoesNotContain(free.GetProperty("slots").EnumerateArray(), s => s.GetString()!.StartsWith(slot, StringComparison.Ordinal));
        var messages = await factory.DeliveredToAsync(email);
        Assert.Contains(messages, m => m.Body.Contains($"/receptions/{token}", StringComparison.Ordinal));

        // The inspector sees the day's list; another inspector does not; the read is logged.
        var day = slot[..10];
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var list = await (await inspector.GetAsync($"/api/v1/community/officers/{officer}/receptions?date={day}")).JsonAsync();
        Assert.Contains(list.EnumerateArray(), b => b.GetProperty("name").GetString() == "Айжан Сейтова" && b.GetProperty("topic").GetString() == "Шум соседей");
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var inspector2 = await factory.SignedInAsync(await factory.OtherInspectorAsync(districtId, beatId));
        Assert.Equal(HttpStatusCode.NotFound, (await inspector2.GetAsync($"/api/v1/community/officers/{officer}/receptions?date={day}")).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
            Assert.True(await db.PersonalDataAccesses.AnyAsync(a => a.Purpose == $"receptions of officer {officer} on {day}"));
        }

        // Cancelling by the link frees the slot; a second cancel is refused.
        Assert.Equal(HttpStatusCode.NoContent, (await factory.Client().PostAsync($"/api/v1/receptions/{token}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await factory.Client().PostAsync($"/api/v1/receptions/{token}/cancel", null)).StatusCode);
        var again = await (await resident.GetAsync($"/api/v1/beats/{beatId}/reception-slots")).JsonAsync();
        Assert.Contains(again.GetProperty("slots").EnumerateArray(), s => s.GetString()!.StartsWith(slot, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions", Body(slot, mail: $"third-{Guid.NewGuid():N}@test.kz"))).StatusCode);
        Assert.Equal("Cancelled", (await (await factory.Client().GetAsync($"/api/v1/receptions/{token}")).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Slots_DuringTheInspectorsOwnMeeting_AreNotOffered_UntilTheMeetingIsCancelled()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var resident = factory.Client("en");
        async Task<List<DateTime>> SlotsAsync() => (await (await resident.GetAsync($"/api/v1/beats/{beatId}/reception-slots")).JsonAsync())
            .GetProperty("slots").EnumerateArray().Select(s => DateTime.Parse(s.GetString()!, CultureInfo.InvariantCulture)).ToList();
        var before = await SlotsAsync();
        var length = TimeSpan.FromMinutes(20);
        // A slot with free neighbours on both sides, a few days ahead.
        var slot = before.Skip(before.Count / 2).First(s => before.Contains(s - length) && before.Contains(s + length));
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        // A reception on the road from ten minutes before that slot to its end: the slot and the one before are taken.
        var meeting = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled", new
        {
            beatId, kind = "ReceptionOnTheRoad", startsAt = (slot - TimeSpan.FromMinutes(10)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            durationMinutes = 30, place = "Tole bi 59, by the shop", language = "ru",
        });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        var during = await SlotsAsync();
        var booking = await resident.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions", new
        {
            startsAt = slot.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), name = "Dana Omarova", email = $"road-{Guid.NewGuid():N}@test.kz", consent = true,
        });

        Assert.DoesNotContain(slot, during);
        Assert.DoesNotContain(slot - length, during);
        Assert.Contains(slot + length, during);
        Assert.Equal(HttpStatusCode.BadRequest, booking.StatusCode);
        Assert.True((await booking.JsonAsync()).HasError("startsAt"));
        var id = (await meeting.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsync($"/api/v1/community/meetings/{id}/cancel", null)).StatusCode);
        Assert.Contains(slot, await SlotsAsync());
    }
}

/// <summary>The host on a clock the test moves: Monday 14 December 2026, 09:00 in Almaty.</summary>
public sealed class CommunityClockFactory() : ClockedAppFactory(new DateTimeOffset(2026, 12, 14, 4, 0, 0, TimeSpan.Zero));

/// <summary>The report meeting across the quarter's end in UTC+5, its alerts, its outcome and the reminder of a reception.</summary>
public sealed class CommunityClockTests(CommunityClockFactory factory) : IClassFixture<CommunityClockFactory>
{
    [Fact]
    public async Task TheReportMeeting_IsDue_ThenAlertedOnce_ThenMissed_AcrossNewYearInAlmaty_AndAHeldOneCounts()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var officer = await factory.InspectorAtAsync(AppealsClient.AlmalyLat, AppealsClient.AlmalyLon);
        var job = factory.Services.GetRequiredService<CommunityJob>();
        // Signed in afresh at every step: a bearer token lives an hour of the moved clock.
        async Task<string> State(string quarter)
        {
            using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
            return (await (await supervisor.GetAsync($"/api/v1/districts/{districtId}/meeting-compliance?quarter={quarter}")).JsonAsync())
                .GetProperty("inspectors").EnumerateArray().Single(i => i.GetProperty("officerId").GetInt32() == officer).GetProperty("state").GetString()!;
        }

        // 14 December: due; no alert yet.
        Assert.Equal("Due", await State("2026-Q4"));
        Assert.Equal(0, (await job.RunOnceAsync()).Alerted);

        // A reception booked for Tuesday 15 December is reminded on the 14th, once.
        using var resident = factory.Client("kk");
        var email = $"reminded-{Guid.NewGuid():N}@test.kz";
        var slots = await (await resident.GetAsync($"/api/v1/beats/{beatId}/reception-slots")).JsonAsync();
        var tuesday = slots.GetProperty("slots").EnumerateArray().Select(s => s.GetString()!).First(s => s.StartsWith("2026-12-15", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions", new { startsAt = tuesday[..16], name = "Ерлан Әбенов", email, consent = true })).StatusCode);
        Assert.Equal(1, (await job.RunOnceAsync()).Reminded);
        Assert.Equal(0, (await job.RunOnceAsync()).Reminded);
        Assert.Contains(await factory.DeliveredToAsync(email), m => m.Subject.StartsWith("Ертең қабылдау", StringComparison.Ordinal));

        // 18 December, two weeks before the end: the inspector and his district's supervisors are alerted, once.
        // A supervisor made now, with no officer record behind his account, is told as well.
        var newSupervisor = await factory.CreateStaffAsync("Supervisor", districtId);
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 18, 4, 0, 0, TimeSpan.Zero));
        Assert.Equal("Alert", await State("2026-Q4"));
        var first = await job.RunOnceAsync();
        Assert.True(first.Alerted >= 3);
        Assert.Equal(0, (await job.RunOnceAsync()).Alerted);
        foreach (var told in new[] { "inspector1@demo.kz", "supervisor.almaly@demo.kz", newSupervisor })
            Assert.Contains(await factory.DeliveredToAsync(told), m => m.Body.Contains("2026-Q4", StringComparison.Ordinal) && m.Body.Contains("/community", StringComparison.Ordinal));

        // 31 December 18:59 UTC is 23:59 in Almaty: still the fourth quarter, still alerted.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 18, 59, 0, TimeSpan.Zero));
        Assert.Equal("Alert", await State("2026-Q4"));
        // A report meeting announced for 00:30 on 1 January, Almaty time, cannot be recorded as held before it begins.
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var created = await inspector.PostAsJsonAsync("/api/v1/community/meetings/scheduled", new { beatId, kind = "QuarterlyReport", startsAt = "2027-01-01T00:30", durationMinutes = 60, place = "Akimat hall", language = "en" });
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsJsonAsync($"/api/v1/community/meetings/{id}/outcome", new { attendance = 10 })).StatusCode);

        // 31 December 19:30 UTC is 1 January 00:30 in Almaty: the fourth quarter is over and missed; the first has begun, and so has the meeting.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 19, 30, 0, TimeSpan.Zero));
        Assert.Equal("Missed", await State("2026-Q4"));
        Assert.Equal("Due", await State(""));
        using var later = await factory.SignedInAsync("inspector1@demo.kz", language: "en");
        // Begun, it is no longer cancelled but recorded as held, and it counts for the first quarter, by Almaty's date.
        var cancel = await later.PostAsync($"/api/v1/community/meetings/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains("only one still ahead can be cancelled", (await cancel.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await later.PostAsJsonAsync($"/api/v1/community/meetings/{id}/outcome",
            new { attendance = 37, minutes = "Report given; questions answered.", issues = new[] { "Speeding on Tole bi at night", "Dark courtyard at No. 59" } })).StatusCode);
        Assert.Equal("Missed", await State("2026-Q4"));
        Assert.Equal("Held", await State("2027-Q1"));
        var priorities = (await (await resident.GetAsync($"/api/v1/beats/{beatId}/priorities")).JsonAsync()).EnumerateArray().Select(p => p.GetProperty("issue").GetString()).ToList();
        Assert.Contains("Speeding on Tole bi at night", priorities);
        var kpis = await (await later.GetAsync($"/api/v1/evaluation/inspectors/{officer}?quarter=2027-Q1")).JsonAsync();
        Assert.Equal(1.0, kpis.GetProperty("inspector").GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("kpi").GetString() == "ReportMeeting").GetProperty("score").GetDouble());
    }
}

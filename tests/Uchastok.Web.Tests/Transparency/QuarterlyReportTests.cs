using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Trust;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Transparency;
using UglyToad.PdfPig;

namespace Uchastok.Web.Tests.Transparency;

/// <summary>The host on a clock the test moves: Monday 30 November 2026, 10:00 in Almaty, in the fourth quarter.</summary>
public sealed class ReportClockFactory() : ClockedAppFactory(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero));

/// <summary>
/// A quarter's reports drafted when it ends, recomputed while they are drafts, published by the
/// supervisor after the records close and unchanged from then on; their numbers against an
/// independent count of the same records; the page and the PDFs in each language.
/// </summary>
public sealed class QuarterlyReportLifecycleTests(ReportClockFactory factory) : IClassFixture<ReportClockFactory>
{
    private static readonly Quarter Q4 = new(2026, 4);

    [Fact]
    public async Task AQuartersReports_AreDrafted_Recomputed_PublishedAfterTheRecordsClose_AndThenNeverChange()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var job = factory.Services.GetRequiredService<QuarterlyReportJob>();
        using var guest = factory.Client();

        // 30 November: two appeals on a beat of another district, whose November open data shows as empty.
        int quiet, elsewhere;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var other = await factory.OtherDistrictAsync(districtId);
            var centre = await db.Beats.Where(b => b.DistrictId == other && b.IsActive).OrderBy(b => b.Number).Select(b => new { b.CentreLatitude, b.CentreLongitude }).FirstAsync();
            (quiet, elsewhere) = await factory.BeatAtAsync(centre.CentreLatitude.ToString(System.Globalization.CultureInfo.InvariantCulture), centre.CentreLongitude.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotEqual(districtId, elsewhere);
            for (var i = 0; i < 2; i++) await factory.FileAppealAsync(guest, await factory.AppealBodyAsync(centre.CentreLatitude, centre.CentreLongitude));
        }
        await factory.MoveToAsync(new DateOnly(2026, 12, 1));

        // 1 December, on the beat: seven appeals; five answered at once and rated, one answered late, one still open.
        var filed = new List<(string Number, string Token)>();
        using (var inspector = await factory.SignedInAsync("inspector1@demo.kz"))
        {
            for (var i = 0; i < 7; i++)
            {
                var (number, token, _) = await factory.FileAppealAsync(guest);
                filed.Add((number, token));
            }
            var stars = new[] { 5, 4, 4, 3, 5 };
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(filed[i].Number, "start")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(filed[i].Number, "answer", new { answer = "Checked and settled with the neighbours." })).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await guest.PostAsJsonAsync($"/api/v1/appeals/track/{filed[i].Token}/rating",
                    new { overall = stars[i], legality = 4, timeliness = 4, quality = 4, politeness = 4, awareness = 4 })).StatusCode);
            }
            Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/v1/community/meetings", new { beatId, kind = "QuarterlyReport", heldOn = "2026-12-01", place = "School 12 hall", attendance = 41 })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/v1/community/activities", new { beatId, kind = "SchoolTalk", doneOn = "2026-12-01", participants = 60 })).StatusCode);
            // Work with one family: counted for the district, never shown on the beat.
            Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/v1/community/activities", new { beatId, kind = "FamilyVisit", doneOn = "2026-12-01", participants = 3 })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/v1/community/priorities", new { beatId, issue = "Қараңғы аула, Төле би 59", raisedOn = "2026-12-01" })).StatusCode);
        }
        await factory.MoveToAsync(new DateOnly(2026, 12, 29));
        using (var inspector = await factory.SignedInAsync("inspector1@demo.kz"))
        {
            Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(filed[5].Number, "start")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(filed[5].Number, "answer", new { answer = "Answered after the deadline." })).StatusCode);
        }
        // While the quarter runs, only the quarter before is drafted.
        await job.RunOnceAsync();
        using (var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz"))
        {
            Assert.Empty((await (await supervisor.GetAsync("/api/v1/reports/manage?quarter=2026-Q4")).JsonAsync()).EnumerateArray());
            Assert.NotEmpty((await (await supervisor.GetAsync("/api/v1/reports/manage?quarter=2026-Q3")).JsonAsync()).EnumerateArray());
        }

        // 2 January: the quarter has ended and its reports are drafted, once.
        await factory.MoveToAsync(new DateOnly(2027, 1, 2));
        var first = await job.RunOnceAsync();
        Assert.True(first.Created >= 3, $"created {first.Created}");
        Assert.Equal(new ReportPass(0, 0, 0), await job.RunOnceAsync());
        var draft = await factory.ManagedAsync("supervisor.almaly@demo.kz", "Beat", beatId);
        Assert.Equal(("Draft", 1), (draft.GetProperty("status").GetString(), draft.GetProperty("revision").GetInt32()));
        // A draft is not public; its inspector and supervisor read it.
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/api/v1/reports/2026-Q4/beat/{beatId}")).StatusCode);
        using (var inspector = await factory.SignedInAsync("inspector1@demo.kz"))
            Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/v1/reports/2026-Q4/beat/{beatId}")).StatusCode);
        // The records are still open: publishing waits.
        using (var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz", language: "ru"))
        {
            var early = await supervisor.PostAsJsonAsync($"/api/v1/reports/manage/{draft.GetProperty("id").GetInt32()}/publish", new { revision = 1 });
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("ещё вносятся", (await early.JsonAsync()).GetProperty("detail").GetString());
        }

        // 5 January: work of 30 December recorded late; the draft is recomputed as revision 2.
        await factory.MoveToAsync(new DateOnly(2027, 1, 5));
        using (var inspector = await factory.SignedInAsync("inspector1@demo.kz"))
            Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/v1/community/activities", new { beatId, kind = "DoorToDoorRound", doneOn = "2026-12-30", participants = 25 })).StatusCode);
        Assert.True((await job.RunOnceAsync()).Updated >= 1);
        var redrafted = await factory.ManagedAsync("supervisor.almaly@demo.kz", "Beat", beatId);
        Assert.Equal(2, redrafted.GetProperty("revision").GetInt32());
        // Recomputing in another language changes nothing: the stored figures do not depend on the reader's language.
        using (var russian = await factory.SignedInAsync("supervisor.almaly@demo.kz", language: "ru"))
            Assert.Equal(0, (await (await russian.PostAsJsonAsync("/api/v1/reports/manage/draft", new { quarter = "2026-Q4" })).JsonAsync()).GetProperty("updated").GetInt32());
        Assert.Equal(new ReportPass(0, 0, 0), await job.RunOnceAsync());

        // 11 January: the records have closed. What the supervisor saw at revision 1 is not published; revision 2 is, once.
        await factory.MoveToAsync(new DateOnly(2027, 1, 11));
        var id = redrafted.GetProperty("id").GetInt32();
        // The publishers are told the drafts wait for them, once.
        Assert.True((await job.RunOnceAsync()).Notified >= 2);
        Assert.Equal(0, (await job.RunOnceAsync()).Notified);
        var told = Assert.Single(await factory.DeliveredToAsync("supervisor.almaly@demo.kz"), m => m.Subject.StartsWith("2026-Q4", StringComparison.Ordinal));
        Assert.Contains("/reports/manage?quarter=2026-Q4", told.Body);
        using (var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz"))
        {
            Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/reports/manage/{id}/publish", new { revision = 1 })).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/v1/reports/manage/{id}/publish", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsJsonAsync($"/api/v1/reports/manage/{id}/publish", new { revision = 2 })).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/reports/manage/{id}/publish", new { revision = 2 })).StatusCode);
        }

        // The published numbers are those counted from the same records here.
        var published = await (await guest.GetAsync($"/api/v1/reports/2026-Q4/beat/{beatId}")).JsonAsync();
        Assert.Equal(("Published", "Beat", 2), (published.GetProperty("status").GetString(), published.GetProperty("level").GetString(), published.GetProperty("revision").GetInt32()));
        var report = published.GetProperty("figures");
        var expected = await CountAsync(beatId);
        var appeals = report.GetProperty("appeals");
        Assert.Equal(expected.Received, Int(appeals, "received"));
        Assert.Equal(expected.Decided, Int(appeals, "decided"));
        Assert.Equal(expected.OnTime, Int(appeals, "decidedOnTime"));
        Assert.Equal(expected.Ratings, Int(appeals, "ratings"));
        Assert.Equal(expected.Mean, appeals.GetProperty("meanRating").GetDouble(), 2);
        Assert.Equal(Math.Round(100.0 * expected.OnTime!.Value / expected.Decided!.Value, 1), appeals.GetProperty("onTimeShare").GetDouble(), 1);
        var meetings = report.GetProperty("meetings");
        Assert.Equal(expected.Meetings, meetings.GetProperty("held").GetInt32());
        Assert.Equal(expected.Attendance, meetings.GetProperty("attendance").GetInt32());
        Assert.Equal(1, meetings.GetProperty("inspectorsReported").GetInt32());
        var activities = report.GetProperty("activities");
        Assert.Equal(expected.Activities, activities.GetProperty("count").GetInt32());
        Assert.Equal(expected.Participants, activities.GetProperty("participants").GetInt32());
        Assert.Equal(expected.PrioritiesRaised, report.GetProperty("priorities").GetProperty("raised").GetInt32());
        Assert.Contains(report.GetProperty("priorities").GetProperty("items").EnumerateArray(), p => p.GetProperty("issue").GetString() == "Қараңғы аула, Төле би 59");
        Assert.DoesNotContain("FamilyVisit", activities.GetProperty("byKind").EnumerateObject().Select(k => k.Name));
        Assert.Equal("NotEnoughResponses", report.GetProperty("trust").GetProperty("status").GetString());
        Assert.True(report.GetProperty("trust").GetProperty("ofDistrict").GetBoolean());
        Assert.Equal(Q4.Trailing(4).Select(q => q.ToString()), report.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("quarter").GetString()));

        // In the archive, with its PDFs; the district's report, still a draft, is not.
        var archive = (await (await guest.GetAsync($"/api/v1/reports?quarter=2026-Q4&district={districtId}")).JsonAsync()).EnumerateArray().ToList();
        var listed = Assert.Single(archive, r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal($"/reports/2026-Q4/beat/{beatId}/kk.pdf", listed.GetProperty("pdf").GetProperty("kk").GetString());
        Assert.DoesNotContain(archive, r => r.GetProperty("level").GetString() == "District" && r.GetProperty("districtId").GetInt32() == districtId);

        // Published is final: new records of the quarter change the district's draft, not the beat's report.
        var before = await guest.GetStringAsync($"/api/v1/reports/2026-Q4/beat/{beatId}");
        var district = await factory.ManagedAsync("supervisor.almaly@demo.kz", "District", districtId);
        using (var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz"))
        {
            var districtDraft = await (await supervisor.GetAsync($"/api/v1/reports/2026-Q4/district/{districtId}")).JsonAsync();
            Assert.True(districtDraft.GetProperty("figures").GetProperty("activities").GetProperty("byKind").GetProperty("FamilyVisit").GetInt32() >= 1);
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var meeting = await db.Meetings.FirstAsync(m => m.BeatId == beatId && m.HeldOn == new DateOnly(2026, 12, 1));
            meeting.Attendance = 400;
            await db.SaveChangesAsync();
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<QuarterlyReports>().DraftAsync(Q4, districtId));
        }
        Assert.Equal(before, await guest.GetStringAsync($"/api/v1/reports/2026-Q4/beat/{beatId}"));
        Assert.Equal(district.GetProperty("revision").GetInt32() + 1, (await factory.ManagedAsync("supervisor.almaly@demo.kz", "District", districtId)).GetProperty("revision").GetInt32());

        // The district's and the city's drafts, recomputed from the same records, against the same tables counted here.
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<QuarterlyReports>().DraftAsync(Q4));
        using (var reader = await factory.SignedInAsync("admin@demo.kz"))
        {
            foreach (var (path, area) in new[] { ($"district/{districtId}", (int?)districtId), ("city", null) })
            {
                var figures = (await (await reader.GetAsync($"/api/v1/reports/2026-Q4/{path}")).JsonAsync()).GetProperty("figures");
                var counted = await CountAreaAsync(area);
                Assert.Equal(counted.Meetings, figures.GetProperty("meetings").GetProperty("held").GetInt32());
                Assert.Equal(counted.Attendance, figures.GetProperty("meetings").GetProperty("attendance").GetInt32());
                Assert.Equal(counted.Activities, figures.GetProperty("activities").GetProperty("count").GetInt32());
                Assert.Equal(counted.Participants, figures.GetProperty("activities").GetProperty("participants").GetInt32());
                Assert.Equal(counted.PrioritiesRaised, figures.GetProperty("priorities").GetProperty("raised").GetInt32());
                Assert.Equal(counted.PrioritiesActed, figures.GetProperty("priorities").GetProperty("actionTaken").GetInt32());
                // Decisions have no hidden month in this district or the city (checked for the city below): shown, and equal.
                Assert.Equal(counted.Decided, Int(figures.GetProperty("appeals"), "decided"));
            }
        }

        // The quiet beat's two November appeals are its only ones: "fewer than five" withholds its total, and its
        // district's and the city's totals too, since subtracting the other (empty or shown) beats would give them back.
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var quietReport = (await (await admin.GetAsync($"/api/v1/reports/2026-Q4/beat/{quiet}")).JsonAsync()).GetProperty("figures").GetProperty("appeals");
        Assert.Equal(JsonValueKind.Null, quietReport.GetProperty("received").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await (await admin.GetAsync($"/api/v1/reports/2026-Q4/district/{elsewhere}")).JsonAsync()).GetProperty("figures").GetProperty("appeals").GetProperty("received").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await (await admin.GetAsync("/api/v1/reports/2026-Q4/city")).JsonAsync()).GetProperty("figures").GetProperty("appeals").GetProperty("received").ValueKind);
        // Decisions and ratings have no hidden month anywhere: the city shows them.
        Assert.NotEqual(JsonValueKind.Null, (await (await admin.GetAsync("/api/v1/reports/2026-Q4/city")).JsonAsync()).GetProperty("figures").GetProperty("appeals").GetProperty("decided").ValueKind);
    }

    private sealed record AreaCount(int Meetings, int Attendance, int Activities, int Participants, int PrioritiesRaised, int PrioritiesActed, int Decided);

    /// <summary>A district's (or, with none, the city's) fourth quarter counted here from the raw tables: all preventive work, appeals by their beat's district.</summary>
    private async Task<AreaCount> CountAreaAsync(int? districtId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        bool In(int? district) => districtId is null || district == districtId;
        var beatDistrict = await db.Beats.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.DistrictId);
        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Held).ToListAsync()).Where(m => In(m.DistrictId) && Q4.Contains(m.HeldOn!.Value)).ToList();
        var activities = (await db.PreventiveActivities.AsNoTracking().ToListAsync()).Where(a => In(a.DistrictId) && Q4.Contains(a.DoneOn)).ToList();
        var priorities = (await db.Priorities.AsNoTracking().ToListAsync()).Where(p => In(p.DistrictId)).ToList();
        var decided = (await db.Appeals.AsNoTracking().Where(a => a.DecidedOn != null).Select(a => new { a.BeatId, a.DistrictId, a.DecidedOn }).ToListAsync())
            .Count(a => In(a.BeatId is { } b ? beatDistrict[b] : a.DistrictId) && Q4.Contains(a.DecidedOn!.Value));
        return new AreaCount(meetings.Count, meetings.Sum(m => m.Attendance ?? 0), activities.Count, activities.Sum(a => a.Participants),
            priorities.Count(p => Q4.Contains(p.RaisedOn)), priorities.Count(p => p.ActionOn is { } on && Q4.Contains(on)), decided);
    }

    private static int? Int(JsonElement element, string name) => element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetInt32();

    private sealed record Expected(int? Received, int? Decided, int? OnTime, int? Ratings, double Mean, int Meetings, int Attendance, int Activities, int Participants, int PrioritiesRaised);

    /// <summary>
    /// The beat's fourth quarter counted here, record by record, as a reader of the raw tables would.
    /// Its appeals all fall in December, so no month is hidden and only the rule of five withholds a count.
    /// </summary>
    private async Task<Expected> CountAsync(int beatId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.BeatId == beatId).Select(a => new { a.Id, a.ReceivedOn, a.DecidedOn, a.DueDate }).ToListAsync();
        var ids = appeals.Select(a => a.Id).ToHashSet();
        var ratings = (await db.AppealRatings.AsNoTracking().Select(r => new { r.AppealId, r.RatedOn, r.Overall }).ToListAsync())
            .Where(r => ids.Contains(r.AppealId) && Q4.Contains(r.RatedOn)).Select(r => r.Overall).ToList();
        var decided = appeals.Where(a => a.DecidedOn is { } d && Q4.Contains(d)).ToList();
        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.BeatId == beatId && m.Status == MeetingStatus.Held).ToListAsync()).Where(m => Q4.Contains(m.HeldOn!.Value)).ToList();
        var activities = (await db.PreventiveActivities.AsNoTracking().Where(a => a.BeatId == beatId).ToListAsync())
            .Where(a => Q4.Contains(a.DoneOn) && a.Kind is not (PreventiveActivityKind.PreventiveTalk or PreventiveActivityKind.FamilyVisit)).ToList();
        var priorities = (await db.Priorities.AsNoTracking().Where(p => p.BeatId == beatId).ToListAsync()).Count(p => Q4.Contains(p.RaisedOn));
        static int? AtLeastFive(int n) => n < 5 ? null : n;
        return new Expected(AtLeastFive(appeals.Count(a => Q4.Contains(a.ReceivedOn))), AtLeastFive(decided.Count), decided.Count < 5 ? null : decided.Count(a => a.DecidedOn <= a.DueDate),
            AtLeastFive(ratings.Count), ratings.Average(),
            meetings.Count, meetings.Sum(m => m.Attendance ?? 0), activities.Count, activities.Sum(a => a.Participants), priorities);
    }
}

/// <summary>A published report read as the public reads it, and who may publish what.</summary>
public sealed class PublishedReportTests(ReportClockFactory factory) : IClassFixture<ReportClockFactory>
{
    [Fact]
    public async Task TheReportPage_AndItsPdfs_SpeakEachLanguage_WithTheChartsDrawn()
    {
        var (beatId, _) = await factory.PublishedBeatAsync();

        using var kk = factory.Client("kk");
        var page = await kk.GetAsync($"/reports/2026-Q4/beat/{beatId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Тоқсандық есеп", html);
        Assert.Contains("2026 жылғы 4-тоқсан", html);
        Assert.Equal(2, html.Split("<svg class=\"trend\"").Length - 1);

        foreach (var (language, title) in new[] { ("kk", "Тоқсандық есеп"), ("ru", "Квартальный отчёт"), ("en", "Quarterly report") })
        {
            var response = await kk.GetAsync($"/reports/2026-Q4/beat/{beatId}/{language}.pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            foreach (var word in title.Split(' ')) Assert.Contains(word, text);
            // The charts are drawn into the PDF, with their quarters under the bars.
            Assert.Contains("2026-Q1", text);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await kk.GetAsync($"/reports/2026-Q4/beat/{beatId}/de.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kk.GetAsync($"/reports/2026-Q5/beat/{beatId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kk.GetAsync("/reports/2026-Q4/beat/999999")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheDistrictsSupervisor_PublishesItsReports_AndOnlyAnAdministrator_TheCitys()
    {
        var (beatId, districtId) = await factory.PublishedBeatAsync();
        var district = await factory.ManagedAsync("supervisor.almaly@demo.kz", "District", districtId);
        var districtReport = district.GetProperty("id").GetInt32();
        var revision = district.GetProperty("revision").GetInt32();
        var elsewhere = await factory.OtherDistrictAsync(districtId);
        var otherDistrict = await factory.CreateStaffAsync("Supervisor", elsewhere);

        using (var inspector = await factory.SignedInAsync("inspector1@demo.kz"))
            Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync($"/api/v1/reports/manage/{districtReport}/publish", new { revision })).StatusCode);
        using (var other = await factory.SignedInAsync(otherDistrict))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/reports/manage/{districtReport}/publish", new { revision })).StatusCode);
            Assert.DoesNotContain((await (await other.GetAsync("/api/v1/reports/manage?quarter=2026-Q4")).JsonAsync()).EnumerateArray(), r => r.GetProperty("id").GetInt32() == districtReport);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/reports/2026-Q4/district/{districtId}")).StatusCode);
        }
        using (var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz"))
        {
            var city = await factory.ManagedAsync("admin@demo.kz", "City", null);
            Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync($"/api/v1/reports/manage/{city.GetProperty("id").GetInt32()}/publish", new { revision = city.GetProperty("revision").GetInt32() })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/v1/reports/manage/draft", new { quarter = "2026-Q4", districtId = elsewhere })).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync("/api/v1/reports/manage/draft", new { quarter = "2027-Q1" })).StatusCode);
            // No reports are made up for quarters before the platform's records.
            Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync("/api/v1/reports/manage/draft", new { quarter = "2025-Q1" })).StatusCode);
        }
        using (var admin = await factory.SignedInAsync("admin@demo.kz"))
        {
            var city = await factory.ManagedAsync("admin@demo.kz", "City", null);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/reports/manage/{city.GetProperty("id").GetInt32()}/publish", new { revision = city.GetProperty("revision").GetInt32() })).StatusCode);
        }
        using var guest = factory.Client("ru");
        var cityReport = (await (await guest.GetAsync("/api/v1/reports/2026-Q4/city")).JsonAsync()).GetProperty("figures");
        Assert.Equal("Алматы", cityReport.GetProperty("area").GetProperty("ru").GetString());
        Assert.Empty(cityReport.GetProperty("priorities").GetProperty("items").EnumerateArray());
        Assert.Contains("/reports/2026-Q4/beat/" + beatId, await guest.GetStringAsync("/reports?district=" + districtId));
    }
}

/// <summary>Reading and publishing the fourth quarter's reports as staff.</summary>
public static class ReportsClient
{
    /// <summary>A beat report of the fourth quarter published (by whichever test gets there first), the clock past the records' close.</summary>
    public static async Task<(int BeatId, int DistrictId)> PublishedBeatAsync(this ReportClockFactory factory)
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        await factory.MoveToAsync(new DateOnly(2027, 1, 11));
        await factory.Services.GetRequiredService<QuarterlyReportJob>().RunOnceAsync();
        var report = await factory.ManagedAsync("supervisor.almaly@demo.kz", "Beat", beatId);
        if (report.GetProperty("status").GetString() == "Draft")
        {
            using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
            Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsJsonAsync($"/api/v1/reports/manage/{report.GetProperty("id").GetInt32()}/publish",
                new { revision = report.GetProperty("revision").GetInt32() })).StatusCode);
        }
        return (beatId, districtId);
    }

    public static async Task<JsonElement> ManagedAsync(this ReportClockFactory factory, string email, string level, int? id)
    {
        using var staff = await factory.SignedInAsync(email);
        var list = (await (await staff.GetAsync("/api/v1/reports/manage?quarter=2026-Q4")).JsonAsync()).EnumerateArray().ToList();
        return list.Single(r => r.GetProperty("level").GetString() == level && (id is null || (level == "Beat" ? r.GetProperty("beatId") : r.GetProperty("districtId")).GetInt32() == id));
    }

    public static async Task<int> OtherDistrictAsync(this ReportClockFactory factory, int districtId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Districts.Where(d => d.Id != districtId).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }
}

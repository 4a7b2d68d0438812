using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Tests.Trust;

namespace Uchastok.Web.Tests.Evaluation;

/// <summary>Inspector KPIs (C9) computed from the quarter's records, weighted by the supervisor, seen by the inspector himself and nobody else below the supervisor.</summary>
public sealed class EvaluationTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    /// <summary>Today in Almaty (UTC+5), as the host counts it.</summary>
    private static string Today() => Uchastok.Web.Shared.Localization.KazakhstanTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Kpis_OfAQuarter_AreComputedFromItsRecords_AndTheCompositeFollowsTheWeights()
    {
        var officer = await factory.InspectorAtAsync(AppealsClient.AlmalyLat, AppealsClient.AlmalyLon);
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var guest = factory.Client();
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        // One appeal answered on time and rated 4 of 5.
        var (number, token, _) = await factory.FileAppealAsync(guest);
        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(number, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(number, "answer", new { answer = "Checked with the neighbours." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/rating", new { overall = 4, legality = 4, timeliness = 4, quality = 4, politeness = 4, awareness = 4 })).StatusCode);
        // The quarterly report meeting and three of the six expected preventive activities.
        var today = Today();
        Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/v1/community/meetings", new { beatId, kind = "QuarterlyReport", heldOn = today, place = "School 12 hall", attendance = 41 })).StatusCode);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/v1/community/activities", new { beatId, kind = "DoorToDoorRound", doneOn = today, participants = 20 })).StatusCode);
        // One complaint about him, found justified by his head.
        var complaint = await factory.AppealBodyAsync();
        complaint["kind"] = "complaint";
        complaint["categoryId"] = await factory.CategoryIdAsync("officer-conduct");
        complaint["aboutPoliceOfficer"] = true;
        complaint["concernsBeatInspector"] = true;
        var (complaintNumber, _, _) = await factory.FileAppealAsync(guest, complaint);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.ActAsync(complaintNumber, "start")).StatusCode);
        var withoutOutcome = await supervisor.ActAsync(complaintNumber, "answer", new { answer = "The officer was rude; disciplinary measures taken." });
        Assert.Equal(HttpStatusCode.BadRequest, withoutOutcome.StatusCode);
        Assert.True((await withoutOutcome.JsonAsync()).HasError("complaintUpheld"));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.ActAsync(complaintNumber, "answer", new { answer = "The officer was rude; disciplinary measures taken.", complaintUpheld = true })).StatusCode);

        var own = await (await inspector.GetAsync($"/api/v1/evaluation/inspectors/{officer}")).JsonAsync();
        var kpis = own.GetProperty("inspector").GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("kpi").GetString()!);

        Assert.Equal(1.0, kpis["OnTimeAnswers"].GetProperty("raw").GetDouble());
        Assert.Equal(4.0, kpis["CitizenRating"].GetProperty("raw").GetDouble());
        Assert.Equal(0.75, kpis["CitizenRating"].GetProperty("score").GetDouble());
        Assert.Equal("NoTrustEstimate", kpis["TrustChange"].GetProperty("gap").GetString());
        Assert.Equal(1.0, kpis["ReportMeeting"].GetProperty("score").GetDouble());
        Assert.Equal(3.0, kpis["PreventiveActivities"].GetProperty("raw").GetDouble());
        Assert.Equal(0.5, kpis["PreventiveActivities"].GetProperty("score").GetDouble());
        Assert.Equal(1.0, kpis["UpheldComplaints"].GetProperty("raw").GetDouble());
        Assert.Equal(0.5, kpis["UpheldComplaints"].GetProperty("score").GetDouble());
        // Default weights 25/20/20/15/10/10 without the trust change (no estimate): (25·1 + 20·0.75 + 15·1 + 10·0.5 + 10·0.5) / 80 = 81.25.
        Assert.Equal(81.3, own.GetProperty("inspector").GetProperty("composite").GetDouble(), 1);
        Assert.Single(own.GetProperty("upheldComplaints").EnumerateArray());
        Assert.DoesNotContain(complaintNumber, own.GetRawText());

        var weights = new Dictionary<string, double> { ["OnTimeAnswers"] = 0, ["CitizenRating"] = 0, ["TrustChange"] = 0, ["ReportMeeting"] = 0, ["PreventiveActivities"] = 1, ["UpheldComplaints"] = 0 };
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync($"/api/v1/evaluation/districts/{districtId}/weights", new { weights, activitiesTarget = 3 })).StatusCode);
        var district = await (await supervisor.GetAsync($"/api/v1/evaluation/districts/{districtId}")).JsonAsync();
        var row = district.GetProperty("inspectors").EnumerateArray().Single(i => i.GetProperty("officerId").GetInt32() == officer);
        Assert.Equal(100.0, row.GetProperty("composite").GetDouble());
        Assert.Equal(1, row.GetProperty("rank").GetInt32());
        Assert.Contains("PreventiveActivities", row.GetProperty("strengths").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Weights_AreChecked_AndOnlyTheDistrictsSupervisorChangesThem()
    {
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (_, otherDistrict) = await factory.BeatAtAsync("43.2080", "76.8700");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz", language: "ru");
        var negative = new Dictionary<string, double> { ["OnTimeAnswers"] = -5, ["CitizenRating"] = 1, ["TrustChange"] = 1, ["ReportMeeting"] = 1, ["PreventiveActivities"] = 1, ["UpheldComplaints"] = 1 };
        var zero = negative.ToDictionary(w => w.Key, _ => 0.0);
        var before = (await (await supervisor.GetAsync($"/api/v1/evaluation/districts/{districtId}")).JsonAsync()).GetProperty("weights").GetRawText();

        var refusedNegative = await supervisor.PutAsJsonAsync($"/api/v1/evaluation/districts/{districtId}/weights", new { weights = negative, activitiesTarget = 6 });
        var refusedZero = await supervisor.PutAsJsonAsync($"/api/v1/evaluation/districts/{districtId}/weights", new { weights = zero, activitiesTarget = 6 });
        var refusedTarget = await supervisor.PutAsJsonAsync($"/api/v1/evaluation/districts/{districtId}/weights", new { weights = zero.ToDictionary(w => w.Key, _ => 1.0), activitiesTarget = 0 });
        var otherDistrictWeights = await supervisor.PutAsJsonAsync($"/api/v1/evaluation/districts/{otherDistrict}/weights", new { weights = zero.ToDictionary(w => w.Key, _ => 1.0), activitiesTarget = 6 });

        Assert.Equal(HttpStatusCode.BadRequest, refusedNegative.StatusCode);
        Assert.Equal("Укажите вес от 0 до 100.", (await refusedNegative.JsonAsync()).GetProperty("errors").GetProperty("OnTimeAnswers")[0].GetString());
        Assert.True((await refusedZero.JsonAsync()).HasError("weights"));
        Assert.True((await refusedTarget.JsonAsync()).HasError("activitiesTarget"));
        Assert.Equal(HttpStatusCode.Forbidden, otherDistrictWeights.StatusCode);
        var unchanged = await (await supervisor.GetAsync($"/api/v1/evaluation/districts/{districtId}")).JsonAsync();
        Assert.Equal(before, unchanged.GetProperty("weights").GetRawText());
    }

    [Fact]
    public async Task AnInspector_SeesHisOwnKpis_NotAnothersNorTheRanking()
    {
        var own = await factory.InspectorAtAsync(AppealsClient.AlmalyLat, AppealsClient.AlmalyLon);
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var others = (await (await supervisor.GetAsync($"/api/v1/evaluation/districts/{districtId}")).JsonAsync()).GetProperty("inspectors").EnumerateArray()
            .Select(i => i.GetProperty("officerId").GetInt32()).Where(id => id != own).ToList();
        Assert.NotEmpty(others);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/v1/evaluation/inspectors/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/api/v1/evaluation/inspectors/{others[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/evaluation/inspector/{others[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync($"/api/v1/evaluation/districts/{districtId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/evaluation/inspectors/{others[0]}")).StatusCode);
        var page = await (await inspector.GetAsync($"/evaluation/inspector/{own}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"kpis\"", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await inspector.GetAsync($"/api/v1/evaluation/inspectors/{own}?quarter=last")).StatusCode);
    }

    [Fact]
    public async Task CommunityRecords_AreCheckedAndKeptToTheInspectorsOwnBeats()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var otherBeat = (await factory.BeatsOfAsync(districtId)).First(b => b != beatId);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "kk");
        var today = Today();
        var tomorrow = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var notHis = await inspector.PostAsJsonAsync("/api/v1/community/meetings", new { beatId = otherBeat, kind = "QuarterlyReport", heldOn = today, place = "Hall", attendance = 10 });
        var future = await inspector.PostAsJsonAsync("/api/v1/community/meetings", new { beatId, kind = "QuarterlyReport", heldOn = tomorrow, place = "Hall", attendance = 10 });
        var noPlace = await inspector.PostAsJsonAsync("/api/v1/community/meetings", new { beatId, kind = "Thematic", heldOn = today, attendance = -1 });
        var otherWithoutNote = await inspector.PostAsJsonAsync("/api/v1/community/activities", new { beatId, kind = "Other", doneOn = today, participants = 3 });
        var numericKind = await inspector.PostAsJsonAsync("/api/v1/community/activities", new { beatId, kind = "3", doneOn = today, participants = 3 });
        var closedQuarter = await inspector.PostAsJsonAsync("/api/v1/community/activities", new { beatId, kind = "SchoolTalk", doneOn = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture).AddDays(-200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), participants = 3 });

        Assert.True((await notHis.JsonAsync()).HasError("beatId"));
        Assert.Equal("Күні болашақта бола алмайды: өткізілгені жазылады.", (await future.JsonAsync()).GetProperty("errors").GetProperty("heldOn")[0].GetString());
        var problem = await noPlace.JsonAsync();
        Assert.True(problem.HasError("place") && problem.HasError("attendance"));
        Assert.True((await otherWithoutNote.JsonAsync()).HasError("note"));
        Assert.True((await numericKind.JsonAsync()).HasError("kind"));
        Assert.StartsWith("Бұл тоқсан жабық", (await closedQuarter.JsonAsync()).GetProperty("errors").GetProperty("doneOn")[0].GetString());
        using var resident = await factory.SignedInAsync("resident1@demo.kz");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync("/api/v1/community/activities", new { beatId, kind = "SchoolTalk", doneOn = today, participants = 3 })).StatusCode);
    }
}


using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Accounts;
using Uchastok.Web.Appeals;
using Uchastok.Web.Notifications;
using Uchastok.Web.Safety;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>
/// The duty console's rules over HTTP on either database (issue 19): one owner of two who take an incident at once,
/// closing only with an outcome and only by the owner (or above him), an appeal made from a report with its link and
/// its deadline from the moment it was made, and escalation on a moved clock — level 1 at 60 s to the district's
/// supervisors only, level 2 at 120 s, never a level twice.
/// </summary>
public sealed class DutyConsoleTests(DutyConsoleTests.Factory factory) : IClassFixture<DutyConsoleTests.Factory>
{
    public sealed class Factory : ClockedAppFactory
    {
        private readonly MadeOnce<(string One, string Two, int District)> _officers = new();

        /// <summary>Two duty officers of Almaly (the district of <see cref="SafetyTestData.Lat"/>), made once.</summary>
        public Task<(string One, string Two, int District)> OfficersAsync() => _officers.GetAsync(async () =>
        {
            var (_, district) = await this.BeatAtAsync("43.2510", "76.9210");
            return (await this.CreateStaffAsync("DutyOfficer", district), await this.CreateStaffAsync("DutyOfficer", district), district);
        });
    }

    private async Task<long> FileReportAsync(HttpClient? client = null, object? body = null)
    {
        using var own = client is null ? factory.Client() : null;
        var receipt = await FileAsync(client ?? own!, body ?? Report());
        var reference = receipt.GetProperty("reference").GetString();
        return await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
    }

    private static Task<HttpResponseMessage> AcknowledgeAsync(HttpClient client, long id) =>
        client.PostAsync($"/api/v1/safety/incidents/{id}/acknowledge", JsonContent.Create(new { }));

    private static Task<HttpResponseMessage> CloseAsync(HttpClient client, long id, object body) =>
        client.PostAsJsonAsync($"/api/v1/safety/incidents/{id}/close", body);

    private Task<List<SafetyIncidentStep>> StepsAsync(long id) =>
        WithDbAsync(factory, db => db.SafetyIncidentSteps.AsNoTracking().Where(s => s.IncidentId == id).OrderBy(s => s.Id).ToListAsync());

    [Fact]
    public async Task TwoOfficersTakingAtOnce_OneOwnsIt_TheOtherIsToldWho()
    {
        var (one, two, _) = await factory.OfficersAsync();
        using var first = await factory.SignedInAsync(one);
        using var second = await factory.SignedInAsync(two);
        var id = await FileReportAsync();

        var answers = await Task.WhenAll(AcknowledgeAsync(first, id), AcknowledgeAsync(second, id));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var winner = (await answers.Single(a => a.IsSuccessStatusCode).JsonAsync());
        Assert.Equal("acknowledged", winner.GetProperty("status").GetString());
        var problem = await refused.JsonAsync();
        Assert.Equal(winner.GetProperty("acknowledgedBy").GetString(), problem.GetProperty("acknowledgedBy").GetString());
        Assert.Contains("Test DutyOfficer", problem.GetProperty("detail").GetString());
        var steps = await StepsAsync(id);
        Assert.Equal(["received", "acknowledged"], steps.Select(s => s.Step));
        Assert.NotNull(steps[1].ByUserId);
        // A third try, later: the same answer, nothing written.
        Assert.Equal(HttpStatusCode.Conflict, (await AcknowledgeAsync(second, id)).StatusCode);
        Assert.Equal(2, (await StepsAsync(id)).Count);
    }

    [Fact]
    public async Task Closing_NeedsATakenIncident_AnOutcome_AndItsOwnerOrASupervisor()
    {
        var (one, two, _) = await factory.OfficersAsync();
        using var owner = await factory.SignedInAsync(one);
        using var other = await factory.SignedInAsync(two);
        var id = await FileReportAsync();

        var early = await CloseAsync(owner, id, new { outcome = "no-offence" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Take the incident", (await early.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(owner, id)).StatusCode);

        var none = await CloseAsync(owner, id, new { });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await none.JsonAsync()).GetProperty("errors").TryGetProperty("outcome", out _));
        var number = await CloseAsync(owner, id, new { outcome = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, number.StatusCode);
        // A value of the wrong type names its field, in the caller's language, like every other Safety endpoint.
        using (var russian = await factory.SignedInAsync(one, language: "ru"))
        {
            var wrongType = await CloseAsync(russian, id, new { outcome = 3 });
            Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
            var problem = await wrongType.JsonAsync();
            Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
            Assert.True(problem.GetProperty("errors").TryGetProperty("outcome", out var messages), problem.ToString());
            Assert.Matches("[А-Яа-я]", messages[0].GetString());
        }
        var noPatrol = await CloseAsync(owner, id, new { outcome = "patrol-sent", patrol = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noPatrol.StatusCode);
        Assert.True((await noPatrol.JsonAsync()).GetProperty("errors").TryGetProperty("patrol", out _));
        var notHis = await CloseAsync(other, id, new { outcome = "no-offence" });
        Assert.Equal(HttpStatusCode.Conflict, notHis.StatusCode);
        Assert.Equal(["received", "acknowledged"], (await StepsAsync(id)).Select(s => s.Step));

        var closed = await CloseAsync(owner, id, new { outcome = "patrol-sent", patrol = "Crew 12-4" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var view = await closed.JsonAsync();
        Assert.Equal("closed", view.GetProperty("status").GetString());
        Assert.Equal("patrol-sent", view.GetProperty("outcome").GetString());
        Assert.Equal("Crew 12-4", view.GetProperty("patrol").GetString());
        Assert.Equal("closed", view.GetProperty("lastStep").GetProperty("step").GetString());
        var steps = await StepsAsync(id);
        Assert.Equal(["received", "acknowledged", "closed"], steps.Select(s => s.Step));
        Assert.Equal("patrol-sent", steps[2].Note);
        Assert.Equal(HttpStatusCode.Conflict, (await CloseAsync(owner, id, new { outcome = "no-offence" })).StatusCode);

        // The district's supervisor closes one an officer took and left.
        var left = await FileReportAsync();
        Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(other, left)).StatusCode);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var passed = await CloseAsync(supervisor, left, new { outcome = "passed-to-inspector" });
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.Equal("passed-to-inspector", (await passed.JsonAsync()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task BecameAppeal_FilesTheAppeal_InTheSignersName_LinkedBothWays_WithItsDeadlineFromNow()
    {
        var (one, _, _) = await factory.OfficersAsync();
        using var officer = await factory.SignedInAsync(one);
        using var resident = await factory.SignedInAsync("resident1@demo.kz");
        var signed = await FileReportAsync(resident, new { category = "suspicious-behaviour", lat = Lat, lon = Lon, text = "Strangers try the doors of cars every night", sign = true });
        var anonymous = await FileReportAsync();

        foreach (var id in new[] { signed, anonymous })
        {
            Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(officer, id)).StatusCode);
            var answer = await CloseAsync(officer, id, new { outcome = "became-appeal" });
            Assert.True(HttpStatusCode.OK == answer.StatusCode, await answer.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrEmpty((await answer.JsonAsync()).GetProperty("appealNumber").GetString()));
        }

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
        var residentAccount = await db.Users.SingleAsync(u => u.Email == "resident1@demo.kz");
        foreach (var id in new[] { signed, anonymous })
        {
            var incident = await db.SafetyIncidents.SingleAsync(i => i.Id == id);
            Assert.Equal("became-appeal", incident.Outcome);
            var appeal = await db.Appeals.SingleAsync(a => a.Number == incident.AppealNumber);
            // The deadline counts from the moment the duty officer made it an appeal.
            Assert.Equal(now, appeal.ReceivedAtUtc);
            Assert.Contains(incident.Text, appeal.Text);
            Assert.Contains(incident.Reference, appeal.Text);
            var notes = await db.AppealEvents.Where(e => e.AppealId == appeal.Id && e.Kind == AppealEventKind.InternalNote).Select(e => e.Text).ToListAsync();
            Assert.Contains(notes, n => n != null && n.Contains(incident.Reference, StringComparison.Ordinal));
            if (id == signed)
            {
                // The resident's own appeal: in his list, under his name and contacts.
                Assert.Equal(residentAccount.Id, appeal.ApplicantUserId);
                Assert.Equal(residentAccount.DisplayName, appeal.ApplicantName);
                Assert.Equal(residentAccount.Email, appeal.ApplicantEmail);
            }
            else
            {
                // The duty unit's: no account and no contact (never the closing officer's mailbox), so no applicant messages.
                Assert.StartsWith("Duty unit", appeal.ApplicantName, StringComparison.Ordinal);
                Assert.Null(appeal.ApplicantUserId);
                Assert.Null(appeal.ApplicantEmail);
                Assert.Null(appeal.ApplicantPhone);
                Assert.False(await db.Outbox.AnyAsync(m => m.DedupeKey == appeal.Number + ":v1:applicant"));
            }
        }
    }

    [Fact]
    public async Task BecameAppeal_ManyAnonymousReportsInADay_AllFiled_NoContactCounted()
    {
        // The per-contact gate refuses a contact's 6th filing of the day: the duty unit's filings name no contact.
        var (one, _, _) = await factory.OfficersAsync();
        using var officer = await factory.SignedInAsync(one);
        for (var n = 0; n < 6; n++)
        {
            var id = await FileReportAsync();
            Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(officer, id)).StatusCode);
            var answer = await CloseAsync(officer, id, new { outcome = "became-appeal" });
            Assert.True(HttpStatusCode.OK == answer.StatusCode, await answer.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task BecameAppeal_TwoClosesAtOnce_FileOneAppeal()
    {
        var (one, _, _) = await factory.OfficersAsync();
        using var owner = await factory.SignedInAsync(one);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var id = await FileReportAsync();
        Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(owner, id)).StatusCode);

        var answers = await Task.WhenAll(CloseAsync(owner, id, new { outcome = "became-appeal" }), CloseAsync(supervisor, id, new { outcome = "became-appeal" }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var incident = await WithDbAsync(factory, db => db.SafetyIncidents.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.NotNull(incident.AppealNumber);
        var appeals = await WithDbAsync(factory, db => db.Appeals.Where(a => a.Text.Contains(incident.Reference)).Select(a => a.Number).ToListAsync());
        Assert.Equal([incident.AppealNumber], appeals);
        Assert.Equal(["received", "acknowledged", "closed"], (await StepsAsync(id)).Select(s => s.Step));
    }

    [Fact]
    public async Task BecameAppeal_RefusedByAppeals_SaysWhy_AndLeavesTheIncidentOpen()
    {
        // A typed address the gazetteer does not know, in no district: Appeals cannot place it.
        var id = await FileReportAsync(body: new { category = "other", addressText = "Nowhere lane 999999", text = "Someone sleeps in the stairwell" });
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(admin, id)).StatusCode);

        var refused = await CloseAsync(admin, id, new { outcome = "became-appeal" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("outcome")[0].GetString()!;
        Assert.StartsWith("The appeal could not be registered: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("—", message, StringComparison.Ordinal);
        Assert.True(message.Length > "The appeal could not be registered: ".Length + 5, message);
        var incident = await WithDbAsync(factory, db => db.SafetyIncidents.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((SafetyIncidentStatus.Acknowledged, null, null, null), (incident.Status, incident.Outcome, incident.ClosedByUserId, incident.AppealNumber));
        Assert.Equal(["received", "acknowledged"], (await StepsAsync(id)).Select(s => s.Step));
        // Still closable another way.
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(admin, id, new { outcome = "no-offence" })).StatusCode);
    }

    [Fact]
    public async Task DeviceAlarm_ShownByName_EscalatesToTheDistrictsSupervisorOnly_WhenNobodyTakesIt()
    {
        // The "Done when": an alarm event from a device key escalates to the supervisor when not acknowledged.
        var (one, _, district) = await factory.OfficersAsync();
        string authorization;
        using (var admin = await factory.SignedInAsync("admin@demo.kz"))
        {
            var registered = await admin.PostAsJsonAsync("/api/v1/safety/devices",
                new { kind = "street-post", name = "Console post", place = "Tole bi 59, at the bus stop", lat = Lat, lon = Lon, hasCamera = false, hasSpeaker = true });
            Assert.True(HttpStatusCode.Created == registered.StatusCode, await registered.Content.ReadAsStringAsync());
            authorization = (await registered.JsonAsync()).GetProperty("authorization").GetString()!;
        }
        long id;
        using (var device = factory.Client().From("198.18.250.7"))
        {
            device.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
            var sent = await device.PostAsJsonAsync("/api/v1/safety/device-events",
                new { eventId = $"console-{Guid.NewGuid():N}", occurredAtUtc = factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(-2).ToString("o") });
            Assert.True(HttpStatusCode.Created == sent.StatusCode, await sent.Content.ReadAsStringAsync());
            id = (await sent.JsonAsync()).GetProperty("id").GetInt64();
        }

        using (var page = await factory.SignedInWithCookieAsync(one, apiToken: false))
        {
            var html = await page.GetStringAsync("/safety/console");
            var start = html.IndexOf($"id=\"incident-{id}\"", StringComparison.Ordinal);
            Assert.True(start >= 0);
            var row = html[start..html.IndexOf("console-trail", start, StringComparison.Ordinal)];
            Assert.Contains("<span class=\"console-category\">Alarm (SOS device)</span>", row);
            // A device's alarm is neither a signed nor an anonymous report.
            Assert.DoesNotContain("Anonymous", row);
            // The script's labels name the alarm too (rows it draws from a push, map tooltips, the spoken announcement).
            var labels = System.Text.RegularExpressions.Regex.Match(html, "data-labels=\"([^\"]*)\"").Groups[1].Value;
            using var json = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(labels));
            Assert.Equal("Alarm (SOS device)", json.RootElement.GetProperty("category.alarm").GetString());
        }

        var job = factory.Services.GetRequiredService<SafetyEscalationJob>();
        var after = factory.Services.GetRequiredService<SafetyConsoleSettings>().EscalateAfter;
        factory.Clock.SetUtcNow(factory.Clock.GetUtcNow() + after + TimeSpan.FromSeconds(1));
        await job.RunOnceAsync();

        Assert.Equal(1, await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Id == id).Select(i => i.EscalationLevel).SingleAsync()));
        Assert.Equal(["received", "escalated"], (await StepsAsync(id)).Select(s => s.Step));
        var supervisors = await WithDbAsync(factory, db => RoleHolders.ListAsync(db, [Roles.Supervisor], CancellationToken.None));
        var almaly = supervisors.Where(s => s.DistrictId == district).Select(s => s.Email).Order().ToList();
        Assert.NotEmpty(almaly);
        var messages = await WithDbAsync(factory, db => db.Outbox.AsNoTracking().Where(m => m.DedupeKey.StartsWith($"safety-escalation:{id}:")).ToListAsync());
        Assert.Equal(almaly, messages.Where(m => m.Channel == NotificationChannel.Email).Select(m => m.Recipient).Order().ToList());
        Assert.All(messages, m => Assert.Equal(DefaultTemplates.StaffSafetyEscalated, m.TemplateKey));
    }

    [Fact]
    public async Task Escalation_Level1At60s_ToTheDistrictsSupervisorsOnly_Level2Later_NeverTwice()
    {
        var (one, _, district) = await factory.OfficersAsync();
        var id = await FileReportAsync();
        var taken = await FileReportAsync();
        using (var officer = await factory.SignedInAsync(one))
            Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(officer, taken)).StatusCode);
        var job = factory.Services.GetRequiredService<SafetyEscalationJob>();
        var start = factory.Clock.GetUtcNow();

        Task<List<OutboxMessage>> MessagesAsync(long incident) => WithDbAsync(factory, db => db.Outbox.AsNoTracking()
            .Where(m => m.DedupeKey.StartsWith($"safety-escalation:{incident}:")).ToListAsync());
        Task<int> LevelAsync(long incident) => WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Id == incident).Select(i => i.EscalationLevel).SingleAsync());

        factory.Clock.SetUtcNow(start.AddSeconds(59));
        await job.RunOnceAsync();
        Assert.Equal(0, await LevelAsync(id));
        Assert.Empty(await MessagesAsync(id));

        factory.Clock.SetUtcNow(start.AddSeconds(61));
        await job.RunOnceAsync();
        await job.RunOnceAsync();
        Assert.Equal(1, await LevelAsync(id));
        var supervisors = await WithDbAsync(factory, db => RoleHolders.ListAsync(db, [Roles.Supervisor], CancellationToken.None));
        var almaly = supervisors.Where(s => s.DistrictId == district).Select(s => s.Email).Order().ToList();
        Assert.NotEmpty(almaly);
        var first = await MessagesAsync(id);
        Assert.Equal(almaly, first.Where(m => m.Channel == NotificationChannel.Email).Select(m => m.Recipient).Order().ToList());
        Assert.All(first, m => Assert.Equal(DefaultTemplates.StaffSafetyEscalated, m.TemplateKey));
        Assert.All(first, m => Assert.Contains("/safety/console", m.Body));
        Assert.Equal(["received", "escalated"], (await StepsAsync(id)).Select(s => s.Step));
        Assert.Equal("1", (await StepsAsync(id))[1].Note);
        // Taken in time: never escalated.
        Assert.Equal(0, await LevelAsync(taken));
        Assert.Empty(await MessagesAsync(taken));

        factory.Clock.SetUtcNow(start.AddSeconds(119));
        await job.RunOnceAsync();
        Assert.Equal(1, await LevelAsync(id));

        factory.Clock.SetUtcNow(start.AddSeconds(121));
        await Task.WhenAll(job.RunOnceAsync(), job.RunOnceAsync());
        await job.RunOnceAsync();
        Assert.Equal(2, await LevelAsync(id));
        var steps = await StepsAsync(id);
        Assert.Equal(["received", "escalated", "escalated"], steps.Select(s => s.Step));
        Assert.Equal(["1", "2"], steps.Skip(1).Select(s => s.Note));
        var admins = (await WithDbAsync(factory, db => RoleHolders.ListAsync(db, [Roles.Admin], CancellationToken.None))).Select(a => a.Email);
        var second = (await MessagesAsync(id)).Where(m => m.DedupeKey.StartsWith($"safety-escalation:{id}:2:")).Select(m => m.Recipient).ToList();
        Assert.Subset(second.ToHashSet(), almaly.Concat(admins).ToHashSet());
        Assert.Contains(second, admins.Contains);

        factory.Clock.SetUtcNow(start.AddHours(1));
        await job.RunOnceAsync();
        Assert.Equal(3, (await StepsAsync(id)).Count);
    }

    [Fact]
    public async Task Polling_ReturnsWhatChangedSince_AndTheListPutsTheUntakenFirst()
    {
        var (one, _, _) = await factory.OfficersAsync();
        using var officer = await factory.SignedInAsync(one);
        var before = (await (await officer.GetAsync("/api/v1/safety/console")).JsonAsync()).GetProperty("serverTimeUtc").GetDateTime();
        var taken = await FileReportAsync();
        var fresh = await FileReportAsync();
        Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(officer, taken)).StatusCode);

        var changed = await (await officer.GetAsync($"/api/v1/safety/console?since={before:O}")).JsonAsync();
        var ids = changed.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(taken, ids);
        Assert.Contains(fresh, ids);
        var all = (await (await officer.GetAsync("/api/v1/safety/console")).JsonAsync()).GetProperty("incidents").EnumerateArray().ToList();
        var tiers = all.Select(i => i.GetProperty("closedAtUtc").ValueKind != JsonValueKind.Null ? 2 : i.GetProperty("acknowledgedAtUtc").ValueKind != JsonValueKind.Null ? 1 : 0).ToList();
        Assert.Equal(tiers.Order(), tiers);
        Assert.True(all.FindIndex(i => i.GetProperty("id").GetInt64() == fresh) < all.FindIndex(i => i.GetProperty("id").GetInt64() == taken));

        // Another district's supervisor sees none of Almaly's incidents.
        var other = await WithDbAsync(factory, db => db.Districts.Where(d => d.Id != changed.GetProperty("incidents")[0].GetProperty("district").GetProperty("id").GetInt32()).Select(d => d.Id).FirstAsync());
        using var stranger = await factory.SignedInAsync(await factory.CreateStaffAsync("DutyOfficer", other));
        var theirs = await (await stranger.GetAsync("/api/v1/safety/console")).JsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("incidents").EnumerateArray(), i => i.GetProperty("id").GetInt64() == fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await AcknowledgeAsync(stranger, fresh)).StatusCode);
    }

    [Fact]
    public async Task ThePage_WithoutScripts_ListsTakesAndClosesByItsForms_AndSaysWhyARefusalIsRefused()
    {
        var (one, _, _) = await factory.OfficersAsync();
        var id = await FileReportAsync();
        using var page = await factory.SignedInWithCookieAsync(one, apiToken: false);
        var html = await page.GetStringAsync("/safety/console");
        Assert.Contains($"id=\"incident-{id}\"", html);
        var token = CookieSession.AntiforgeryToken(html);

        // Closing before taking: the page says so and nothing changes.
        var early = await page.PostAsync("/safety/console?handler=Close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["outcome"] = "no-offence",
        }));
        // A refusal is not a 200: the same 409 as the API's (and 400 for bad input), with the page saying why.
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Take the incident before closing it.", await early.Content.ReadAsStringAsync());
        Assert.Single(await StepsAsync(id));

        var taken = await page.PostAsync("/safety/console?handler=Acknowledge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var noOutcome = await page.PostAsync("/safety/console?handler=Close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["outcome"] = "",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Equal(["received", "acknowledged"], (await StepsAsync(id)).Select(s => s.Step));
        var closed = await page.PostAsync("/safety/console?handler=Close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["outcome"] = "no-offence",
        }));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(["received", "acknowledged", "closed"], (await StepsAsync(id)).Select(s => s.Step));
        var after = await page.GetStringAsync("/safety/console");
        Assert.Contains("The incident is closed.", after);
        Assert.Contains("Closed: No offence found", after);
    }
}

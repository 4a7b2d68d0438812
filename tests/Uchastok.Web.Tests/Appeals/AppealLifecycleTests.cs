using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Appeals;

/// <summary>The service loop over HTTP: the inspector works and answers, the resident rates and confirms; wrong moves are refused.</summary>
public sealed class AppealLifecycleTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Loop_InspectorAnswers_ResidentRatesAndConfirms_BoardCountsItOnTime()
    {
        using var guest = factory.Client("ru");
        var body = await factory.AppealBodyAsync();
        var (number, token, _) = await factory.FileAppealAsync(guest, body);
        await factory.ConfirmContactAsync(guest, token, (string)body["email"]!);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var officer = await factory.InspectorAtAsync(AppealsClient.AlmalyLat, AppealsClient.AlmalyLon);
        var (_, almaly) = await factory.BeatAtAsync("43.2510", "76.9210");
        var before = Row(await (await supervisor.GetAsync($"/api/v1/districts/{almaly}/appeal-board")).JsonAsync(), officer);

        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(number, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.PostAsJsonAsync($"/api/v1/appeals/{number}/notes", new { note = "Called the neighbours; internal only" })).StatusCode);
        var answered = await inspector.ActAsync(number, "answer", new { answer = "We talked to the neighbours; they will keep quiet after 23:00." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var tracked = await (await guest.GetAsync($"/api/v1/appeals/track/{token}")).JsonAsync();
        Assert.Equal("answered", tracked.GetProperty("state").GetString());
        Assert.True(tracked.GetProperty("canRate").GetBoolean());
        Assert.DoesNotContain(tracked.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "note");
        Assert.Contains(await factory.DeliveredToAsync((string)body["email"]!), m => m.Subject == $"{number}: дан ответ");

        var rating = new { overall = 5, legality = 5, timeliness = 4, quality = 5, politeness = 5, awareness = 4, comment = "Быстро и вежливо" };
        Assert.Equal(HttpStatusCode.OK, (await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/rating", rating)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/rating", rating)).StatusCode);
        var closed = await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/confirm", new { });
        Assert.Equal("closed", (await closed.JsonAsync()).GetProperty("state").GetString());

        var after = Row(await (await supervisor.GetAsync($"/api/v1/districts/{almaly}/appeal-board")).JsonAsync(), officer);
        Assert.Equal(before.GetProperty("decidedLast90Days").GetInt32() + 1, after.GetProperty("decidedLast90Days").GetInt32());
        Assert.Equal(before.GetProperty("onTimeLast90Days").GetInt32() + 1, after.GetProperty("onTimeLast90Days").GetInt32());
        Assert.Equal(before.GetProperty("ratings").GetInt32() + 1, after.GetProperty("ratings").GetInt32());
        var officerRating = await (await supervisor.GetAsync($"/api/v1/officers/{officer}/rating")).JsonAsync();
        Assert.True(officerRating.GetProperty("count").GetInt32() >= 1);
        Assert.Contains("Быстро и вежливо", officerRating.GetProperty("recentComments").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Refusals_WrongActorWrongStateMissingReason_AreRefusedWithTheRightStatusAndChangeNothing()
    {
        using var guest = factory.Client();
        var (number, token, _) = await factory.FileAppealAsync(guest);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        var extend = await inspector.ActAsync(number, "extend", new { reason = "Need more time", dueDate = "2099-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, extend.StatusCode);
        var answerTooEarly = await inspector.ActAsync(number, "answer", new { answer = "Done" });
        Assert.Equal(HttpStatusCode.Conflict, answerTooEarly.StatusCode);
        Assert.False(string.IsNullOrEmpty((await answerTooEarly.JsonAsync()).GetProperty("detail").GetString()));
        var forward = await inspector.ActAsync(number, "forward", new { forwardTo = "Akimat of Almaly district" });
        Assert.Equal(HttpStatusCode.BadRequest, forward.StatusCode);
        Assert.True((await forward.JsonAsync()).HasError("reason"));
        var confirmByGuest = await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, confirmByGuest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.ActAsync(number, "fly")).StatusCode);

        Assert.Equal("assigned", (await inspector.AppealAsync(number)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Extend_BySupervisor_WithinTwoMonths_IsAllowed_AndBeyondIsRefused()
    {
        using var guest = factory.Client();
        var (number, _, _) = await factory.FileAppealAsync(guest);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var detail = await supervisor.AppealAsync(number);
        var received = DateOnly.Parse(detail.GetProperty("receivedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var beyond = await supervisor.ActAsync(number, "extend", new { reason = "Expert opinion needed", dueDate = received.AddMonths(2).AddDays(7).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.True((await beyond.JsonAsync()).HasError("dueDate"));

        // A month on, moved to a working day of the seeded calendar (a month from 1 December is New Year's Day).
        var calendar = new Uchastok.Rules.Calendar.WorkingCalendar(
            Uchastok.Rules.Calendar.KazakhstanHolidays.For(received.Year).Concat(Uchastok.Rules.Calendar.KazakhstanHolidays.For(received.Year + 1)));
        var newDue = calendar.OnOrNextWorkingDay(received.AddMonths(1));
        var extended = await supervisor.ActAsync(number, "extend", new { reason = "Expert opinion needed", dueDate = newDue.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var after = await extended.JsonAsync();
        Assert.Equal("extended", after.GetProperty("state").GetString());
        Assert.Equal(newDue.ToString("yyyy-MM-dd"), after.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Contest_SendsTheAnswerToTheHeadForReview_AndOnlyOnce()
    {
        using var guest = factory.Client();
        var (number, token, _) = await factory.FileAppealAsync(guest);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        await inspector.ActAsync(number, "start");
        await inspector.ActAsync(number, "answer", new { answer = "Nothing can be done." });

        var contested = await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/contest", new { reason = "Nobody came to look." });

        Assert.Equal(HttpStatusCode.OK, contested.StatusCode);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var detail = await supervisor.AppealAsync(number);
        Assert.Equal("assigned", detail.GetProperty("state").GetString());
        Assert.Equal("supervisor", detail.GetProperty("queue").GetString());
        Assert.True(detail.GetProperty("contested").GetBoolean());
    }

    private static System.Text.Json.JsonElement Row(System.Text.Json.JsonElement board, int officerId) =>
        board.GetProperty("officers").EnumerateArray().Single(r => r.GetProperty("officer").GetProperty("id").GetInt32() == officerId);
}

using Uchastok.Web.Host;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Appeals;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Transparency;

namespace Uchastok.Web.Tests.Demo;

/// <summary>The demo city with its year of history, seeded on the clocked tests' Monday 2 November 2026 (10:00 in Almaty).</summary>
public sealed class HistoryFactory : ClockedAppFactory
{
    protected override bool SeedHistory => true;
}

/// <summary>
/// What a newcomer sees in the demo city's history: the public trust figures, the published
/// reports of the last full quarter, a beat with its meetings and priorities, the demo accounts'
/// own appeals — and that seeding it sent nothing and leaves the background jobs nothing to send.
/// </summary>
public sealed class HistorySeedTests(HistoryFactory factory) : IClassFixture<HistoryFactory>
{
    private const string LastFullQuarter = "2026-Q3";

    [Fact]
    public async Task Trust_ShowsTheCityAndEveryDistrict_WithEstimates()
    {
        using var guest = factory.Client();
        var current = await (await guest.GetAsync("/api/v1/trust")).JsonAsync();
        Assert.Equal("2026-Q4", current.GetProperty("quarter").GetString());
        Assert.Equal("Shown", current.GetProperty("city").GetProperty("overall").GetProperty("status").GetString());
        Assert.True(current.GetProperty("city").GetProperty("service").GetProperty("decided").GetInt32() > 0);

        var last = await (await guest.GetAsync($"/api/v1/trust?quarter={LastFullQuarter}")).JsonAsync();
        var districts = last.GetProperty("districts").EnumerateArray().ToList();
        Assert.Equal(8, districts.Count);
        Assert.All(districts, d => Assert.Equal("Shown", d.GetProperty("overall").GetProperty("status").GetString()));
        Assert.All(last.GetProperty("trend").EnumerateArray(), t => Assert.Equal("Shown", t.GetProperty("overall").GetProperty("status").GetString()));

        var page = await guest.GetStringAsync("/trust");
        Assert.DoesNotContain("not enough responses", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_OfTheLastFullQuarter_ArePublished_ForTheCityEveryDistrictAndEveryBeat_WithFigures()
    {
        using var guest = factory.Client();
        var listed = (await (await guest.GetAsync($"/api/v1/reports?quarter={LastFullQuarter}")).JsonAsync()).EnumerateArray().ToList();
        int beats;
        await using (var scope = factory.Services.CreateAsyncScope())
            beats = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Beats.CountAsync(b => b.IsActive);
        Assert.Single(listed, r => r.GetProperty("level").GetString() == "City");
        Assert.Equal(8, listed.Count(r => r.GetProperty("level").GetString() == "District"));
        Assert.Equal(beats, listed.Count(r => r.GetProperty("level").GetString() == "Beat"));

        var city = await (await guest.GetAsync($"/api/v1/reports/{LastFullQuarter}/city")).JsonAsync();
        var figures = city.TryGetProperty("figures", out var inner) ? inner : city;
        Assert.True(figures.GetProperty("appeals").GetProperty("received").GetInt32() > 100);
        Assert.True(figures.GetProperty("appeals").GetProperty("onTimeShare").GetDouble() is > 70 and < 100);
        Assert.True(figures.GetProperty("meetings").GetProperty("held").GetInt32() > 100);
        Assert.True(figures.GetProperty("activities").GetProperty("count").GetInt32() > 100);
        Assert.Equal("Shown", figures.GetProperty("trust").GetProperty("status").GetString());
        Assert.Equal(4, figures.GetProperty("trend").EnumerateArray().Count(t => t.GetProperty("onTimeShare").ValueKind == JsonValueKind.Number));

        // Inspector1's beat has enough appeals for its own figures to be published.
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        var beat = await (await guest.GetAsync($"/api/v1/reports/{LastFullQuarter}/beat/{beatId}")).JsonAsync();
        var beatFigures = beat.TryGetProperty("figures", out var beatInner) ? beatInner : beat;
        Assert.True(beatFigures.GetProperty("appeals").GetProperty("received").GetInt32() >= 15);
        Assert.Equal(JsonValueKind.Number, beatFigures.GetProperty("appeals").GetProperty("onTimeShare").ValueKind);
        Assert.Equal(1, beatFigures.GetProperty("meetings").GetProperty("inspectorsReported").GetInt32());

        var archive = await guest.GetStringAsync("/reports");
        Assert.Contains($"/reports/{LastFullQuarter}/city", archive, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/reports/{LastFullQuarter}/beat/{beatId}")).StatusCode);
    }

    [Fact]
    public async Task BeatPage_ShowsAMeetingToCome_PrioritiesWithTheirActions_AndTheLatestReport_WhileItsEventsListMeetingsHeld()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var guest = factory.Client();
        var events = (await (await guest.GetAsync($"/api/v1/beats/{beatId}/events")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("status").GetString() == nameof(MeetingStatus.Held) && e.GetProperty("type").GetString() == nameof(MeetingKind.QuarterlyReport));
        Assert.Contains(events, e => e.GetProperty("status").GetString() == nameof(MeetingStatus.Scheduled));
        var priorities = (await (await guest.GetAsync($"/api/v1/beats/{beatId}/priorities")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(priorities, p => p.GetProperty("action").ValueKind == JsonValueKind.String && p.GetProperty("action-date").ValueKind == JsonValueKind.String);

        var page = await guest.GetStringAsync($"/beats/{beatId}");
        Assert.Contains("What was done", page, StringComparison.Ordinal);
        Assert.Contains("id=\"beat-report\"", page, StringComparison.Ordinal);
        Assert.Contains($"/reports/{LastFullQuarter}/beat/{beatId}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeding_QueuedNoMessage_AndLeavesTheBackgroundJobsNothingToSend()
    {
        Assert.Equal(0, await CountAsync(db => db.Outbox.CountAsync()));
        var deadlines = await factory.Services.GetRequiredService<AppealDeadlineJob>().RunOnceAsync();
        Assert.Equal(new DeadlinePass(0, 0, 0), deadlines);
        var reports = await factory.Services.GetRequiredService<QuarterlyReportJob>().RunOnceAsync();
        Assert.Equal(new ReportPass(0, 0, 0), reports);
        var community = await factory.Services.GetRequiredService<CommunityJob>().RunOnceAsync();
        Assert.Equal(new CommunityPass(0, 0), community);
        Assert.Equal(0, await CountAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Appeals_GoThroughTheirWholeLifecycle_MostOnTime_WithFictionalApplicants()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var states = await db.Appeals.GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        foreach (var state in new[] { AppealState.Assigned, AppealState.InProgress, AppealState.Answered, AppealState.Closed, AppealState.Forwarded, AppealState.LeftWithoutConsideration })
            Assert.True(states.GetValueOrDefault(state) > 0, $"no appeal {state}");
        Assert.True(await db.Appeals.AnyAsync(a => a.Contested));
        Assert.True(await db.Appeals.AnyAsync(a => a.Extensions > 0));
        Assert.True(await db.Appeals.AnyAsync(a => a.AboutPoliceOfficer && a.ComplaintUpheld != null));
        var decided = await db.Appeals.Where(a => a.DecidedOn != null).Select(a => new { a.DecidedOn, a.DueDate }).ToListAsync();
        var onTime = decided.Count(a => a.DecidedOn <= a.DueDate);
        Assert.InRange((double)onTime / decided.Count, 0.8, 0.97);
        Assert.True(await db.AppealRatings.CountAsync() > decided.Count / 3);

        // Every step follows from the one before, as the lifecycle allows.
        var steps = await db.AppealEvents.Where(e => e.Kind == AppealEventKind.Transition).OrderBy(e => e.AppealId).ThenBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new { e.AppealId, e.Action, e.FromState, e.ToState }).ToListAsync();
        foreach (var appeal in steps.GroupBy(s => s.AppealId))
        {
            var state = AppealState.Registered;
            foreach (var step in appeal)
            {
                Assert.Equal(state, step.FromState);
                Assert.Contains(AppealLifecycle.Transitions, t => t.Action == step.Action && t.From.Contains(state));
                state = step.ToState;
            }
        }

        // Made-up people: +7 700 000 xx xx and the reserved example.com, or the demo residents' own accounts.
        var applicants = await db.Appeals.Select(a => new { a.ApplicantUserId, a.ApplicantPhone, a.ApplicantEmail }).ToListAsync();
        Assert.All(applicants, a => Assert.True(
            a.ApplicantUserId is not null && a.ApplicantEmail!.EndsWith("@demo.kz", StringComparison.Ordinal)
            || (a.ApplicantPhone is null || a.ApplicantPhone.StartsWith("+7700000", StringComparison.Ordinal)) && (a.ApplicantEmail is null || a.ApplicantEmail.EndsWith("@example.com", StringComparison.Ordinal))));

        // Filing afterwards continues the year's numbers.
        var seeded = (await db.Appeals.Where(a => a.Number.StartsWith("ALM-2026-")).Select(a => a.Number).ToListAsync()).Max(StringComparer.Ordinal)!;
        var next = Assert.Single(await scope.ServiceProvider.GetRequiredService<FileAppealCommand>().TakeNumbersAsync(2026, 1));
        Assert.Equal(long.Parse(seeded[9..], System.Globalization.CultureInfo.InvariantCulture) + 1, long.Parse(next[9..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DemoAccounts_FindTheirOwnHistory()
    {
        using var resident = await factory.SignedInAsync("resident1@demo.kz");
        var mine = (await (await resident.GetAsync("/api/v1/appeals")).JsonAsync()).EnumerateArray().ToList();
        Assert.True(mine.Count >= 4);
        var waiting = mine.Where(a => a.GetProperty("state").GetString() == "answered").Select(a => a.GetProperty("number").GetString()!).ToList();
        Assert.NotEmpty(waiting);
        Assert.Equal(0, await CountAsync(db => db.AppealRatings.CountAsync(r => db.Appeals.Any(a => a.Id == r.AppealId && waiting.Contains(a.Number)))));

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var queue = (await (await inspector.GetAsync("/api/v1/appeals")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(queue, a => a.GetProperty("state").GetString() is "assigned" or "inProgress");

        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var district = await CountAsync(db => db.Districts.Where(d => d.Code == "almaly").Select(d => d.Id).SingleAsync());
        var board = await (await supervisor.GetAsync($"/api/v1/districts/{district}/appeal-board")).JsonAsync();
        Assert.Contains(board.GetProperty("officers").EnumerateArray(), o => o.GetProperty("decidedLast90Days").GetInt32() > 0);
    }

    [Fact]
    public async Task StartingAgain_OnTheSameDatabase_AddsNoHistory()
    {
        var before = await CountAsync(db => db.AppealEvents.CountAsync());
        await Startup.PrepareAsync(factory.Services, factory.Services.GetRequiredService<IConfiguration>(), factory.Services.GetRequiredService<IHostEnvironment>());
        Assert.Equal(before, await CountAsync(db => db.AppealEvents.CountAsync()));
        Assert.Equal(1, await CountAsync(db => db.Surveys.CountAsync()));
    }

    [Fact]
    public async Task TheSameClock_GivesTheSameHistory_OnAnotherFreshDatabase()
    {
        var other = new HistoryFactory();
        await ((IAsyncLifetime)other).InitializeAsync();
        try
        {
            Assert.Equal(await DigestAsync(factory), await DigestAsync(other));
        }
        finally
        {
            await ((IAsyncLifetime)other).DisposeAsync();
        }
    }

    /// <summary>Every appeal's number, receipt, state, dates and beat; the city's figures of each quarter; how many answered the survey.</summary>
    private static async Task<string> DigestAsync(HistoryFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var appeals = (await db.Appeals.OrderBy(a => a.Number).Select(a => new { a.Number, a.ReceivedAtUtc, a.State, a.DueDate, a.DecidedOn, a.BeatId }).ToListAsync())
            .Select(a => $"{a.Number} {a.ReceivedAtUtc:O} {a.State} {a.DueDate:O} {a.DecidedOn:O} {a.BeatId}");
        var reports = await db.QuarterlyReports.Where(r => r.Level == ReportLevel.City).OrderBy(r => r.Quarter).Select(r => r.FiguresJson).ToListAsync();
        var responses = await db.SurveyResponses.CountAsync();
        return string.Join('\n', [.. appeals, .. reports, responses.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private async Task<T> CountAsync<T>(Func<UchastokDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UchastokDbContext>());
    }
}

/// <summary>With the history switched off, as every other test class has it, the demo city starts with no records.</summary>
public sealed class HistorySwitchTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task DemoCity_WithTheHistorySwitchedOff_HasNoAppealsSurveysMeetingsOrReports()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        Assert.True(await db.Beats.AnyAsync());
        Assert.False(await db.Appeals.AnyAsync());
        Assert.False(await db.Surveys.AnyAsync());
        Assert.False(await db.Meetings.AnyAsync());
        Assert.False(await db.QuarterlyReports.AnyAsync());
    }
}

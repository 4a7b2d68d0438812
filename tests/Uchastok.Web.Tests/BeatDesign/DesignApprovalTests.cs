using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;
using Uchastok.Web.Tests.Appeals;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.BeatDesign;

/// <summary>
/// A proposal that does not improve on today's beats is not approved in one click, through the API
/// or the page; one that changes nothing is not approved at all; the run page outlines the areas
/// that move and follows a running run without reloading itself.
/// </summary>
public sealed partial class DesignApprovalTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Approve_AProposalNoBetterThanToday_IsRefusedNamingTheConfirmation_AndAppliedOnceConfirmed()
    {
        var (_, almaly) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (runId, area) = await ProposalAsync(almaly, OneAreaIntoTheHeaviestBeat);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz", language: "ru");
        var run = await (await supervisor.GetAsync($"/api/v1/beat-design/runs/{runId}")).JsonAsync();
        Assert.Equal("notBetter", run.GetProperty("verdict").GetString());
        Assert.Equal(1, run.GetProperty("after").GetProperty("areasMoved").GetInt32());

        var refused = await supervisor.PostAsJsonAsync($"/api/v1/beat-design/runs/{runId}/approve", new { });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.True(JsonDocument.Parse(problem).RootElement.HasError("confirmNotBetter"));
        Assert.Contains("не лучше нынешних участков", problem, StringComparison.Ordinal);
        Assert.Equal(0, (await (await supervisor.GetAsync($"/api/v1/districts/{almaly}/beat-versions")).JsonAsync()).GetArrayLength());

        var confirmed = await supervisor.PostAsJsonAsync($"/api/v1/beat-design/runs/{runId}/approve", new { confirmNotBetter = true });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        Assert.Equal(area.To, (await db.SmallAreas.SingleAsync(a => a.Id == area.Id)).BeatId);
    }

    [Fact]
    public async Task ApproveOnThePage_WithoutTheConfirmation_IsRefused_AndThePageAsksForIt()
    {
        var (_, almaly) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (runId, _) = await ProposalAsync(almaly, OneAreaIntoTheHeaviestBeat);
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");
        var page = await supervisor.GetStringAsync($"/territory/design/run?id={runId}");
        Assert.Contains("data-verdict=\"notBetter\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"confirmNotBetter\"", page, StringComparison.Ordinal);

        var refused = await supervisor.PostAsync($"/territory/design/run?id={runId}&handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["effectiveFrom"] = KazakhstanToday().ToString("yyyy-MM-dd"),
            ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("tick the confirmation to approve it all the same", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("data-state=\"done\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_AProposalThatChangesNothing_IsRefused_AndThePageOffersNoApproval()
    {
        var (_, almaly) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (runId, _) = await ProposalAsync(almaly, instance => instance.Today.ToArray());
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        using var browser = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");

        var refused = await supervisor.PostAsJsonAsync($"/api/v1/beat-design/runs/{runId}/approve", new { confirmNotBetter = true });
        var page = await browser.GetStringAsync($"/territory/design/run?id={runId}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("nothing to approve", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-verdict=\"unchanged\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"approve-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"moved-legend\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_OutlinesTheAreasThatMove_WithTheirBeatsBeforeAndAfter()
    {
        var (_, almaly) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (runId, area) = await ProposalAsync(almaly, OneAreaIntoTheHeaviestBeat);
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");

        var page = await supervisor.GetStringAsync($"/territory/design/run?id={runId}");

        Assert.Contains("id=\"moved-legend\"", page, StringComparison.Ordinal);
        var moved = MovedAttribute().Matches(page).Select(m => JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).RootElement).ToList();
        Assert.Equal(2, moved.Count);
        var feature = Assert.Single(moved[0].GetProperty("features").EnumerateArray());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var smallArea = await db.SmallAreas.SingleAsync(a => a.Id == area.Id);
        var codes = await db.Beats.Where(b => b.Id == smallArea.BeatId || b.Id == area.To).ToDictionaryAsync(b => b.Id, b => b.Code);
        Assert.Equal(smallArea.Code, feature.GetProperty("properties").GetProperty("code").GetString());
        Assert.Equal(codes[smallArea.BeatId!.Value], feature.GetProperty("properties").GetProperty("from").GetString());
        // The proposed beat is named by the beat of today it carries on.
        Assert.Equal(codes[area.To], feature.GetProperty("properties").GetProperty("to").GetString());
    }

    [Fact]
    public async Task RunPage_WhileTheRunWaits_HasALiveRegion_AndNoRefresh()
    {
        var (_, almaly) = await factory.BeatAtAsync("43.2510", "76.9210");
        int runId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Queued but never handed to the runner: it stays queued while the page is read.
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var run = new DesignRun { DistrictId = almaly, RequestedAtUtc = DateTime.UtcNow, Beats = 3, Seed = 1, TimeLimitSeconds = 60, State = DesignRunState.Queued };
            db.DesignRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");

        var page = await supervisor.GetStringAsync($"/territory/design/run?id={runId}");

        Assert.Matches("<p id=\"run-live\" role=\"status\" aria-live=\"polite\"[^>]* data-poll=\"/api/v1/beat-design/runs/" + runId + "\"", page);
        Assert.Contains("/js/design-run.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page, StringComparison.Ordinal);
        // The live region's source answers the page's own cookie session.
        var polled = await (await supervisor.GetAsync($"/api/v1/beat-design/runs/{runId}")).JsonAsync();
        Assert.Equal("queued", polled.GetProperty("state").GetString());
    }

    /// <summary>One area, next to the heaviest beat, handed to it: the heaviest beat only gets heavier.</summary>
    private static int[] OneAreaIntoTheHeaviestBeat(DistrictDesignProblem instance)
    {
        var plan = instance.Today.ToArray();
        var loads = PlanMetrics.Of(instance.CurrentProblem, instance.CurrentProblem.Current!).BeatLoads;
        var heaviest = Enumerable.Range(0, loads.Count).MaxBy(b => loads[b]);
        var pair = instance.Problem.Adjacency.Pairs.First(p => (plan[p.First] == heaviest) != (plan[p.Second] == heaviest));
        plan[plan[pair.First] == heaviest ? pair.Second : pair.First] = heaviest;
        return plan;
    }

    /// <summary>A finished run of the given plan, measured as the runner measures one; and an area it moves, with the beat it moves to.</summary>
    private async Task<(int RunId, (int Id, int To) Area)> ProposalAsync(int district, Func<DistrictDesignProblem, int[]> propose)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var instance = (await DistrictDesignProblem.LoadAsync(db, scope.ServiceProvider.GetRequiredService<WorkloadSettings>(), clock, district, null, false, CancellationToken.None))!;
        var plan = propose(instance);
        var before = PlanMetrics.Of(instance.CurrentProblem, instance.CurrentProblem.Current!);
        var run = new DesignRun
        {
            DistrictId = district, RequestedAtUtc = clock.GetUtcNow().UtcDateTime, FinishedAtUtc = clock.GetUtcNow().UtcDateTime, Beats = instance.Problem.Beats, Seed = 1,
            MinimalChange = true, TimeLimitSeconds = 60, State = DesignRunState.Done, Progress = 1, TerritoryRevision = await TerritorySnapshotCache.RevisionAsync(db, CancellationToken.None),
            PlanJson = JsonSerializer.Serialize(instance.SmallAreaIds.Select((id, i) => new[] { id, plan[i] })),
            BeforeJson = JsonSerializer.Serialize(RunMetrics.From(before, BalanceBound.Of(instance.CurrentProblem))), AfterJson = JsonSerializer.Serialize(RunMetrics.From(instance.Measure(plan), BalanceBound.Of(instance.Problem))),
        };
        db.DesignRuns.Add(run);
        await db.SaveChangesAsync();
        var moved = Enumerable.Range(0, plan.Length).FirstOrDefault(i => plan[i] != instance.Today[i], -1);
        return (run.Id, moved < 0 ? (0, 0) : (instance.SmallAreaIds[moved], instance.CurrentBeats[plan[moved]].Id));
    }

    private DateOnly KazakhstanToday() => Uchastok.Web.Shared.Localization.KazakhstanTime.Today(factory.Services.GetRequiredService<TimeProvider>());

    [GeneratedRegex("data-moved=\"([^\"]*)\"")]
    private static partial Regex MovedAttribute();
}

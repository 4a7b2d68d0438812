using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uchastok.Web.Appeals;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Transparency;

namespace Uchastok.Web.Tests.Shared;

/// <summary>A test that runs only on PostgreSQL, the one database several nodes can share; skipped, and says why, on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (UchastokAppFactory.Provider != "postgres") Skip = "Two nodes share a PostgreSQL database only: run with UCHASTOK_TEST_DB=postgres.";
    }
}

/// <summary>What a node logged, to tell which node did a piece of work and whether one's work collided with another's.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public bool Logged(string fragment) => Entries.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) capture.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}

/// <summary>One web node with its background work on (the dispatcher polls often, so both nodes compete for each message).</summary>
public sealed class NodeFactory : UchastokAppFactory
{
    public NodeFactory()
    {
    }

    public NodeFactory(NodeFactory sharing)
        : base(sharing)
    {
    }

    public LogCapture Logs { get; } = new();

    protected override bool RunBackgroundJobs => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:PollInterval", "00:00:00.200");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>Two nodes over one PostgreSQL database, started one after the other as a deployment would roll them out.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public NodeFactory? A { get; private set; }
    public NodeFactory? B { get; private set; }

    public async Task InitializeAsync()
    {
        if (UchastokAppFactory.Provider != "postgres") return;
        A = new NodeFactory();
        await A.InitializeAsync();
        B = new NodeFactory(A);
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        // The second node first: the first drops the database.
        if (B is not null) await ((IAsyncLifetime)B).DisposeAsync();
        if (A is not null) await ((IAsyncLifetime)A).DisposeAsync();
    }
}

/// <summary>
/// The architecture's promise that any number of web nodes share one PostgreSQL database and its
/// background work: under load on both, each message is sent once, each escalation made once,
/// each design run and each report draft taken by one node, and a sign-in on one is good on the other.
/// </summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private NodeFactory A => nodes.A!;
    private NodeFactory B => nodes.B!;

    [PostgresFact]
    public async Task AppealsFiledOnBothNodes_EachMessageIsDeliveredExactlyOnce_ByOneNodeOrTheOther()
    {
        var filed = await FileOnBothAsync(perNode: 30);

        await using var scope = A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var topics = filed.Select(n => "appeal:" + n).ToList();
        // Both dispatchers run on their own; wait (without a time limit of ours) until they are done.
        while (await db.Outbox.AnyAsync(m => (m.State == OutboxState.Pending || m.State == OutboxState.Sending) && topics.Contains(m.Topic!)))
            await Task.Delay(100);

        var messages = await db.Outbox.AsNoTracking().Where(m => topics.Contains(m.Topic!)).Select(m => new { m.Id, m.State }).ToListAsync();
        Assert.True(messages.Count >= filed.Count, "each appeal queues at least its applicant's message");
        Assert.All(messages, m => Assert.Equal(OutboxState.Sent, m.State));
        var ids = messages.Select(m => m.Id).ToList();
        var deliveries = await db.SinkMessages.AsNoTracking().Where(s => ids.Contains(s.OutboxMessageId)).GroupBy(s => s.MessageKey).Select(g => g.Count()).ToListAsync();
        Assert.Equal(messages.Count, deliveries.Count);
        Assert.All(deliveries, count => Assert.Equal(1, count));
    }

    [PostgresFact]
    public async Task DeadlinePassOnBothNodesAtOnce_EachOverdueAppealIsEscalatedOnce_ByOneNode()
    {
        var filed = await FileOnBothAsync(perNode: 15);
        // A start-up pass still holding the lock would make both passes below skip.
        await Task.WhenAll(A.Services.GetRequiredService<AppealDeadlineJob>().FirstPassDone, B.Services.GetRequiredService<AppealDeadlineJob>().FirstPassDone);
        await using (var scope = A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var overdue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
            await db.Appeals.Where(a => filed.Contains(a.Number)).ExecuteUpdateAsync(a => a.SetProperty(x => x.DueDate, overdue));
        }

        var passes = await Task.WhenAll(
            A.Services.GetRequiredService<AppealDeadlineJob>().RunOnceAsync(),
            B.Services.GetRequiredService<AppealDeadlineJob>().RunOnceAsync());
        // A pass after both: nothing is left to escalate.
        var after = await B.Services.GetRequiredService<AppealDeadlineJob>().RunOnceAsync();

        await using (var scope = A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var escalated = await db.Appeals.AsNoTracking().Where(a => filed.Contains(a.Number)).Select(a => a.EscalatedForDue).ToListAsync();
            Assert.All(escalated, due => Assert.NotNull(due));
            Assert.Equal(filed.Count, passes.Sum(p => p.Escalated));
            Assert.Equal(0, after.Escalated);
            var keys = await db.Outbox.AsNoTracking().Where(m => m.DedupeKey.Contains(":overdue:")).Select(m => m.DedupeKey).ToListAsync();
            Assert.All(filed, number => Assert.Contains(keys, k => k.StartsWith(number + ":overdue:", StringComparison.Ordinal)));
        }
        // One node took the pass; the other did not redo its work and have its saves refused.
        Assert.Contains(passes, p => p.Escalated == 0);
        Assert.False(A.Logs.Logged("was handled elsewhere meanwhile") || B.Logs.Logged("was handled elsewhere meanwhile"));
    }

    [PostgresFact]
    public async Task DesignRunQueuedOnBothNodes_IsRunByOneNode()
    {
        var (_, almaly) = await A.BeatAtAsync("43.2510", "76.9210");
        using var supervisor = await A.SignedInAsync("supervisor.almaly@demo.kz");
        var started = await supervisor.PostAsJsonAsync($"/api/v1/districts/{almaly}/beat-design/runs", new { beats = 10, timeLimitSeconds = 5 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.JsonAsync()).GetProperty("id").GetInt32();
        // The second node finds it queued too, as its start-up does with every queued run.
        B.Services.GetRequiredService<DesignRunner>().Enqueue(runId);
        await Task.WhenAll(A.Services.GetRequiredService<DesignRunner>().WhenIdleAsync(), B.Services.GetRequiredService<DesignRunner>().WhenIdleAsync());

        var run = await (await supervisor.GetAsync($"/api/v1/beat-design/runs/{runId}")).JsonAsync();
        Assert.Equal("done", run.GetProperty("state").GetString());
        var ran = $"Design run {runId} for district";
        Assert.True(A.Logs.Logged(ran) ^ B.Logs.Logged(ran), "exactly one node ran the optimiser");
    }

    [PostgresFact]
    public async Task ReportPassOnBothNodesAtOnce_TheDraftsAreMadeByOneNode()
    {
        // The nodes' passes at start-up drafted the last quarter's reports; without them, the next passes draft them again.
        // Both start-up passes must have ended first, or one still holding the lock would make both passes below skip.
        await Task.WhenAll(A.Services.GetRequiredService<QuarterlyReportJob>().FirstPassDone, B.Services.GetRequiredService<QuarterlyReportJob>().FirstPassDone);
        await using (var setup = A.Services.CreateAsyncScope())
        {
            var last = setup.ServiceProvider.GetRequiredService<QuarterlyReports>().LastEnded.ToString();
            await setup.ServiceProvider.GetRequiredService<UchastokDbContext>().QuarterlyReports.Where(r => r.Quarter == last).ExecuteDeleteAsync();
        }

        var passes = await Task.WhenAll(
            A.Services.GetRequiredService<QuarterlyReportJob>().RunOnceAsync(),
            B.Services.GetRequiredService<QuarterlyReportJob>().RunOnceAsync());

        await using var scope = A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var quarter = scope.ServiceProvider.GetRequiredService<QuarterlyReports>().LastEnded.ToString();
        var drafts = await db.QuarterlyReports.AsNoTracking().Where(r => r.Quarter == quarter).GroupBy(r => r.ScopeKey).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(drafts);
        Assert.All(drafts, count => Assert.Equal(1, count));
        // One pass made every draft; the other left the work to it rather than compute the same drafts and have them refused.
        Assert.Equal(drafts.Count, passes.Sum(p => p.Created));
        Assert.Contains(passes, p => p.Created + p.Updated == 0);
        Assert.False(A.Logs.Logged("were not saved; another pass may have made them") || B.Logs.Logged("were not saved; another pass may have made them"));
    }

    [PostgresFact]
    public async Task SignInOnOneNode_TheCookieWorksOnTheOther()
    {
        var cookies = new System.Net.CookieContainer();
        using var onA = A.CreateDefaultClient(A.ClientOptions.BaseAddress, new CookieContainerHandler(cookies));
        using var onB = B.CreateDefaultClient(B.ClientOptions.BaseAddress, new CookieContainerHandler(cookies));

        var form = await onA.GetStringAsync("/account/login");
        var signedIn = await onA.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "admin@demo.kz", ["password"] = ApiClient.DemoPassword, ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var page = await onB.GetAsync("/admin/notifications");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The antiforgery token of the other node's form is good too: keys are one ring in the database.
        var bForm = await onB.GetStringAsync("/admin/notifications");
        Assert.Contains("__RequestVerificationToken", bForm, StringComparison.Ordinal);
    }

    /// <summary>Appeals filed anonymously on both nodes at once, from a few clients each; returns their numbers.</summary>
    private async Task<List<string>> FileOnBothAsync(int perNode)
    {
        var numbers = new ConcurrentBag<string>();
        async Task FileAsync(NodeFactory node, int count)
        {
            using var client = node.Client();
            for (var i = 0; i < count; i++)
            {
                var (number, _, _) = await node.FileAppealAsync(client, await node.AppealBodyAsync());
                numbers.Add(number);
            }
        }
        const int clients = 3;
        await Task.WhenAll(Enumerable.Range(0, clients).SelectMany(_ => new[] { FileAsync(A, perNode / clients), FileAsync(B, perNode / clients) }));
        return numbers.ToList();
    }
}

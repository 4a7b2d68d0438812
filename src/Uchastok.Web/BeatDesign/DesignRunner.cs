using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.BeatDesign;

/// <summary>
/// Runs the optimiser for queued design runs, one at a time (it takes a core), in the background.
/// A run is claimed by a conditional update, so two nodes never run the same one; progress is kept
/// in memory for the page and written to the run about once a second; a run can be cancelled. On
/// start, queued runs, and runs marked running past their time limit (their node stopped), are
/// queued again: nothing is lost. A run that fails for any reason is marked failed, never left running.
/// </summary>
public sealed class DesignRunner(IServiceScopeFactory scopes, WorkloadSettings settings, TimeProvider clock, ILogger<DesignRunner> logger) : BackgroundService
{
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _cancellations = new();
    private readonly ConcurrentDictionary<int, OptimiserProgress> _progress = new();
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public void Enqueue(int runId)
    {
        lock (_queue)
        {
            if (_pending++ == 0) _idle = NewIdle(completed: false);
        }
        _queue.Writer.TryWrite(runId);
    }

    /// <summary>The live progress of a running run, if this node runs it.</summary>
    public OptimiserProgress? Progress(int runId) => _progress.GetValueOrDefault(runId);

    /// <summary>Asks a running run to stop; true when this node was running it.</summary>
    public bool Cancel(int runId)
    {
        if (!_cancellations.TryGetValue(runId, out var source)) return false;
        source.Cancel();
        return true;
    }

    /// <summary>Completes when every run queued on this node so far has finished (for tests and the command line).</summary>
    public Task WhenIdleAsync() => _idle.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueUnfinishedAsync(stoppingToken);
        await foreach (var runId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(runId, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Design run {RunId} failed", runId);
            }
            finally
            {
                lock (_queue)
                {
                    if (--_pending == 0) _idle.TrySetResult();
                }
            }
        }
    }

    private async Task RequeueUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        // A run still marked running past its time limit (and a margin) lost its node: another node may hold a younger one.
        var now = clock.GetUtcNow().UtcDateTime;
        var running = await db.DesignRuns.Where(r => r.State == DesignRunState.Running).Select(r => new { r.Id, r.StartedAtUtc, r.TimeLimitSeconds }).ToListAsync(cancellationToken);
        var lost = running.Where(r => r.StartedAtUtc is not { } started || started.AddSeconds(r.TimeLimitSeconds + 120) < now).Select(r => r.Id).ToList();
        await db.DesignRuns.Where(r => lost.Contains(r.Id) && r.State == DesignRunState.Running).ExecuteUpdateAsync(r => r.SetProperty(x => x.State, DesignRunState.Queued), cancellationToken);
        foreach (var id in await db.DesignRuns.Where(r => r.State == DesignRunState.Queued).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken))
            Enqueue(id);
    }

    internal async Task RunAsync(int runId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.DesignRuns.Where(r => r.Id == runId && r.State == DesignRunState.Queued)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.State, DesignRunState.Running).SetProperty(x => x.StartedAtUtc, now), stoppingToken);
        if (claimed == 0) return;
        var run = await db.DesignRuns.SingleAsync(r => r.Id == runId, stoppingToken);

        // The optimiser's own time limit ends the search; this token is for the supervisor's stop and for shutdown.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _cancellations[runId] = cancellation;
        try
        {
            var instance = await DistrictDesignProblem.LoadAsync(db, settings, clock, run.DistrictId, run.Beats, run.KeepReceptionPoints, cancellation.Token)
                ?? throw new InvalidOperationException("The district has no small areas, or more beats were asked for than it has small areas.");
            var lastWrite = clock.GetTimestamp();
            var progress = new ProgressReporter(p =>
            {
                _progress[runId] = p;
                if (clock.GetElapsedTime(lastWrite) < TimeSpan.FromSeconds(1)) return;
                lastWrite = clock.GetTimestamp();
                using var progressScope = scopes.CreateScope();
                progressScope.ServiceProvider.GetRequiredService<UchastokDbContext>().DesignRuns.Where(r => r.Id == runId)
                    .ExecuteUpdate(r => r.SetProperty(x => x.Progress, Math.Round(p.Fraction, 3)).SetProperty(x => x.Phase, p.Phase.ToString()));
            });
            var options = new OptimiserOptions(Seed: run.Seed, TimeLimit: TimeSpan.FromSeconds(run.TimeLimitSeconds), MinimalChange: run.MinimalChange);
            // The optimiser is CPU-bound; it runs off the request threads.
            var result = await Task.Run(() => BeatOptimiser.Optimise(instance.Problem, options, progress, cancellation.Token), cancellation.Token);
            var before = PlanMetrics.Of(instance.CurrentProblem, instance.CurrentProblem.Current!);
            run.PlanJson = JsonSerializer.Serialize(instance.SmallAreaIds.Select((id, i) => new[] { id, result.Plan[i] }));
            run.BeforeJson = JsonSerializer.Serialize(RunMetrics.From(before, BalanceBound.Of(instance.CurrentProblem)));
            var after = instance.Measure(result.Plan);
            run.AfterJson = JsonSerializer.Serialize(RunMetrics.From(after, result.Bound));
            run.State = DesignRunState.Done;
            run.Progress = 1;
            run.Phase = OptimiserPhase.Done.ToString();
            logger.LogInformation("Design run {RunId} for district {District}: max/mean {Before:F3} → {After:F3}, {Moved} areas moved, in {Elapsed}", runId, run.DistrictId, before.MaxOverMean, after.MaxOverMean, after.AreasMoved, result.Elapsed);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            run.State = DesignRunState.Cancelled;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever went wrong, the run must not stay "running": the page would wait for it for ever.
            logger.LogError(exception, "Design run {RunId} failed", runId);
            run.State = DesignRunState.Failed;
            run.Error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
        }
        finally
        {
            _cancellations.TryRemove(runId, out _);
            _progress.TryRemove(runId, out _);
        }
        run.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed) source.SetResult();
        return source;
    }

    /// <summary>Progress reported on the optimiser's own thread, as it happens.</summary>
    private sealed class ProgressReporter(Action<OptimiserProgress> report) : IProgress<OptimiserProgress>
    {
        public void Report(OptimiserProgress value) => report(value);
    }
}

/// <summary>The measures of a plan as a run keeps and shows them.</summary>
/// <param name="WithinFairShare">The share of beats within ±10 % of their fair share; absent from runs made before it was measured.</param>
/// <param name="Bound">The lowest max/mean any contiguous plan of this many beats can reach (<see cref="BalanceBound"/>); absent likewise.</param>
public sealed record RunMetrics(double MaxOverMean, double MinOverMean, double CoefficientOfVariation, double ContiguousShare, double MeanPolsbyPopper, int AreasMoved, long ResidentsMoved, int Beats,
    double? WithinFairShare = null, double? Bound = null)
{
    /// <summary>Whether a proposal measured so improves on today's beats (<see cref="ProposalImprovementRule"/>).</summary>
    public static ProposalVerdict Verdict(RunMetrics today, RunMetrics proposal) =>
        ProposalImprovementRule.Judge(today.Balance, proposal.Balance, proposal.AreasMoved);

    private PlanBalance Balance => new(Beats, MaxOverMean, CoefficientOfVariation, ContiguousShare);

    public static RunMetrics From(PlanMetrics m, BalanceBound bound) => new(
        Math.Round(m.MaxOverMean, 3), Math.Round(m.MinOverMean, 3), Math.Round(m.CoefficientOfVariation, 3), Math.Round(m.ContiguousShare, 3),
        Math.Round(m.MeanPolsbyPopper, 3), m.AreasMoved, m.ResidentsMoved, m.BeatLoads.Count, Math.Round(m.WithinFairShare, 3), Math.Round(bound.Value, 3));
}

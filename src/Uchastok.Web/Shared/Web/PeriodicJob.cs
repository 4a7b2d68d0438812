namespace Uchastok.Web.Shared.Web;

/// <summary>
/// A background job that runs one pass now and then every <see cref="Interval"/>, when background
/// work is on. A failed pass is logged and the next one tries again; tests call the pass by hand.
/// </summary>
public abstract class PeriodicJob(bool background, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected abstract TimeSpan Interval { get; }

    /// <summary>
    /// Done once the pass at start-up has ended (well or not), or at once when background work is off:
    /// whoever runs a pass by hand can first let the node's own pass finish rather than race it.
    /// </summary>
    public Task FirstPassDone => _firstPass.Task;

    /// <summary>One pass, whatever it reports.</summary>
    protected abstract Task PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!background)
        {
            _firstPass.TrySetResult();
            return;
        }
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Logger.LogWarning(exception, "{Job} pass failed; will try again", GetType().Name);
            }
            finally
            {
                _firstPass.TrySetResult();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// A background job that runs one pass now and then every <see cref="Interval"/>, when background
/// work is on. A failed pass is logged and the next one tries again; tests call the pass by hand.
/// </summary>
public abstract class PeriodicJob(bool background, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass, whatever it reports.</summary>
    protected abstract Task PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!background) return;
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
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.BeatDesign;

/// <summary>Puts scheduled beat versions into force on their date: checked at start and every ten minutes.</summary>
public sealed class BeatVersionActivator(IServiceScopeFactory scopes, JobLocks locks, TimeProvider clock, ILogger<BeatVersionActivator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        do
        {
            try
            {
                // One node at a time; another node's pass running now does this work.
                await using var held = await locks.TryTakeAsync(nameof(BeatVersionActivator), stoppingToken);
                if (held is null) continue;
                await using var scope = scopes.CreateAsyncScope();
                var applied = await scope.ServiceProvider.GetRequiredService<ActivateBeatVersionsCommand>().ExecuteAsync(stoppingToken);
                if (applied > 0) logger.LogInformation("{Count} scheduled beat versions put into force", applied);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Scheduled beat versions could not be checked; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

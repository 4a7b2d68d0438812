using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>
/// Keeps one <see cref="BeatLocator"/> over the active beats in memory. Built on first use and
/// dropped when the territory revision moves on (after an import here, or — noticed by
/// <see cref="TerritoryRevisionWatcher"/> — anywhere else); readers never lock, they take the
/// current reference.
/// </summary>
public sealed class BeatLocatorCache(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Built? _built;

    public async Task<BeatLocator> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_built is { } ready) return ready.Locator;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_built is { } loaded) return loaded.Locator;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            // Read the revision first: a change landing during the load is then seen as newer and reloads again.
            var revision = await RevisionAsync(db, cancellationToken);
            var beats = await db.Beats.AsNoTracking().Where(b => b.IsActive)
                .Select(b => new { b.Id, b.BoundaryGeoJson }).ToListAsync(cancellationToken);
            var built = new Built(new BeatLocator(beats.Select(b => (b.Id, GeoJson.ReadGeometry(b.BoundaryGeoJson)))), revision);
            _built = built;
            return built.Locator;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The revision the current locator was built from, or null before the first lookup.</summary>
    public long? Revision => _built?.Revision;

    public void Invalidate() => _built = null;

    internal static Task<long> RevisionAsync(UchastokDbContext db, CancellationToken cancellationToken) =>
        db.TerritoryRevisions.AsNoTracking().Where(r => r.Id == TerritoryRevision.SingletonId)
            .Select(r => r.Number).SingleOrDefaultAsync(cancellationToken);

    private sealed record Built(BeatLocator Locator, long Revision);
}

/// <summary>Checks the territory revision every half minute and drops a locator built from an older one.</summary>
public sealed class TerritoryRevisionWatcher(BeatLocatorCache cache, IServiceScopeFactory scopes, TimeProvider clock, ILogger<TerritoryRevisionWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not read the territory revision; will try again");
            }
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (cache.Revision is not { } current) return;
        await using var scope = scopes.CreateAsyncScope();
        var latest = await BeatLocatorCache.RevisionAsync(scope.ServiceProvider.GetRequiredService<UchastokDbContext>(), cancellationToken);
        if (latest == current) return;
        logger.LogInformation("Territory revision {Latest} replaces {Current}: beat lookups will be rebuilt", latest, current);
        cache.Invalidate();
    }
}

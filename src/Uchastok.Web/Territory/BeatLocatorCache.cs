using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>
/// Keeps one <see cref="BeatLocator"/> over the active beats in memory. Built on first use,
/// replaced after an import; readers never lock, they just take the current reference.
/// </summary>
public sealed class BeatLocatorCache(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile BeatLocator? _locator;

    public async Task<BeatLocator> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_locator is { } ready) return ready;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_locator is { } loaded) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var beats = await db.Beats.AsNoTracking().Where(b => b.IsActive)
                .Select(b => new { b.Id, b.BoundaryGeoJson }).ToListAsync(cancellationToken);
            var locator = new BeatLocator(beats.Select(b => (b.Id, GeoJson.ReadGeometry(b.BoundaryGeoJson))));
            _locator = locator;
            return locator;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _locator = null;
}

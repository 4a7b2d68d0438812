namespace Uchastok.Web.Shared.Data;

/// <summary>
/// A small table held in memory (the calendar, the templates, the appeal terms): loaded on first
/// use, reloaded when older than <c>maxAge</c> or after an edit on this node. An edit made on
/// another node is seen here within <c>maxAge</c>; readers never wait except for the first load.
/// </summary>
public sealed class ReloadingCache<T>(
    IServiceScopeFactory scopes, TimeProvider clock, TimeSpan maxAge, Func<UchastokDbContext, CancellationToken, Task<T>> load)
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _entry;

    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_entry is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < maxAge) return fresh.Value;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_entry is { } again && clock.GetUtcNow() - again.LoadedAt < maxAge) return again.Value;
            await using var scope = scopes.CreateAsyncScope();
            var value = await load(scope.ServiceProvider.GetRequiredService<UchastokDbContext>(), cancellationToken);
            _entry = new Entry(value, clock.GetUtcNow());
            return value;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _entry = null;

    private sealed record Entry(T Value, DateTimeOffset LoadedAt);
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>
/// What every "find my inspector" answer reads, held in memory: the locator over the active
/// beats and each beat with its district, inspector, district head and reception point. The
/// territory changes a few times a year and is read on every resident's visit, so one load per
/// territory revision replaces two database reads per request.
/// </summary>
public sealed class TerritorySnapshot(BeatLocator locator, IReadOnlyDictionary<int, Beat> beats, IReadOnlyDictionary<int, Officer> districtHeads, long revision)
{
    public BeatLocator Locator { get; } = locator;
    public long Revision { get; } = revision;

    /// <summary>An active beat with its district, inspector and reception point (address and street) loaded.</summary>
    public Beat? Beat(int id) => beats.GetValueOrDefault(id);

    /// <summary>Every active beat, with its district, inspector and reception point.</summary>
    public IEnumerable<Beat> Beats => beats.Values;

    public Officer? DistrictHead(int districtId) => districtHeads.GetValueOrDefault(districtId);

    /// <summary>An officer who serves a beat or heads a district, for showing who handles what; not for changing.</summary>
    public Officer? Officer(int id) => _officers.GetValueOrDefault(id);

    private readonly Dictionary<int, Officer> _officers = beats.Values.Where(b => b.Inspector is not null).Select(b => b.Inspector!)
        .Concat(districtHeads.Values).DistinctBy(o => o.Id).ToDictionary(o => o.Id);

    /// <summary>The head of each district's service, by district: where complaints about its officers go.</summary>
    public IReadOnlyDictionary<int, int> HeadOfficerByDistrict { get; } = districtHeads.ToDictionary(h => h.Key, h => h.Value.Id);
}

/// <summary>
/// Keeps one <see cref="TerritorySnapshot"/> in memory. Built on first use and dropped when the
/// territory revision moves on (after a change here, or — noticed by
/// <see cref="TerritoryRevisionWatcher"/> — anywhere else); readers never lock, they take the
/// current reference.
/// </summary>
public sealed class TerritorySnapshotCache(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile TerritorySnapshot? _current;

    public async Task<TerritorySnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } ready) return ready;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            // Read the revision first: a change landing during the load is then seen as newer and reloads again.
            var revision = await RevisionAsync(db, cancellationToken);
            var beats = await db.Beats.AsNoTracking().Where(b => b.IsActive)
                .Include(b => b.District)
                .Include(b => b.Inspector)
                .Include(b => b.ReceptionPoint).ThenInclude(p => p!.Address).ThenInclude(a => a.Street)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var heads = await db.Officers.AsNoTracking().Where(o => o.Position == OfficerPosition.HeadOfDistrictService)
                .OrderBy(o => o.Id).ToListAsync(cancellationToken);
            var snapshot = new TerritorySnapshot(
                new BeatLocator(beats.Select(b => (b.Id, GeoJson.ReadGeometry(b.BoundaryGeoJson)))),
                beats.ToDictionary(b => b.Id),
                heads.GroupBy(o => o.DistrictId).ToDictionary(g => g.Key, g => g.First()),
                revision);
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The revision the current snapshot was built from, or null before the first read.</summary>
    public long? Revision => _current?.Revision;

    public void Invalidate() => _current = null;

    internal static Task<long> RevisionAsync(UchastokDbContext db, CancellationToken cancellationToken) =>
        db.TerritoryRevisions.AsNoTracking().Where(r => r.Id == TerritoryRevision.SingletonId)
            .Select(r => r.Number).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Raises the territory revision; call it inside the transaction of any change to what a beat
    /// card shows (outlines, inspectors, reception points), then <see cref="Invalidate"/> after commit.
    /// With <paramref name="expected"/>, only from that revision: false when the territory changed
    /// since (the update's row lock orders concurrent writers, so one of two racing changes loses).
    /// </summary>
    internal static async Task<bool> BumpRevisionAsync(UchastokDbContext db, CancellationToken cancellationToken, long? expected = null) =>
        await db.TerritoryRevisions.Where(r => r.Id == TerritoryRevision.SingletonId && (expected == null || r.Number == expected))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Number, x => x.Number + 1), cancellationToken) > 0;
}

/// <summary>Checks the territory revision every half minute and drops a snapshot built from an older one.</summary>
public sealed class TerritoryRevisionWatcher(TerritorySnapshotCache cache, IServiceScopeFactory scopes, TimeProvider clock, ILogger<TerritoryRevisionWatcher> logger) : BackgroundService
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
        var latest = await TerritorySnapshotCache.RevisionAsync(scope.ServiceProvider.GetRequiredService<UchastokDbContext>(), cancellationToken);
        if (latest == current) return;
        logger.LogInformation("Territory revision {Latest} replaces {Current}: the territory snapshot will be rebuilt", latest, current);
        cache.Invalidate();
    }
}

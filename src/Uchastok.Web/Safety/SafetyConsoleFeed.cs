using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Safety;

/// <summary>
/// Tells the consoles connected to this node about every change to an incident, wherever it was made: on this node
/// or another one, by a resident's report, a device's alarm, another console or the escalation job. The steps table
/// is the change feed (every change writes a step in its own transaction): this service reads the steps with an id
/// above the highest it has seen, every <c>Safety:FeedInterval</c> (250 ms) or at once when this node wrote one
/// (<see cref="SafetyConsoleSignal"/>), and pushes each incident they touch to its district's group and to the
/// administrators'.
/// <para>
/// Why not lose one: on PostgreSQL ids are handed out when a row is inserted, not when its transaction commits, so
/// step 101 can be visible before step 100. An id skipped below the highest seen is remembered as a gap and asked for
/// again on every pass until it shows up (pushed then) or <c>Safety:FeedGapWait</c> (30 s) has passed (a rolled-back
/// insert never shows up). A step seen twice is not pushed twice: the cursor and the gap set de-duplicate by id.
/// </para>
/// </summary>
public sealed class SafetyConsoleFeed(
    IServiceScopeFactory scopes, IHubContext<SafetyConsoleHub> hub, SafetyConsoleSignal signal, ConsoleConnections connections,
    SafetyConsoleSettings settings, ILogger<SafetyConsoleFeed> logger) : BackgroundService
{
    /// <summary>At most this many steps a pass; the next pass, at once, takes the rest.</summary>
    public const int Batch = 2000;

    /// <summary>Gaps tracked at most: a jump of the sequence (a restore) must not make a list of millions.</summary>
    public const int MaxGaps = 10_000;

    private long _high = -1;
    private readonly Dictionary<long, long> _gaps = [];
    private readonly SemaphoreSlim _pass = new(1, 1);
    private long _lastRecheck = Environment.TickCount64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await PassAsync(stoppingToken) >= Batch;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The safety console feed failed a pass; it tries again");
            }
            if (Environment.TickCount64 - _lastRecheck >= (long)settings.ConnectionRecheck.TotalMilliseconds)
            {
                _lastRecheck = Environment.TickCount64;
                try
                {
                    await RecheckConnectionsAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "The safety console feed failed to re-check its connections; it tries again");
                }
            }
            if (full) continue;
            try
            {
                await signal.WaitAsync(settings.FeedInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Closes the live consoles whose sign-in no longer holds: the session was ended (signed out, ended by a supervisor,
    /// a lost device) or the account lost the console's role or moved district since it connected. A hub connection is
    /// authenticated once, when it opens, and a bearer token's connection outlives the token; without this an officer
    /// moved away or signed out everywhere would keep hearing the district's reports. Returns how many were closed.
    /// </summary>
    public async Task<int> RecheckConnectionsAsync(CancellationToken cancellationToken = default)
    {
        var live = connections.Connections();
        if (live.Count == 0) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<AccountSessions>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var closed = 0;
        foreach (var connection in live)
        {
            // Not the token's generation: a bearer client refreshes its token while the connection stays the same.
            var keep = (await sessions.CheckAsync(connection.User, checkGeneration: false, cancellationToken)).Open
                && await users.FindByIdAsync(connection.Reader.UserId) is { } account
                && ConsoleScope.Of(await principals.CreateAsync(account)) == connection.Scope;
            if (keep) continue;
            connection.Abort();
            connections.Remove(connection.Id);
            closed++;
        }
        if (closed > 0) logger.LogInformation("Closed {Count} safety console connections whose session, role or district no longer holds", closed);
        return closed;
    }

    /// <summary>One pass: the steps read (0 on the first, which only finds where the table stands).</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            if (_high < 0)
            {
                // A node that starts tells of what happens from now; a console that connects reads the list itself.
                _high = await db.SafetyIncidentSteps.MaxAsync(s => (long?)s.Id, cancellationToken) ?? 0;
                return 0;
            }
            var gaps = _gaps.Keys.ToList();
            var high = _high;
            var rows = await db.SafetyIncidentSteps.AsNoTracking()
                .Where(s => s.Id > high || gaps.Contains(s.Id))
                .OrderBy(s => s.Id).Take(Batch).Select(s => new { s.Id, s.IncidentId }).ToListAsync(cancellationToken);
            var now = Environment.TickCount64;
            foreach (var row in rows)
            {
                if (row.Id <= _high)
                {
                    _gaps.Remove(row.Id);
                    continue;
                }
                for (var missing = _high + 1; missing < row.Id && _gaps.Count < MaxGaps; missing++) _gaps.TryAdd(missing, now);
                _high = row.Id;
            }
            var wait = (long)settings.FeedGapWait.TotalMilliseconds;
            foreach (var expired in _gaps.Where(g => now - g.Value > wait).Select(g => g.Key).ToList()) _gaps.Remove(expired);
            if (rows.Count == 0 || connections.IsEmpty) return rows.Count;

            var queries = scope.ServiceProvider.GetRequiredService<SafetyConsoleQueries>();
            var read = await queries.ReadAsync(rows.Select(r => r.IncidentId).Distinct().ToList(), cancellationToken);
            foreach (var incident in read)
            {
                IReadOnlyList<string> groups = incident.View.District is { } district
                    ? [ConsoleScope.DistrictGroup(district.Id), ConsoleScope.AllGroup]
                    : [ConsoleScope.AllGroup];
                await hub.Clients.Groups(groups).SendAsync(SafetyConsoleHub.ClientMethod, incident.View, cancellationToken);
            }
            // Each report pushed is read by every console it reached: one log save per reader.
            var byReader = read.Where(r => r.Kind == SafetyIncidentKind.Report)
                .SelectMany(r => connections.ReadersOf(r.View.District?.Id).Select(reader => (reader, r)))
                .GroupBy(x => x.reader, x => x.r);
            foreach (var reader in byReader) await queries.LogReadsAsync(reader.Key, reader, cancellationToken);
            return rows.Count;
        }
        finally
        {
            _pass.Release();
        }
    }
}

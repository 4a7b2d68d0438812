using System.Collections.Concurrent;
using Uchastok.Rules.Safety;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

/// <summary>The duty console's settings, from section <c>Safety</c>.</summary>
public sealed class SafetyConsoleSettings
{
    /// <summary>An incident nobody took within this escalates to the district's supervisors (level 1).</summary>
    public TimeSpan EscalateAfter { get; set; } = EscalationTimes.Default.After;
    /// <summary>And this much later, still untaken, again (level 2: the supervisors and the administrators).</summary>
    public TimeSpan EscalateAgainAfter { get; set; } = EscalationTimes.Default.AgainAfter;
    /// <summary>How often the escalation job looks (it runs on every node; each level is taken once).</summary>
    public TimeSpan EscalationCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How often the live feed reads new steps when nothing on this node nudged it.</summary>
    public TimeSpan FeedInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>How long the feed keeps asking for a step id it skipped (a transaction not yet committed) before it takes it for rolled back.</summary>
    public TimeSpan FeedGapWait { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How far before <c>since</c> the polling answer reads back, for steps whose transaction committed late.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often the feed re-checks each live console's session, role and district (and closes those that lost them).</summary>
    public TimeSpan ConnectionRecheck { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a closed incident stays on the console's list.</summary>
    public TimeSpan ClosedShownFor { get; set; } = TimeSpan.FromHours(12);

    public EscalationTimes Escalation => new(EscalateAfter, EscalateAgainAfter);
}

/// <summary>Wakes this node's live feed at once after a commit that wrote a step, rather than at its next interval.</summary>
public sealed class SafetyConsoleSignal : WakeSignal;

/// <summary>Who is connected to this node's hub, and which district each sees (null: all), so that every report pushed is logged as read by each reader.</summary>
public sealed class ConsoleConnections
{
    public sealed record Reader(string UserId, int? District);

    /// <summary>A live connection as it was let in: its sign-in, its scope then, and how to close it (the hub's own abort).</summary>
    public sealed record Connection(string Id, Reader Reader, System.Security.Claims.ClaimsPrincipal User, ConsoleScope Scope, Action Abort);

    private readonly ConcurrentDictionary<string, Reader> _readers = new();
    private readonly ConcurrentDictionary<string, Connection> _connections = new();

    public void Add(string connectionId, Reader reader, System.Security.Claims.ClaimsPrincipal user, ConsoleScope scope, Action abort)
    {
        _readers[connectionId] = reader;
        _connections[connectionId] = new Connection(connectionId, reader, user, scope, abort);
    }

    public void Remove(string connectionId)
    {
        _readers.TryRemove(connectionId, out _);
        _connections.TryRemove(connectionId, out _);
    }

    /// <summary>The live connections, for the feed's periodic re-check (<see cref="SafetyConsoleFeed.RecheckConnectionsAsync"/>).</summary>
    public IReadOnlyList<Connection> Connections() => _connections.Values.ToList();

    public bool IsEmpty => _readers.IsEmpty;

    /// <summary>The accounts that received a push about an incident in this district (administrators' all-districts group included).</summary>
    public IReadOnlyList<string> ReadersOf(int? district) =>
        _readers.Values.Where(r => r.District is null || r.District == district).Select(r => r.UserId).Distinct().ToList();
}

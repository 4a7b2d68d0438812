using System.Collections.Concurrent;

namespace Uchastok.Web.Accounts;

/// <summary>
/// The sessions this node has just found open (<see cref="AccountSessions.IsOpenAsync"/>), so that a
/// burst of requests on one session — a page and its API calls, an inspector's list opened again and
/// again — reads the session row once, not once per request (ADR 0011).
/// <list type="bullet">
/// <item>Only an open session is kept, and for <see cref="MaxAge"/> at most: a session ended on another
/// node that shares the database is refused here within that time.</item>
/// <item>What ends a session on this node forgets it here at once: a sign-out, a refresh (the old
/// generation dies), a reused refresh token, a new password or any other change of the account's
/// security stamp (<see cref="UchastokUserManager"/>), a renewed cookie (its expiry moves).</item>
/// <item>A check that read the row before such a forgetting cannot put the old state back: every
/// forgetting moves <see cref="Epoch"/>, and a session read under an earlier epoch is not kept.</item>
/// </list>
/// </summary>
public sealed class OpenSessionCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>Beyond this many sessions the old ones are swept; a node serves far fewer in one second.</summary>
    private const int MaxSessions = 50_000;

    internal sealed record OpenSession(string UserId, int Generation, DateTime ExpiresAtUtc, long CheckedAt);

    private readonly ConcurrentDictionary<string, OpenSession> _open = new(StringComparer.Ordinal);
    private long _epoch;

    /// <summary>Moves on every forgetting; read it before reading a session's row and give it to <see cref="Keep"/>.</summary>
    internal long Epoch => Interlocked.Read(ref _epoch);

    internal OpenSession? Find(string sessionId) =>
        _open.TryGetValue(sessionId, out var kept) && clock.GetElapsedTime(kept.CheckedAt) < MaxAge ? kept : null;

    /// <summary>Keeps a session read as open under <paramref name="epochBefore"/>, unless something was forgotten since.</summary>
    internal void Keep(string sessionId, string userId, int generation, DateTime expiresAtUtc, long epochBefore)
    {
        if (_open.Count >= MaxSessions) Sweep();
        var kept = new OpenSession(userId, generation, expiresAtUtc, clock.GetTimestamp());
        _open[sessionId] = kept;
        // A forgetting between the read and now may concern this very session: take back what was just kept.
        if (Epoch != epochBefore) _open.TryRemove(new KeyValuePair<string, OpenSession>(sessionId, kept));
    }

    /// <summary>Forgets one session: it ended, or its generation or expiry changed.</summary>
    public void Forget(string sessionId)
    {
        Interlocked.Increment(ref _epoch);
        _open.TryRemove(sessionId, out _);
    }

    /// <summary>Forgets every session of an account: all ended, or its security stamp changed.</summary>
    public void ForgetAccount(string userId)
    {
        Interlocked.Increment(ref _epoch);
        foreach (var (id, session) in _open)
            if (session.UserId == userId) _open.TryRemove(id, out _);
    }

    private void Sweep()
    {
        foreach (var (id, session) in _open)
            if (clock.GetElapsedTime(session.CheckedAt) >= MaxAge) _open.TryRemove(id, out _);
        if (_open.Count >= MaxSessions) _open.Clear();
    }
}

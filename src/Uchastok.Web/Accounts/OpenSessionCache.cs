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
/// </list>
/// </summary>
public sealed class OpenSessionCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>Beyond this many sessions the memory starts afresh; a node serves far fewer people at once.</summary>
    private const int MaxSessions = 200_000;

    internal sealed record OpenSession(string UserId, int Generation, DateTime ExpiresAtUtc, long CheckedAt);

    private readonly ConcurrentDictionary<string, OpenSession> _open = new(StringComparer.Ordinal);

    internal OpenSession? Find(string sessionId) =>
        _open.TryGetValue(sessionId, out var kept) && clock.GetElapsedTime(kept.CheckedAt) < MaxAge ? kept : null;

    internal void Keep(string sessionId, string userId, int generation, DateTime expiresAtUtc)
    {
        if (_open.Count >= MaxSessions) _open.Clear();
        _open[sessionId] = new OpenSession(userId, generation, expiresAtUtc, clock.GetTimestamp());
    }

    /// <summary>Forgets one session: it ended, or its generation or expiry changed.</summary>
    public void Forget(string sessionId) => _open.TryRemove(sessionId, out _);

    /// <summary>Forgets every session of an account: all ended, or its security stamp changed.</summary>
    public void ForgetAccount(string userId)
    {
        foreach (var (id, session) in _open)
            if (session.UserId == userId) _open.TryRemove(id, out _);
    }
}

using System.Collections.Concurrent;

namespace Uchastok.Web.Prevention;

/// <summary>
/// The inspectors' days as last computed on this node, and which of them each reader has already been
/// logged as seeing. An inspector opens his day list again and again in a shift, and computing it (the
/// due actions of his beats, the route through them) costs milliseconds each time.
/// <list type="bullet">
/// <item>A day is kept until any prevention write on this node (<see cref="Changed"/>) or for
/// <see cref="MaxAge"/> at most, so a change made on another node that shares the database shows within it.</item>
/// <item>A read is logged once per reader and distinct list: the log says who saw which people when; the
/// same list shown again to the same reader the same day adds nothing to it (ADR 0010).</item>
/// </list>
/// </summary>
public sealed class PreventionDayCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private const int MaxLoggedReads = 100_000;

    internal sealed record Day(InspectorDayView View, int DistrictId, long Revision, long ComputedAt, string ListKey);

    // Per language too: the view names the inspector as the reader's language writes him (Latin letters in English).
    private readonly ConcurrentDictionary<(int Officer, DateOnly Day, string Language), Day> _days = new();
    private readonly ConcurrentDictionary<(string Reader, int Officer, DateOnly Day, string ListKey), byte> _logged = new();
    private long _revision;

    /// <summary>Something in the prevention file changed on this node: every kept day is computed afresh.</summary>
    public void Changed() => Interlocked.Increment(ref _revision);

    internal long Revision => Interlocked.Read(ref _revision);

    internal Day? Find(int officer, DateOnly day) =>
        _days.TryGetValue((officer, day, Language), out var kept) && kept.Revision == Revision && clock.GetElapsedTime(kept.ComputedAt) < MaxAge ? kept : null;

    internal Day Keep(int officer, DateOnly day, DateOnly today, InspectorDayView view, int districtId, long revision)
    {
        // Today's days and those ahead are kept; yesterday's go as soon as a new one is kept.
        foreach (var key in _days.Keys) if (key.Day < today) _days.TryRemove(key, out _);
        var kept = new Day(view, districtId, revision, clock.GetTimestamp(), string.Join(',', view.Stops.Select(s => s.ActionId)));
        _days[(officer, day, Language)] = kept;
        return kept;
    }

    private static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>Whether this reader's read of this list must be logged: true the first time on this node.</summary>
    internal bool FirstRead(string reader, int officer, DateOnly day, string listKey)
    {
        if (_logged.Count > MaxLoggedReads) _logged.Clear();
        return _logged.TryAdd((reader, officer, day, listKey), 0);
    }
}

namespace Uchastok.Rules.Safety;

/// <summary>
/// How long incidents waited to be acknowledged (from <c>received</c> to the first <c>acknowledged</c> step), as the
/// district board shows it: the median and the 90th percentile. Percentiles interpolate linearly between the two
/// nearest ranks (the "inclusive" method of spreadsheets' PERCENTILE.INC, R's type 7): the median of an even count
/// is the mean of the middle two, one value is its own every percentile, and no value is no figure (null), not zero.
/// </summary>
public static class AcknowledgementTimes
{
    /// <summary>The <paramref name="fraction"/> (0–1) percentile of the times; null when there are none.</summary>
    public static TimeSpan? Percentile(IEnumerable<TimeSpan> times, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var sorted = times.Select(t => t.Ticks).Order().ToArray();
        if (sorted.Length == 0) return null;
        var rank = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var ticks = sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
        return TimeSpan.FromTicks((long)Math.Round(ticks, MidpointRounding.AwayFromZero));
    }

    public static TimeSpan? Median(IEnumerable<TimeSpan> times) => Percentile(times, 0.5);

    public static TimeSpan? Ninetieth(IEnumerable<TimeSpan> times) => Percentile(times, 0.9);

    /// <summary>
    /// The time an incident waited: from received to its first acknowledgement; null while none came. A clock that put
    /// the acknowledgement before the receipt (two nodes) counts as zero, not as a negative wait.
    /// </summary>
    public static TimeSpan? Waited(DateTime receivedUtc, DateTime? firstAcknowledgedUtc) =>
        firstAcknowledgedUtc is { } acknowledged ? (acknowledged < receivedUtc ? TimeSpan.Zero : acknowledged - receivedUtc) : null;
}

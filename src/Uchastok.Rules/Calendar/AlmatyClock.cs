namespace Uchastok.Rules.Calendar;

/// <summary>
/// Almaty's wall clock for an instant: UTC+6 until Kazakhstan moved to one time zone, UTC+5, on 1 March 2024 (clocks
/// went back at 00:00 local, 18:00 UTC on 29 February). Summer time, last kept in 2004, is not applied: an instant
/// before 2005 reads an hour early in summer. Used where a source writes instants (with an offset or in UTC), so that
/// the hour-of-day of an incident in Almaty is the hour its residents saw.
/// </summary>
public static class AlmatyClock
{
    private static readonly DateTime SingleZoneFromUtc = new(2024, 2, 29, 18, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The offset all of Kazakhstan keeps since 1 March 2024. Everything Uchastok records (appeals, meetings, deadlines)
    /// happens after that, so its own moments are shown and its local days cut with this one offset.
    /// </summary>
    public static readonly TimeSpan SingleZoneOffset = TimeSpan.FromHours(5);

    public static TimeSpan OffsetAt(DateTimeOffset instant) =>
        instant.UtcDateTime < SingleZoneFromUtc ? TimeSpan.FromHours(6) : SingleZoneOffset;

    /// <summary>The date and time an Almaty clock showed at the instant.</summary>
    public static DateTime WallClock(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant)).DateTime;
}

using Uchastok.Rules.Trust;

namespace Uchastok.Rules.Community;

public enum ComplianceState
{
    /// <summary>The quarterly report meeting was held.</summary>
    Held,
    /// <summary>Not held yet, and more than two weeks of the quarter are left.</summary>
    Due,
    /// <summary>Not held, and the quarter ends within two weeks: the inspector and the supervisor are alerted.</summary>
    Alert,
    /// <summary>The quarter ended without the meeting.</summary>
    Missed,
}

/// <summary>
/// Every inspector reports to the beat's residents once a quarter (C10). Quarters are counted in
/// Kazakhstan time: the caller passes the local date, so 31 December 20:00 UTC is already the
/// next quarter in Almaty.
/// </summary>
public static class MeetingCompliance
{
    public const int AlertDays = 14;

    /// <summary>The first day of the alert: two weeks before the quarter's last day, inclusive.</summary>
    public static DateOnly AlertFrom(Quarter quarter) => quarter.Last.AddDays(-(AlertDays - 1));

    public static ComplianceState Of(Quarter quarter, DateOnly today, bool held)
    {
        if (held) return ComplianceState.Held;
        if (today > quarter.Last) return ComplianceState.Missed;
        return today >= AlertFrom(quarter) ? ComplianceState.Alert : ComplianceState.Due;
    }
}

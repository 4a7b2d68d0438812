namespace Uchastok.Rules.Prevention;

public enum PeriodUnit { Days, Weeks, Months, Years }

/// <summary>
/// A span of calendar time as a count and its unit: "every 1 month", "every 2 weeks", "5 years".
/// Visit frequencies and retention periods are written this way in orders and laws, and neither a
/// month nor a year is a fixed number of days: storing "30 days" for "monthly" would drift a visit
/// by a day or two a month and put it on another day of the month than the inspector expects.
/// Keeping the unit lets an administrator copy the frequency as its source states it, and lets
/// the page show it the same way. Month and year arithmetic clamps to the month's last day
/// (31 January + 1 month = 28 February), as <see cref="DateOnly.AddMonths"/> does.
/// </summary>
public readonly record struct CalendarPeriod(int Count, PeriodUnit Unit)
{
    /// <summary>
    /// A technical bound, not a legal one: a hundred years in any unit keeps every date
    /// arithmetic inside <see cref="DateOnly"/>'s range for any date a register can hold.
    /// </summary>
    public const int MaxYears = 100;

    public bool IsPositive => Count > 0;

    /// <summary>Whether the period is at least one unit and at most <see cref="MaxYears"/> years.</summary>
    public bool IsWithinBounds => Count > 0 && Count <= Unit switch
    {
        PeriodUnit.Days => MaxYears * 366,
        PeriodUnit.Weeks => MaxYears * 53,
        PeriodUnit.Months => MaxYears * 12,
        _ => MaxYears,
    };

    /// <summary>The date <paramref name="times"/> periods after <paramref name="date"/> (before it when negative), computed in one step so month ends do not drift.</summary>
    public DateOnly AddTo(DateOnly date, int times = 1) => Unit switch
    {
        PeriodUnit.Days => date.AddDays(Count * times),
        PeriodUnit.Weeks => date.AddDays(7 * Count * times),
        PeriodUnit.Months => date.AddMonths(Count * times),
        _ => date.AddYears(Count * times),
    };

    public override string ToString() => $"{Count} {Unit.ToString().ToLowerInvariant()}";
}

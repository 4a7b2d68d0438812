namespace Uchastok.Rules.Calendar;

/// <summary>
/// Working days in Kazakhstan: Monday to Friday, minus holidays and days off, plus weekend days
/// the government made working. Built from data an administrator keeps (see
/// <see cref="KazakhstanHolidays"/> for the seed), never from rules baked in here, because the
/// government decides transfers year by year and the date of Kurban ait moves.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        _exceptions = [];
        foreach (var day in days) _exceptions[day.Date] = day.Kind;
    }

    public static WorkingCalendar MondayToFriday { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="start"/>; the start
    /// day itself is not counted, as a term runs from the day after the event that starts it.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = start;
        var left = count;
        while (left > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>The date itself if it is a working day, otherwise the next working day: where a term that ends on a day off ends.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date)) count++;
        }
        return count;
    }
}

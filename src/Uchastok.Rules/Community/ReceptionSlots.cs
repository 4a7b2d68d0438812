using Uchastok.Rules.Calendar;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Community;

/// <summary>
/// The slots residents can book with their inspector (C10): cut from the reception point's
/// opening hours on working days, in local time. A point open round the clock is a duty post;
/// the inspector's own reception there keeps office hours.
/// </summary>
public static class ReceptionSlots
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(20);
    public const int DefaultDaysAhead = 14;
    /// <summary>A slot is offered only if it starts at least this long from now, so the inspector learns of it in time.</summary>
    public static readonly TimeSpan MinimumNotice = TimeSpan.FromHours(1);

    public static readonly OpeningHours OfficeHours = new(false,
        [new OpeningSpan([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(18, 0))]);

    /// <summary>Local start times of every slot from <paramref name="nowLocal"/> plus the notice, over <paramref name="days"/> days, in order.</summary>
    public static IReadOnlyList<DateTime> Generate(OpeningHours hours, WorkingCalendar calendar, DateTime nowLocal, int days, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        var spans = hours.AroundTheClock ? OfficeHours.Spans : hours.Spans;
        var earliest = nowLocal + MinimumNotice;
        var slots = new List<DateTime>();
        var today = DateOnly.FromDateTime(nowLocal);
        for (var day = today; day < today.AddDays(days); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            foreach (var span in spans.Where(s => s.Days.Contains(day.DayOfWeek)).OrderBy(s => s.Opens))
            {
                // Slots start on fixed marks of the day (09:00, 09:20…), so that spans opening at odd minutes never offer overlapping times.
                var opens = day.ToDateTime(TimeOnly.MinValue).AddTicks((day.ToDateTime(span.Opens) - day.ToDateTime(TimeOnly.MinValue)).Ticks.CeilingTo(length.Ticks));
                for (var start = opens; start + length <= day.ToDateTime(span.Closes); start += length)
                    if (start >= earliest) slots.Add(start);
            }
        }
        return slots.Distinct().Order().ToList();
    }

    private static long CeilingTo(this long value, long step) => (value + step - 1) / step * step;

    /// <summary>
    /// The slots that do not overlap a time the inspector is busy (his own announced meetings), a
    /// slot being [start, start + length) and a busy time [start, end): a meeting that ends at 10:00
    /// leaves the 10:00 slot free.
    /// </summary>
    public static IReadOnlyList<DateTime> Outside(IReadOnlyList<DateTime> slots, TimeSpan length, IEnumerable<(DateTime Start, DateTime End)> busy)
    {
        var times = busy.ToList();
        return times.Count == 0 ? slots : slots.Where(slot => !times.Any(b => slot < b.End && b.Start < slot + length)).ToList();
    }

    /// <summary>Whether a requested start is one of the offered slots.</summary>
    public static bool IsOffered(IReadOnlyList<DateTime> slots, DateTime startLocal) => slots.Contains(startLocal);
}

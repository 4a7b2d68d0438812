using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    [Fact]
    public void AddWorkingDays_FromFriday_SkipsTheWeekendAndDoesNotCountTheStartDay()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), WorkingCalendar.MondayToFriday.AddWorkingDays(Friday, 1));
        Assert.Equal(new DateOnly(2026, 11, 27), WorkingCalendar.MondayToFriday.AddWorkingDays(Friday, 5));
        Assert.Equal(Friday, WorkingCalendar.MondayToFriday.AddWorkingDays(Friday, 0));
    }

    [Fact]
    public void AddWorkingDays_FromASaturday_StartsCountingOnMonday()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), WorkingCalendar.MondayToFriday.AddWorkingDays(new DateOnly(2026, 11, 21), 1));
    }

    [Fact]
    public void AddWorkingDays_AcrossAHolidayAndATransferredWorkingSaturday_CountsBoth()
    {
        var calendar = new WorkingCalendar(
        [
            new CalendarDay(new DateOnly(2026, 11, 23), CalendarDayKind.Holiday, "к", "р", "e"),
            new CalendarDay(new DateOnly(2026, 11, 21), CalendarDayKind.WorkingDay, "к", "р", "e"),
        ]);

        // Saturday 21 counts, Monday 23 does not: 21, 24, 25.
        Assert.Equal(new DateOnly(2026, 11, 25), calendar.AddWorkingDays(Friday, 3));
    }

    [Fact]
    public void WorkingDaysBetween_IsTheInverseOfAddWorkingDays()
    {
        var calendar = new WorkingCalendar(KazakhstanHolidays.For(2026));
        for (var start = new DateOnly(2026, 3, 1); start < new DateOnly(2026, 4, 1); start = start.AddDays(1))
        {
            var due = calendar.AddWorkingDays(start, 15);
            Assert.Equal(15, calendar.WorkingDaysBetween(start, due));
            Assert.Equal(-15, calendar.WorkingDaysBetween(due, start));
        }
    }

    [Fact]
    public void OnOrNextWorkingDay_OnASunday_GivesMonday()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), WorkingCalendar.MondayToFriday.OnOrNextWorkingDay(new DateOnly(2026, 11, 22)));
        Assert.Equal(Friday, WorkingCalendar.MondayToFriday.OnOrNextWorkingDay(Friday));
    }
}

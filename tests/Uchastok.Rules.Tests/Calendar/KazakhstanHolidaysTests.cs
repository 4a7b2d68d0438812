using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Tests.Calendar;

public sealed class KazakhstanHolidaysTests
{
    private static WorkingCalendar Year(int year) => new(KazakhstanHolidays.For(year));

    [Theory]
    // 2026 as published on the e-government portal: each weekend holiday moves its day off to the next free weekday.
    [InlineData("2026-03-09")] // 8 March is a Sunday
    [InlineData("2026-03-24")] // Nauryz: 21 (Saturday) and 22 (Sunday) move past 23 March, itself a holiday
    [InlineData("2026-03-25")]
    [InlineData("2026-05-11")] // 9 May is a Saturday
    [InlineData("2026-08-31")] // 30 August is a Sunday
    [InlineData("2026-10-26")] // 25 October is a Sunday
    public void For2026_HolidayOnAWeekend_MovesTheDayOffToTheNextFreeWeekday(string date)
    {
        var day = KazakhstanHolidays.For(2026).Single(d => d.Date == DateOnly.Parse(date));

        Assert.Equal(CalendarDayKind.DayOff, day.Kind);
        Assert.False(Year(2026).IsWorkingDay(day.Date));
    }

    [Fact]
    public void For2026_ReligiousHolidays_AreDaysOffWithoutCarryOver()
    {
        var calendar = Year(2026);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 7)));  // Orthodox Christmas, Wednesday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 5, 27))); // Kurban ait, Wednesday
        // Kurban ait 2027 falls on a Sunday and carries nothing over to Monday.
        Assert.True(Year(2027).IsWorkingDay(new DateOnly(2027, 5, 17)));
    }

    [Fact]
    public void For2025_GovernmentTransfer_MakesFridayOffAndSundayWorking()
    {
        var calendar = Year(2025);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 3)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 1, 5)));
    }

    [Fact]
    public void For2026_CountsTheWorkingDaysTheGovernmentPublished()
    {
        var calendar = Year(2026);
        var working = 0;
        for (var date = new DateOnly(2026, 1, 1); date.Year == 2026; date = date.AddDays(1))
        {
            if (calendar.IsWorkingDay(date)) working++;
        }

        // The published 2026 production calendar: 246 working days in a five-day week.
        Assert.Equal(246, working);
    }

    [Fact]
    public void For_EveryDay_HasNamesInThreeLanguages()
    {
        foreach (var day in new[] { 2025, 2026, 2027 }.SelectMany(KazakhstanHolidays.For))
        {
            Assert.False(string.IsNullOrWhiteSpace(day.NameKk));
            Assert.False(string.IsNullOrWhiteSpace(day.NameRu));
            Assert.False(string.IsNullOrWhiteSpace(day.NameEn));
        }
    }
}

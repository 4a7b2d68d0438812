using Uchastok.Rules.Calendar;
using Uchastok.Rules.Community;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Trust;

namespace Uchastok.Rules.Tests.Community;

public sealed class ReceptionSlotsTests
{
    private static OpeningHours Hours(string text) => OpeningHours.TryParse(text, out var hours) ? hours : throw new ArgumentException(text);

    [Fact]
    public void Slots_AreCutFromTheHours_OnWorkingDays_AfterTheNotice()
    {
        // Monday 7 December 2026, 09:30: the 09:00 and 09:20 slots have passed or come too soon; 10:40 is the first with an hour's notice.
        var now = new DateTime(2026, 12, 7, 9, 30, 0);
        var slots = ReceptionSlots.Generate(Hours("Mo-Fr 09:00-12:00; Sa 10:00-11:00"), WorkingCalendar.MondayToFriday, now, 7, ReceptionSlots.DefaultLength);

        Assert.Equal(new DateTime(2026, 12, 7, 10, 40, 0), slots[0]);
        Assert.Equal(new DateTime(2026, 12, 7, 11, 40, 0), slots.Last(s => s.Date == now.Date));
        Assert.DoesNotContain(slots, s => s.TimeOfDay >= new TimeSpan(12, 0, 0));
        // Saturday is not a working day in this calendar, so its hours offer nothing.
        Assert.DoesNotContain(slots, s => s.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(9 * 4 + 4, slots.Count);
    }

    [Fact]
    public void Slots_DuringTheInspectorsOwnMeetings_AreNotOffered()
    {
        var monday = new DateTime(2026, 12, 7, 7, 0, 0);
        var slots = ReceptionSlots.Generate(Hours("Mo-Fr 09:00-11:00"), WorkingCalendar.MondayToFriday, monday, 1, ReceptionSlots.DefaultLength);
        // A meeting 09:40-10:20 takes the 09:40 and 10:00 slots, not 09:20 (it ends as the meeting begins) nor 10:20 (it starts as the meeting ends).
        var busy = new[] { (new DateTime(2026, 12, 7, 9, 40, 0), new DateTime(2026, 12, 7, 10, 20, 0)) };

        var free = ReceptionSlots.Outside(slots, ReceptionSlots.DefaultLength, busy);

        Assert.Equal(["09:00", "09:20", "10:20", "10:40"], free.Select(s => s.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(6, slots.Count);
        Assert.Same(slots, ReceptionSlots.Outside(slots, ReceptionSlots.DefaultLength, []));
    }

    [Fact]
    public void Holidays_HaveNoSlots_AndRoundTheClockPostsKeepOfficeHours()
    {
        var independence = new WorkingCalendar([new CalendarDay(new DateOnly(2026, 12, 16), CalendarDayKind.Holiday, "Тәуелсіздік күні", "День Независимости", "Independence Day")]);
        var slots = ReceptionSlots.Generate(Hours("24/7"), independence, new DateTime(2026, 12, 15, 20, 0, 0), 2, TimeSpan.FromMinutes(30));

        Assert.Empty(slots);
        var office = ReceptionSlots.Generate(Hours("24/7"), WorkingCalendar.MondayToFriday, new DateTime(2026, 12, 14, 0, 0, 0), 1, TimeSpan.FromMinutes(30));
        Assert.Equal(new DateTime(2026, 12, 14, 9, 0, 0), office[0]);
        Assert.Equal(new DateTime(2026, 12, 14, 17, 30, 0), office[^1]);
    }
}

public sealed class MeetingComplianceTests
{
    [Theory]
    [InlineData("2026-12-17", false, ComplianceState.Due)]
    [InlineData("2026-12-18", false, ComplianceState.Alert)]
    [InlineData("2026-12-31", false, ComplianceState.Alert)]
    [InlineData("2027-01-01", false, ComplianceState.Missed)]
    [InlineData("2027-01-01", true, ComplianceState.Held)]
    public void TheQuarterlyReport_IsDue_ThenAlerted_ThenMissed(string today, bool held, ComplianceState expected) =>
        Assert.Equal(expected, MeetingCompliance.Of(new Quarter(2026, 4), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), held));

    [Fact]
    public void TheAlert_StartsTwoWeeksBeforeTheQuarterEnds()
    {
        Assert.Equal(new DateOnly(2026, 12, 18), MeetingCompliance.AlertFrom(new Quarter(2026, 4)));
        Assert.Equal(new DateOnly(2027, 3, 18), MeetingCompliance.AlertFrom(new Quarter(2027, 1)));
    }
}

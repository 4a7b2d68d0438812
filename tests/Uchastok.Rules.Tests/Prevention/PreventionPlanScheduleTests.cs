using Uchastok.Rules.Calendar;
using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class PreventionPlanScheduleTests
{
    private static readonly CalendarPeriod Monthly = new(1, PeriodUnit.Months);
    private static readonly WorkingCalendar Weekdays = WorkingCalendar.MondayToFriday;

    /// <summary>8 March 2027 is a Monday and a holiday.</summary>
    private static readonly WorkingCalendar WithWomensDay = new([new CalendarDay(new DateOnly(2027, 3, 8), CalendarDayKind.Holiday, "к", "р", "e")]);

    [Fact]
    public void FirstDue_PutOnRecordOnASaturdayBeforeAMondayHoliday_IsTheTuesday()
    {
        Assert.Equal(new DateOnly(2027, 3, 9), PreventionPlanSchedule.FirstDue(new DateOnly(2027, 3, 6), WithWomensDay));
        Assert.Equal(new DateOnly(2027, 3, 8), PreventionPlanSchedule.FirstDue(new DateOnly(2027, 3, 6), Weekdays));
        Assert.Equal(new DateOnly(2027, 3, 10), PreventionPlanSchedule.FirstDue(new DateOnly(2027, 3, 10), WithWomensDay));
    }

    [Fact]
    public void NextDue_AfterALateVisit_IsOneIntervalAfterTheDoneDate()
    {
        // Due on 2 March, done on 20 April: the next is due on 20 May, not on 2 April (already overdue) and 2 May.
        Assert.Equal(new DateOnly(2027, 5, 20), PreventionPlanSchedule.NextDue(Monthly, new DateOnly(2027, 4, 20), Weekdays));
        // Done on Friday 5 February with a monthly cadence: 5 March is a Friday too.
        Assert.Equal(new DateOnly(2027, 3, 5), PreventionPlanSchedule.NextDue(Monthly, new DateOnly(2027, 2, 5), Weekdays));
        // Two weeks after Saturday 20 February is a Saturday: Monday 8 March is a holiday, so Tuesday.
        Assert.Equal(new DateOnly(2027, 3, 9), PreventionPlanSchedule.NextDue(new CalendarPeriod(2, PeriodUnit.Weeks), new DateOnly(2027, 2, 20), WithWomensDay));
    }

    [Fact]
    public void Forecast_MonthlyFromAMonthEnd_StaysOnMonthEndsAndAWeekendShiftDoesNotPushTheNext()
    {
        var dates = PreventionPlanSchedule.Forecast(Monthly, new DateOnly(2027, 1, 31), null, new DateOnly(2027, 6, 30), Weekdays);

        // 31 Jan and 28 Feb are Sundays, so Monday; the rest are the month's last day.
        Assert.Equal(
        [
            new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31),
            new DateOnly(2027, 4, 30), new DateOnly(2027, 5, 31), new DateOnly(2027, 6, 30),
        ], dates);
    }

    [Fact]
    public void Forecast_AfterADoneVisit_StartsOneIntervalLaterAndHasNoBacklog()
    {
        var putOnRecord = new DateOnly(2027, 1, 4);
        var doneLate = new DateOnly(2027, 4, 14);

        var dates = PreventionPlanSchedule.Forecast(Monthly, putOnRecord, doneLate, new DateOnly(2027, 7, 31), Weekdays);

        Assert.Equal([new DateOnly(2027, 5, 14), new DateOnly(2027, 6, 14), new DateOnly(2027, 7, 14)], dates);
    }

    [Fact]
    public void Forecast_ADateThatLandsBeyondTheHorizon_IsLeftOut()
    {
        // 31 July 2027 is a Saturday: it lands on 2 August, past a horizon of 31 July.
        var dates = PreventionPlanSchedule.Forecast(Monthly, new DateOnly(2027, 5, 31), null, new DateOnly(2027, 7, 31), Weekdays);

        Assert.Equal([new DateOnly(2027, 5, 31), new DateOnly(2027, 6, 30)], dates);
        Assert.Empty(PreventionPlanSchedule.Forecast(Monthly, new DateOnly(2027, 5, 31), null, new DateOnly(2027, 5, 30), Weekdays));
    }

    [Fact]
    public void Forecast_NonPositiveInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PreventionPlanSchedule.Forecast(new CalendarPeriod(0, PeriodUnit.Days), new DateOnly(2027, 1, 4), null, new DateOnly(2027, 2, 1), Weekdays));
        Assert.Throws<ArgumentOutOfRangeException>(() => PreventionPlanSchedule.NextDue(new CalendarPeriod(-1, PeriodUnit.Months), new DateOnly(2027, 1, 4), Weekdays));
    }

    [Fact]
    public void ReminderOn_IsTheLastWorkingDayBeforeTheDueDate()
    {
        // Tuesday 9 March 2027 after a holiday Monday and a weekend: Friday 5 March.
        Assert.Equal(new DateOnly(2027, 3, 5), PreventionPlanSchedule.ReminderOn(new DateOnly(2027, 3, 9), WithWomensDay));
        Assert.Equal(new DateOnly(2027, 3, 9), PreventionPlanSchedule.ReminderOn(new DateOnly(2027, 3, 10), WithWomensDay));
        // A visit the inspector put on a Saturday: reminded on Friday.
        Assert.Equal(new DateOnly(2027, 3, 12), PreventionPlanSchedule.ReminderOn(new DateOnly(2027, 3, 13), Weekdays));
    }

    [Fact]
    public void Status_IsOverdueOnlyWhenDueBeforeTodayAndNotDone()
    {
        var today = new DateOnly(2027, 3, 10);

        Assert.Equal(PlanActionStatus.Overdue, PreventionPlanSchedule.Status(today.AddDays(-1), null, today));
        Assert.Equal(PlanActionStatus.DueToday, PreventionPlanSchedule.Status(today, null, today));
        Assert.Equal(PlanActionStatus.Upcoming, PreventionPlanSchedule.Status(today.AddDays(1), null, today));
        Assert.Equal(PlanActionStatus.Done, PreventionPlanSchedule.Status(today.AddDays(-5), today.AddDays(-1), today));
        Assert.True(PreventionPlanSchedule.IsOverdue(today.AddDays(-1), null, today));
        Assert.False(PreventionPlanSchedule.IsOverdue(today, null, today));
        Assert.False(PreventionPlanSchedule.IsOverdue(today.AddDays(-30), today.AddDays(-2), today));
    }

    [Fact]
    public void ValidateEditedDue_AnyDateFromToday_IncludingASunday_IsAcceptedButNotThePast()
    {
        var today = new DateOnly(2027, 3, 10);

        Assert.Empty(PreventionPlanSchedule.ValidateEditedDue(today, today));
        Assert.Empty(PreventionPlanSchedule.ValidateEditedDue(new DateOnly(2027, 3, 14), today));
        Assert.Equal([new PreventionFieldError("dueDate", PreventionProblem.InPast)], PreventionPlanSchedule.ValidateEditedDue(today.AddDays(-1), today));
        Assert.Equal([new PreventionFieldError("dueDate", PreventionProblem.Required)], PreventionPlanSchedule.ValidateEditedDue(null, today));
    }

    [Fact]
    public void ValidateDone_ReportsWhenWhereAndWhat()
    {
        var putOnRecord = new DateOnly(2027, 3, 1);
        var today = new DateOnly(2027, 3, 10);

        Assert.Empty(PreventionPlanSchedule.ValidateDone(new(today, "Abay 10, apt 5", "Talk about the conditions of parole"), putOnRecord, today));
        Assert.Empty(PreventionPlanSchedule.ValidateDone(new(putOnRecord, "home", "visit"), putOnRecord, today));
        Assert.Equal([new PreventionFieldError("doneOn", PreventionProblem.InFuture)],
            PreventionPlanSchedule.ValidateDone(new(today.AddDays(1), "home", "visit"), putOnRecord, today));
        Assert.Equal([new PreventionFieldError("doneOn", PreventionProblem.BeforeStart)],
            PreventionPlanSchedule.ValidateDone(new(putOnRecord.AddDays(-1), "home", "visit"), putOnRecord, today));
        Assert.Equal(
            [new PreventionFieldError("doneOn", PreventionProblem.Required), new PreventionFieldError("place", PreventionProblem.Required), new PreventionFieldError("note", PreventionProblem.Required)],
            PreventionPlanSchedule.ValidateDone(new(null, " ", null), putOnRecord, today));
    }
}

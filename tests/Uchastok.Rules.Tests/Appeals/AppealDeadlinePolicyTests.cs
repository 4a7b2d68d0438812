using Uchastok.Rules.Appeals;
using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Tests.Appeals;

public sealed class AppealDeadlinePolicyTests
{
    private static readonly WorkingCalendar Kazakhstan = new(KazakhstanHolidays.For(2025).Concat(KazakhstanHolidays.For(2026)).Concat(KazakhstanHolidays.For(2027)));

    [Fact]
    public void DueDate_ReceivedOnAMondayInAnOrdinaryMonth_IsFifteenWorkingDaysLater()
    {
        // 2 November 2026 is a Monday; three full weeks of weekdays later is Monday 23 November.
        Assert.Equal(new DateOnly(2026, 11, 23), AppealDeadlinePolicy.Default.DueDate(AppealKind.Application, new DateOnly(2026, 11, 2), Kazakhstan));
    }

    [Fact]
    public void DueDate_AcrossNauryz_SkipsTheHolidaysAndTheirCarriedDaysOff()
    {
        // Received Friday 13 March 2026. Working days: 16–20 (5), 9 March is behind us; 23, 24, 25 March are off,
        // so 26, 27 (7), 30, 31 March, 1, 2, 3 April (12), 6, 7, 8 April (15).
        Assert.Equal(new DateOnly(2026, 4, 8), AppealDeadlinePolicy.Default.DueDate(AppealKind.Complaint, new DateOnly(2026, 3, 13), Kazakhstan));
    }

    [Fact]
    public void DueDate_ReceivedOnASaturdayBeforeNewYear2025_CountsTheTransferredDays()
    {
        // Received Saturday 28 December 2024 (no calendar data for 2024 here, so an ordinary weekend).
        // Working: 30, 31 Dec (2); 1, 2 Jan holidays, 3 Jan transferred off, Sunday 5 Jan worked (3);
        // 6 Jan (4), 7 Jan Christmas, 8, 9, 10 (7), 13–17 (12), 20, 21, 22 (15).
        Assert.Equal(new DateOnly(2025, 1, 22), AppealDeadlinePolicy.Default.DueDate(AppealKind.Proposal, new DateOnly(2024, 12, 28), Kazakhstan));
    }

    [Fact]
    public void DueDate_KindWithItsOwnTerm_UsesThatTerm()
    {
        var policy = AppealDeadlinePolicy.Default with { WorkingDaysByKind = new Dictionary<AppealKind, int> { [AppealKind.OffenceReport] = 3 } };

        Assert.Equal(new DateOnly(2026, 11, 5), policy.DueDate(AppealKind.OffenceReport, new DateOnly(2026, 11, 2), Kazakhstan));
        Assert.Equal(new DateOnly(2026, 11, 23), policy.DueDate(AppealKind.Complaint, new DateOnly(2026, 11, 2), Kazakhstan));
    }

    [Fact]
    public void ExtensionCap_TwoMonthsLandingOnASunday_MovesToMonday()
    {
        // 24 May 2026 + 2 months = Friday 24 July; 26 May + 2 months = Sunday 26 July → Monday 27 July.
        Assert.Equal(new DateOnly(2026, 7, 24), AppealDeadlinePolicy.Default.ExtensionCap(new DateOnly(2026, 5, 24), Kazakhstan));
        Assert.Equal(new DateOnly(2026, 7, 27), AppealDeadlinePolicy.Default.ExtensionCap(new DateOnly(2026, 5, 26), Kazakhstan));
    }

    [Fact]
    public void ForwardDeadline_IsThreeWorkingDaysAfterReceipt()
    {
        Assert.Equal(new DateOnly(2026, 11, 25), AppealDeadlinePolicy.Default.ForwardDeadline(new DateOnly(2026, 11, 20), Kazakhstan));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-26", true)]  // three working days left
    [InlineData("2026-11-23", "2026-11-27", false)] // four left
    [InlineData("2026-11-27", "2026-11-27", true)]  // due today
    [InlineData("2026-11-28", "2026-11-27", false)] // overdue is not "due soon"
    public void IsDueSoon_CountsWorkingDaysLeft(string today, string due, bool expected)
    {
        Assert.Equal(expected, AppealDeadlinePolicy.Default.IsDueSoon(DateOnly.Parse(due), DateOnly.Parse(today), Kazakhstan));
    }

    [Fact]
    public void ReminderDate_IsThreeWorkingDaysBeforeTheDueDate()
    {
        // Due Monday 30 November 2026: reminded on Wednesday 25 November.
        Assert.Equal(new DateOnly(2026, 11, 25), AppealDeadlinePolicy.Default.ReminderDate(new DateOnly(2026, 11, 30), Kazakhstan));
    }
}

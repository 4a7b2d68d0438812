using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Appeals;

/// <summary>
/// The terms of the Administrative Procedural and Process Code, art. 76, as configurable policy:
/// 15 working days to decide (per kind), forwarding within 3 working days, extension by the head
/// at most to two months from receipt with the applicant told within 3 working days. Dates are
/// local dates in Kazakhstan (UTC+5).
/// </summary>
public sealed record AppealDeadlinePolicy
{
    public int DefaultWorkingDays { get; init; } = 15;
    public IReadOnlyDictionary<AppealKind, int> WorkingDaysByKind { get; init; } = new Dictionary<AppealKind, int>();
    public int ForwardWithinWorkingDays { get; init; } = 3;
    public int ExtensionCapMonths { get; init; } = 2;
    public int ExtensionNoticeWorkingDays { get; init; } = 3;
    /// <summary>The assignee is reminded this many working days before the due date.</summary>
    public int ReminderWorkingDaysBefore { get; init; } = 3;
    /// <summary>Calendar days after the answer in which the applicant may confirm or contest; then the appeal closes.</summary>
    public int AutoCloseDaysAfterAnswer { get; init; } = 10;

    public static AppealDeadlinePolicy Default { get; } = new();

    public int WorkingDaysFor(AppealKind kind) => WorkingDaysByKind.TryGetValue(kind, out var days) ? days : DefaultWorkingDays;

    /// <summary>The last day to decide: the n-th working day after the day of receipt.</summary>
    public DateOnly DueDate(AppealKind kind, DateOnly receivedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(receivedOn, WorkingDaysFor(kind));

    /// <summary>The last day on which the appeal may still be forwarded to another body.</summary>
    public DateOnly ForwardDeadline(DateOnly receivedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(receivedOn, ForwardWithinWorkingDays);

    /// <summary>The latest due date an extension may set: two months from receipt, moved to the next working day if that is a day off.</summary>
    public DateOnly ExtensionCap(DateOnly receivedOn, WorkingCalendar calendar) =>
        calendar.OnOrNextWorkingDay(receivedOn.AddMonths(ExtensionCapMonths));

    /// <summary>Open and due within the reminder window (today included), but not yet overdue.</summary>
    public bool IsDueSoon(DateOnly dueDate, DateOnly today, WorkingCalendar calendar) =>
        !IsOverdue(dueDate, today) && calendar.WorkingDaysBetween(today, dueDate) <= ReminderWorkingDaysBefore;

    public static bool IsOverdue(DateOnly dueDate, DateOnly today) => today > dueDate;

    /// <summary>The day from which the assignee gets the reminder.</summary>
    public DateOnly ReminderDate(DateOnly dueDate, WorkingCalendar calendar)
    {
        var date = dueDate;
        for (var left = ReminderWorkingDaysBefore; left > 0;)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date)) left--;
        }
        return date;
    }

    public DateOnly AutoCloseDate(DateOnly answeredOn) => answeredOn.AddDays(AutoCloseDaysAfterAnswer);
}

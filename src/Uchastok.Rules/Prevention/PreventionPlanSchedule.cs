using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Prevention;

/// <summary>
/// The actions of an individual prevention plan, as Korzhumbaeva lists the inspector's work with
/// persons on record (L2338–2342: talks, referral to rehabilitation or employment) and with families
/// and schools (C15 notes).
/// </summary>
public enum PreventionActionKind { Visit, PreventiveTalk, RehabilitationReferral, EmploymentReferral, SchoolContact, FamilyVisit }

/// <summary>Where an action stands on a given day.</summary>
public enum PlanActionStatus
{
    Done,
    /// <summary>Due before today and not done.</summary>
    Overdue,
    DueToday,
    Upcoming,
}

/// <summary>What an inspector typed when recording an action as done.</summary>
public sealed record PlanActionRecordInput(DateOnly? DoneOn, string? Place, string? Note);

/// <summary>
/// Due dates of a prevention plan. The category's interval is the cadence of its recurring visits:
/// the first is due on the day the person is put on record (the inspector meets the person then,
/// and the plan shows its first visit at once); each next one an interval after the day the last
/// one was done. Rolling from the done date, not from the planned date, means a visit made three
/// weeks late does not leave a row of visits already overdue behind it: the inspector owes one
/// visit, not a backlog. A forecast over a horizon assumes every visit is made on its due date.
/// </summary>
public static class PreventionPlanSchedule
{
    /// <summary>
    /// Where a computed due date lands: the date itself if it is a working day, else the next
    /// working day. Inspectors' visits are planned on working days; a due date on a Sunday would turn
    /// overdue on Monday morning before anyone could have made it. Moving forward rather than back
    /// never makes the gap between two visits shorter than the category sets.
    /// </summary>
    public static DateOnly Land(DateOnly date, WorkingCalendar calendar) => calendar.OnOrNextWorkingDay(date);

    /// <summary>The first visit: on the day put on record, or the next working day.</summary>
    public static DateOnly FirstDue(DateOnly putOnRecord, WorkingCalendar calendar) => Land(putOnRecord, calendar);

    /// <summary>The next visit after one done on <paramref name="doneOn"/>: one interval later, on a working day.</summary>
    public static DateOnly NextDue(CalendarPeriod interval, DateOnly doneOn, WorkingCalendar calendar)
    {
        if (!interval.IsWithinBounds) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be a positive period.");
        return Land(interval.AddTo(doneOn), calendar);
    }

    /// <summary>
    /// The due dates of the recurring visits up to <paramref name="horizonEnd"/> (inclusive), if each is
    /// made on its due date. With no visit done yet the series starts at the date put on record;
    /// after a done visit it starts one interval after that. Dates are counted from the anchor in one
    /// step each (anchor + k × interval), so a series from 31 January stays on month ends rather than
    /// sliding to the 28th, and a date moved off a weekend does not push the ones after it.
    /// </summary>
    public static IReadOnlyList<DateOnly> Forecast(
        CalendarPeriod interval, DateOnly putOnRecord, DateOnly? lastDoneOn, DateOnly horizonEnd, WorkingCalendar calendar)
    {
        if (!interval.IsWithinBounds) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be a positive period.");
        var anchor = lastDoneOn ?? putOnRecord;
        var dates = new List<DateOnly>();
        for (var k = lastDoneOn is null ? 0 : 1; ; k++)
        {
            var raw = interval.AddTo(anchor, k);
            if (raw > horizonEnd) break;
            var due = Land(raw, calendar);
            if (due > horizonEnd) break;
            dates.Add(due);
        }
        return dates;
    }

    /// <summary>
    /// When the inspector is reminded of an action (the issue: "the day before"): the last working day
    /// before the due date, so a Monday visit is announced on Friday, not on a Sunday nobody reads.
    /// </summary>
    public static DateOnly ReminderOn(DateOnly due, WorkingCalendar calendar)
    {
        var day = due.AddDays(-1);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    public static bool IsOverdue(DateOnly due, DateOnly? doneOn, DateOnly today) => doneOn is null && due < today;

    public static PlanActionStatus Status(DateOnly due, DateOnly? doneOn, DateOnly today) =>
        doneOn is not null ? PlanActionStatus.Done
        : due < today ? PlanActionStatus.Overdue
        : due == today ? PlanActionStatus.DueToday
        : PlanActionStatus.Upcoming;

    /// <summary>
    /// An inspector's new due date for an open action: any date, a weekend included (he may plan a
    /// Saturday visit on purpose), but not in the past, which would only make the action overdue at once.
    /// </summary>
    public static IReadOnlyList<PreventionFieldError> ValidateEditedDue(DateOnly? newDue, DateOnly today) =>
        newDue is null ? [new("dueDate", PreventionProblem.Required)]
        : newDue < today ? [new("dueDate", PreventionProblem.InPast)]
        : [];

    /// <summary>
    /// A done action: when (not after today, not before the person was put on record), where, and
    /// what was said or done. Every bad field is reported.
    /// </summary>
    public static IReadOnlyList<PreventionFieldError> ValidateDone(PlanActionRecordInput input, DateOnly putOnRecord, DateOnly today)
    {
        var errors = new List<PreventionFieldError>();
        if (input.DoneOn is not { } doneOn) errors.Add(new("doneOn", PreventionProblem.Required));
        else if (doneOn > today) errors.Add(new("doneOn", PreventionProblem.InFuture));
        else if (doneOn < putOnRecord) errors.Add(new("doneOn", PreventionProblem.BeforeStart));
        if (string.IsNullOrWhiteSpace(input.Place)) errors.Add(new("place", PreventionProblem.Required));
        if (string.IsNullOrWhiteSpace(input.Note)) errors.Add(new("note", PreventionProblem.Required));
        return errors;
    }
}

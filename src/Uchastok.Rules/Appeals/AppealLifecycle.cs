using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Appeals;

/// <summary>Why a transition was refused; the web layer turns each into a sentence in the user's language.</summary>
public enum TransitionRefusal
{
    None,
    /// <summary>This action is not possible from the appeal's current state.</summary>
    NotFromThisState,
    /// <summary>The action is possible, but not for someone acting in this capacity.</summary>
    NotForThisActor,
    ReasonRequired,
    AnswerRequired,
    ForwardTargetRequired,
    /// <summary>More than 3 working days have passed since receipt.</summary>
    ForwardWindowClosed,
    NewDueDateRequired,
    /// <summary>The new due date is not later than the current one.</summary>
    ExtensionNotLater,
    /// <summary>The new due date is beyond two months from receipt.</summary>
    ExtensionBeyondCap,
    /// <summary>The new due date is not a working day.</summary>
    ExtensionNotWorkingDay,
    AssigneeRequired,
    /// <summary>The applicant has already contested this appeal once.</summary>
    AlreadyContested,
    /// <summary>The time to confirm or contest the answer is over.</summary>
    AnswerWindowClosed,
    /// <summary>An answered appeal closes on its own only after the answer window.</summary>
    TooEarlyToClose,
}

/// <summary>What the lifecycle needs to know about an appeal; its queue and whether it is a complaint about an officer decide some effects.</summary>
public sealed record AppealFacts(
    AppealState State, AppealKind Kind, DateOnly ReceivedOn, DateOnly DueDate, DateOnly? AnsweredOn, bool Contested,
    AppealQueue Queue = AppealQueue.Inspector, bool AboutPoliceOfficer = false);

/// <summary>What the person acting supplied with the action.</summary>
public sealed record TransitionInput(string? Reason = null, string? AnswerText = null, string? ForwardTo = null, DateOnly? NewDueDate = null, int? AssigneeOfficerId = null, bool? ComplaintUpheld = null);

/// <summary>The outcome: the state to move to, the due date to keep, and what else changes; or why not.</summary>
public sealed record TransitionDecision(TransitionRefusal Refusal, AppealState To, DateOnly DueDate)
{
    public bool Allowed => Refusal == TransitionRefusal.None;

    /// <summary>What the transition does besides the state and the due date; <see cref="TransitionEffects.None"/> when refused.</summary>
    public TransitionEffects Effects { get; init; } = TransitionEffects.None;

    public static TransitionDecision Refuse(TransitionRefusal refusal, AppealFacts appeal) => new(refusal, appeal.State, appeal.DueDate);
}

/// <summary>The message the applicant is sent about a transition.</summary>
public enum AppealNotice { None, Assigned, InProgress, Answered, Forwarded, Extended, LeftWithoutConsideration, Contested, Closed }

/// <summary>What a transition does to the day the appeal was decided on.</summary>
public enum DecisionDayChange { Unchanged, Today, Cleared }

/// <summary>Whose list the appeal goes to next, and who holds it (null: nobody yet).</summary>
public sealed record Reassignment(AppealQueue Queue, int? AssigneeOfficerId);

/// <summary>
/// Everything a transition changes besides the state and the due date, so that the command that
/// applies it stays mechanical. The new holder, when there is one, is told as well.
/// </summary>
public sealed record TransitionEffects
{
    public static readonly TransitionEffects None = new();

    public AppealNotice Notice { get; init; }
    public DecisionDayChange DecidedOn { get; init; }
    /// <summary>The answer given with the action is recorded (text, when, by whom).</summary>
    public bool RecordsAnswer { get; init; }
    /// <summary>The body the appeal is forwarded to is recorded.</summary>
    public bool RecordsForwarding { get; init; }
    public bool CountsExtension { get; init; }
    public bool MarksContested { get; init; }
    public bool Closes { get; init; }
    /// <summary>Whether the outcome of a complaint about an officer is set, to <see cref="ComplaintUpheld"/> (null: undecided).</summary>
    public bool SetsComplaintOutcome { get; init; }
    public bool? ComplaintUpheld { get; init; }
    /// <summary>The new holder named by the action itself (an assignment).</summary>
    public Reassignment? Reassign { get; init; }
    /// <summary>The appeal goes to a reviewer, whom <see cref="AppealRouting.ForReview"/> finds (a contested answer).</summary>
    public bool RoutesForReview { get; init; }
}

/// <summary>
/// The appeal state machine. Registered → Assigned → InProgress → Answered → Closed is the
/// ordinary path; Forwarded and LeftWithoutConsideration end it early; Extended is InProgress
/// with a later due date, set by a supervisor. Every transition not listed in <see cref="Transitions"/>
/// is refused.
/// </summary>
public static class AppealLifecycle
{
    private static readonly AppealState[] Open = [AppealState.Registered, AppealState.Assigned, AppealState.InProgress, AppealState.Extended];

    /// <summary>The allowed transitions: from which states, by whom.</summary>
    public static readonly IReadOnlyList<(AppealAction Action, AppealState[] From, AppealActor[] By)> Transitions =
    [
        (AppealAction.Assign, Open, [AppealActor.Supervisor, AppealActor.System]),
        (AppealAction.Start, [AppealState.Assigned], [AppealActor.Assignee]),
        (AppealAction.Answer, [AppealState.InProgress, AppealState.Extended], [AppealActor.Assignee]),
        (AppealAction.Forward, Open, [AppealActor.Assignee, AppealActor.Supervisor]),
        (AppealAction.Extend, [AppealState.Assigned, AppealState.InProgress, AppealState.Extended], [AppealActor.Supervisor]),
        (AppealAction.LeaveWithoutConsideration, Open, [AppealActor.Assignee, AppealActor.Supervisor]),
        (AppealAction.Confirm, [AppealState.Answered], [AppealActor.Applicant]),
        (AppealAction.Contest, [AppealState.Answered], [AppealActor.Applicant]),
        (AppealAction.AutoClose, [AppealState.Answered], [AppealActor.System]),
    ];

    public static bool IsFinal(AppealState state) => state is AppealState.Closed or AppealState.Forwarded or AppealState.LeftWithoutConsideration;

    public static bool IsOpen(AppealState state) => Open.Contains(state);

    /// <summary>The actions someone acting as <paramref name="actor"/> may offer on an appeal in this state (before checking the inputs).</summary>
    public static IReadOnlyList<AppealAction> ActionsFor(AppealState state, AppealActor actor) =>
        Transitions.Where(t => t.From.Contains(state) && t.By.Contains(actor)).Select(t => t.Action).ToList();

    public static TransitionDecision Decide(
        AppealFacts appeal, AppealAction action, AppealActor actor, TransitionInput input,
        DateOnly today, WorkingCalendar calendar, AppealDeadlinePolicy policy)
    {
        var rule = Transitions.Single(t => t.Action == action);
        if (!rule.From.Contains(appeal.State)) return TransitionDecision.Refuse(TransitionRefusal.NotFromThisState, appeal);
        if (!rule.By.Contains(actor)) return TransitionDecision.Refuse(TransitionRefusal.NotForThisActor, appeal);

        var refusal = action switch
        {
            AppealAction.Assign when input.AssigneeOfficerId is null => TransitionRefusal.AssigneeRequired,
            AppealAction.Answer when string.IsNullOrWhiteSpace(input.AnswerText) => TransitionRefusal.AnswerRequired,
            AppealAction.Forward when string.IsNullOrWhiteSpace(input.ForwardTo) => TransitionRefusal.ForwardTargetRequired,
            AppealAction.Forward when string.IsNullOrWhiteSpace(input.Reason) => TransitionRefusal.ReasonRequired,
            AppealAction.Forward when today > policy.ForwardDeadline(appeal.ReceivedOn, calendar) => TransitionRefusal.ForwardWindowClosed,
            AppealAction.Extend when string.IsNullOrWhiteSpace(input.Reason) => TransitionRefusal.ReasonRequired,
            AppealAction.Extend when input.NewDueDate is null => TransitionRefusal.NewDueDateRequired,
            AppealAction.Extend when input.NewDueDate <= appeal.DueDate => TransitionRefusal.ExtensionNotLater,
            AppealAction.Extend when input.NewDueDate > policy.ExtensionCap(appeal.ReceivedOn, calendar) => TransitionRefusal.ExtensionBeyondCap,
            AppealAction.Extend when !calendar.IsWorkingDay(input.NewDueDate!.Value) => TransitionRefusal.ExtensionNotWorkingDay,
            AppealAction.LeaveWithoutConsideration when string.IsNullOrWhiteSpace(input.Reason) => TransitionRefusal.ReasonRequired,
            AppealAction.Contest when appeal.Contested => TransitionRefusal.AlreadyContested,
            AppealAction.Contest when string.IsNullOrWhiteSpace(input.Reason) => TransitionRefusal.ReasonRequired,
            AppealAction.Contest or AppealAction.Confirm when appeal.AnsweredOn is { } answered && today > policy.AutoCloseDate(answered) => TransitionRefusal.AnswerWindowClosed,
            AppealAction.AutoClose when appeal.AnsweredOn is not { } answered || today <= policy.AutoCloseDate(answered) => TransitionRefusal.TooEarlyToClose,
            _ => TransitionRefusal.None,
        };
        if (refusal != TransitionRefusal.None) return TransitionDecision.Refuse(refusal, appeal);

        return action switch
        {
            // Reassigning keeps an extension visible; a fresh assignment starts the work anew. Off the duty list, it is the assignee's.
            AppealAction.Assign => Allow(appeal.State == AppealState.Extended ? AppealState.Extended : AppealState.Assigned, appeal.DueDate, new()
            {
                Notice = AppealNotice.Assigned,
                Reassign = new(appeal.Queue == AppealQueue.DistrictDuty ? AppealQueue.Inspector : appeal.Queue, input.AssigneeOfficerId),
            }),
            AppealAction.Start => Allow(AppealState.InProgress, appeal.DueDate, new() { Notice = AppealNotice.InProgress }),
            // Whether a complaint about an officer was justified is decided with its answer: it counts against that officer (C9).
            AppealAction.Answer => Allow(AppealState.Answered, appeal.DueDate, new()
            {
                Notice = AppealNotice.Answered, RecordsAnswer = true, DecidedOn = DecisionDayChange.Today,
                SetsComplaintOutcome = appeal.AboutPoliceOfficer, ComplaintUpheld = appeal.AboutPoliceOfficer ? input.ComplaintUpheld : null,
            }),
            AppealAction.Forward => Allow(AppealState.Forwarded, appeal.DueDate, new()
            {
                Notice = AppealNotice.Forwarded, RecordsForwarding = true, DecidedOn = DecisionDayChange.Today, SetsComplaintOutcome = true,
            }),
            AppealAction.Extend => Allow(AppealState.Extended, input.NewDueDate!.Value, new() { Notice = AppealNotice.Extended, CountsExtension = true }),
            AppealAction.LeaveWithoutConsideration => Allow(AppealState.LeftWithoutConsideration, appeal.DueDate, new()
            {
                Notice = AppealNotice.LeftWithoutConsideration, DecidedOn = DecisionDayChange.Today, SetsComplaintOutcome = true,
            }),
            // A contested answer is a complaint about it: reviewed in a fresh term by the head of the district service, never by
            // the officer who gave it alone; the complaint's outcome is decided again with the reviewed answer.
            AppealAction.Contest => Allow(AppealState.Assigned, policy.DueDate(AppealKind.Complaint, today, calendar), new()
            {
                Notice = AppealNotice.Contested, MarksContested = true, DecidedOn = DecisionDayChange.Cleared, SetsComplaintOutcome = true, RoutesForReview = true,
            }),
            _ => Allow(AppealState.Closed, appeal.DueDate, new() { Notice = AppealNotice.Closed, Closes = true }),
        };
    }

    private static TransitionDecision Allow(AppealState to, DateOnly dueDate, TransitionEffects effects) => new(TransitionRefusal.None, to, dueDate) { Effects = effects };
}

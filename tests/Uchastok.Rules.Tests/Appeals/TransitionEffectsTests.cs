using Uchastok.Rules.Appeals;
using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Tests.Appeals;

/// <summary>The effects a lifecycle decision returns, which <c>TransitionAppealCommand</c> applies without deciding anything.</summary>
public sealed class TransitionEffectsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.MondayToFriday;
    private static readonly AppealDeadlinePolicy Policy = AppealDeadlinePolicy.Default;
    private static readonly DateOnly Received = new(2026, 11, 2); // Monday
    private static readonly DateOnly Due = new(2026, 11, 23);
    private static readonly DateOnly Today = Received.AddDays(1);

    private static TransitionDecision Decide(
        AppealState state, AppealAction action, AppealActor actor, TransitionInput input, AppealQueue queue = AppealQueue.Inspector, bool aboutPoliceOfficer = false) =>
        AppealLifecycle.Decide(
            new AppealFacts(state, AppealKind.Application, Received, Due, state == AppealState.Answered ? Today : null, false, queue, aboutPoliceOfficer),
            action, actor, input, Today, Calendar, Policy);

    [Theory]
    [InlineData(AppealQueue.DistrictDuty, AppealQueue.Inspector)]
    [InlineData(AppealQueue.Inspector, AppealQueue.Inspector)]
    [InlineData(AppealQueue.Supervisor, AppealQueue.Supervisor)]
    [InlineData(AppealQueue.InternalSecurity, AppealQueue.InternalSecurity)]
    public void Decide_Assign_ReassignsToTheChosenOfficer_AndTakesItOffTheDutyList(AppealQueue queue, AppealQueue after)
    {
        var decision = Decide(AppealState.Registered, AppealAction.Assign, AppealActor.Supervisor, new TransitionInput(AssigneeOfficerId: 7), queue);

        Assert.Equal(new Reassignment(after, 7), decision.Effects.Reassign);
        Assert.Equal(AppealNotice.Assigned, decision.Effects.Notice);
        Assert.False(decision.Effects.RoutesForReview);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void Decide_AnswerToAComplaintAboutAnOfficer_SetsItsOutcome(bool aboutPoliceOfficer, bool upheld)
    {
        var decision = Decide(AppealState.InProgress, AppealAction.Answer, AppealActor.Assignee, new TransitionInput(AnswerText: "done", ComplaintUpheld: upheld), aboutPoliceOfficer: aboutPoliceOfficer);

        Assert.True(decision.Effects.RecordsAnswer);
        Assert.Equal(DecisionDayChange.Today, decision.Effects.DecidedOn);
        Assert.True(decision.Effects.SetsComplaintOutcome);
        Assert.Equal(upheld, decision.Effects.ComplaintUpheld);
        Assert.Equal(AppealNotice.Answered, decision.Effects.Notice);
    }

    [Fact]
    public void Decide_AnswerToAnOrdinaryAppeal_LeavesTheComplaintOutcomeAlone()
    {
        var decision = Decide(AppealState.InProgress, AppealAction.Answer, AppealActor.Assignee, new TransitionInput(AnswerText: "done", ComplaintUpheld: true));

        Assert.False(decision.Effects.SetsComplaintOutcome);
        Assert.Null(decision.Effects.ComplaintUpheld);
    }

    [Fact]
    public void Decide_Contest_RoutesForReview_ClearsTheDecision_AndStartsAFreshTerm()
    {
        var decision = Decide(AppealState.Answered, AppealAction.Contest, AppealActor.Applicant, new TransitionInput(Reason: "not answered"));

        Assert.True(decision.Effects.RoutesForReview);
        Assert.Null(decision.Effects.Reassign);
        Assert.True(decision.Effects.MarksContested);
        Assert.Equal(DecisionDayChange.Cleared, decision.Effects.DecidedOn);
        Assert.True(decision.Effects.SetsComplaintOutcome);
        Assert.Null(decision.Effects.ComplaintUpheld);
        Assert.Equal(AppealNotice.Contested, decision.Effects.Notice);
        Assert.Equal(Policy.DueDate(AppealKind.Complaint, Today, Calendar), decision.DueDate);
    }

    [Theory]
    [InlineData(AppealState.Registered, AppealAction.Forward, AppealActor.Supervisor, AppealNotice.Forwarded, DecisionDayChange.Today)]
    [InlineData(AppealState.Assigned, AppealAction.LeaveWithoutConsideration, AppealActor.Assignee, AppealNotice.LeftWithoutConsideration, DecisionDayChange.Today)]
    [InlineData(AppealState.Assigned, AppealAction.Start, AppealActor.Assignee, AppealNotice.InProgress, DecisionDayChange.Unchanged)]
    [InlineData(AppealState.Assigned, AppealAction.Extend, AppealActor.Supervisor, AppealNotice.Extended, DecisionDayChange.Unchanged)]
    [InlineData(AppealState.Answered, AppealAction.Confirm, AppealActor.Applicant, AppealNotice.Closed, DecisionDayChange.Unchanged)]
    public void Decide_OtherActions_TellTheApplicant_AndSetTheDecisionDayAsTheLawSays(
        AppealState from, AppealAction action, AppealActor actor, AppealNotice notice, DecisionDayChange decidedOn)
    {
        var input = new TransitionInput(Reason: "reason", ForwardTo: "Akimat", NewDueDate: new DateOnly(2026, 12, 15));

        var effects = Decide(from, action, actor, input).Effects;

        Assert.Equal(notice, effects.Notice);
        Assert.Equal(decidedOn, effects.DecidedOn);
        Assert.Equal(action == AppealAction.Forward, effects.RecordsForwarding);
        Assert.Equal(action == AppealAction.Extend, effects.CountsExtension);
        Assert.Equal(action == AppealAction.Confirm, effects.Closes);
        // Ending an appeal without an answer leaves no finding on a complaint.
        Assert.Equal(action is AppealAction.Forward or AppealAction.LeaveWithoutConsideration, effects.SetsComplaintOutcome);
        Assert.Null(effects.Reassign);
    }

    [Fact]
    public void Decide_Refused_HasNoEffects()
    {
        var decision = Decide(AppealState.Closed, AppealAction.Start, AppealActor.Assignee, new TransitionInput());

        Assert.False(decision.Allowed);
        Assert.Same(TransitionEffects.None, decision.Effects);
        Assert.Equal(AppealNotice.None, decision.Effects.Notice);
    }

    private static readonly Dictionary<int, int> Heads = new() { [1] = 100, [2] = 200 };

    [Fact]
    public void ForReview_DistrictWithAHead_GoesToTheHead() =>
        Assert.Equal(new Reassignment(AppealQueue.Supervisor, 100), AppealRouting.ForReview(1, concernedOfficerId: 11, Heads));

    [Fact]
    public void ForReview_AppealAboutTheHeadHimself_GoesToInternalSecurity() =>
        Assert.Equal(new Reassignment(AppealQueue.InternalSecurity, null), AppealRouting.ForReview(1, concernedOfficerId: 100, Heads));

    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    public void ForReview_NoDistrictOrNoHead_GoesToInternalSecurity(int? district) =>
        Assert.Equal(new Reassignment(AppealQueue.InternalSecurity, null), AppealRouting.ForReview(district, null, Heads));
}

using Uchastok.Rules.Appeals;
using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Tests.Appeals;

public sealed class AppealLifecycleTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.MondayToFriday;
    private static readonly AppealDeadlinePolicy Policy = AppealDeadlinePolicy.Default;
    private static readonly DateOnly Received = new(2026, 11, 2); // Monday
    private static readonly DateOnly Due = new(2026, 11, 23);

    private static AppealFacts Appeal(AppealState state, DateOnly? answeredOn = null, bool contested = false) =>
        new(state, AppealKind.Application, Received, Due, answeredOn, contested);

    /// <summary>Inputs that satisfy every action's own conditions, so only state and actor decide.</summary>
    private static readonly TransitionInput Complete = new(
        Reason: "reason", AnswerText: "answer", ForwardTo: "Akimat of Almaly district", NewDueDate: new DateOnly(2026, 12, 15), AssigneeOfficerId: 7);

    private static TransitionDecision Decide(AppealFacts appeal, AppealAction action, AppealActor actor, TransitionInput? input = null, DateOnly? today = null) =>
        AppealLifecycle.Decide(appeal, action, actor, input ?? Complete, today ?? Received.AddDays(1), Calendar, Policy);

    public static TheoryData<AppealState, AppealAction, AppealActor, AppealState> Allowed => new()
    {
        { AppealState.Registered, AppealAction.Assign, AppealActor.System, AppealState.Assigned },
        { AppealState.Registered, AppealAction.Assign, AppealActor.Supervisor, AppealState.Assigned },
        { AppealState.InProgress, AppealAction.Assign, AppealActor.Supervisor, AppealState.Assigned },
        { AppealState.Extended, AppealAction.Assign, AppealActor.Supervisor, AppealState.Extended },
        { AppealState.Assigned, AppealAction.Start, AppealActor.Assignee, AppealState.InProgress },
        { AppealState.InProgress, AppealAction.Answer, AppealActor.Assignee, AppealState.Answered },
        { AppealState.Extended, AppealAction.Answer, AppealActor.Assignee, AppealState.Answered },
        { AppealState.Registered, AppealAction.Forward, AppealActor.Supervisor, AppealState.Forwarded },
        { AppealState.InProgress, AppealAction.Forward, AppealActor.Assignee, AppealState.Forwarded },
        { AppealState.Assigned, AppealAction.Extend, AppealActor.Supervisor, AppealState.Extended },
        { AppealState.Extended, AppealAction.Extend, AppealActor.Supervisor, AppealState.Extended },
        { AppealState.Assigned, AppealAction.LeaveWithoutConsideration, AppealActor.Assignee, AppealState.LeftWithoutConsideration },
        { AppealState.Registered, AppealAction.LeaveWithoutConsideration, AppealActor.Supervisor, AppealState.LeftWithoutConsideration },
        { AppealState.Answered, AppealAction.Confirm, AppealActor.Applicant, AppealState.Closed },
        { AppealState.Answered, AppealAction.Contest, AppealActor.Applicant, AppealState.Assigned },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Decide_ListedTransition_IsAllowed(AppealState from, AppealAction action, AppealActor actor, AppealState to)
    {
        var decision = Decide(Appeal(from, answeredOn: from == AppealState.Answered ? Received.AddDays(1) : null), action, actor);

        Assert.True(decision.Allowed, decision.Refusal.ToString());
        Assert.Equal(to, decision.To);
    }

    [Fact]
    public void Decide_EveryStateActionAndActorNotInTheTable_IsRefused()
    {
        var refused = 0;
        foreach (var state in Enum.GetValues<AppealState>())
        foreach (var action in Enum.GetValues<AppealAction>())
        foreach (var actor in Enum.GetValues<AppealActor>())
        {
            var listed = AppealLifecycle.Transitions.Any(t => t.Action == action && t.From.Contains(state) && t.By.Contains(actor));
            if (listed) continue;
            var decision = Decide(Appeal(state, answeredOn: Received), action, actor, today: Received.AddDays(30));
            Assert.False(decision.Allowed, $"{state} --{action} by {actor}--> should be refused");
            Assert.Equal(state, decision.To);
            refused++;
        }
        Assert.True(refused > 200, $"only {refused} combinations checked");
    }

    [Theory]
    [InlineData(AppealState.Closed)]
    [InlineData(AppealState.Forwarded)]
    [InlineData(AppealState.LeftWithoutConsideration)]
    public void ActionsFor_FinalState_OffersNothingToAnyone(AppealState state)
    {
        Assert.True(AppealLifecycle.IsFinal(state));
        foreach (var actor in Enum.GetValues<AppealActor>()) Assert.Empty(AppealLifecycle.ActionsFor(state, actor));
    }

    [Fact]
    public void Decide_InspectorExtends_IsRefusedAsNotForThisActor()
    {
        Assert.Equal(TransitionRefusal.NotForThisActor, Decide(Appeal(AppealState.InProgress), AppealAction.Extend, AppealActor.Assignee).Refusal);
    }

    [Fact]
    public void Decide_AnswerWhileStillAssigned_IsRefusedAsNotFromThisState()
    {
        Assert.Equal(TransitionRefusal.NotFromThisState, Decide(Appeal(AppealState.Assigned), AppealAction.Answer, AppealActor.Assignee).Refusal);
    }

    [Theory]
    [InlineData(AppealAction.Forward, AppealActor.Assignee)]
    [InlineData(AppealAction.Extend, AppealActor.Supervisor)]
    [InlineData(AppealAction.LeaveWithoutConsideration, AppealActor.Assignee)]
    public void Decide_WithoutAReason_IsRefused(AppealAction action, AppealActor actor)
    {
        var decision = Decide(Appeal(AppealState.InProgress), action, actor, Complete with { Reason = "  " });

        Assert.Equal(TransitionRefusal.ReasonRequired, decision.Refusal);
    }

    [Fact]
    public void Decide_AnswerWithoutText_IsRefused()
    {
        Assert.Equal(TransitionRefusal.AnswerRequired, Decide(Appeal(AppealState.InProgress), AppealAction.Answer, AppealActor.Assignee, Complete with { AnswerText = "" }).Refusal);
    }

    [Fact]
    public void Decide_ForwardOnTheThirdWorkingDay_IsAllowedAndOnTheFourthRefused()
    {
        var appeal = Appeal(AppealState.Assigned);

        Assert.True(Decide(appeal, AppealAction.Forward, AppealActor.Assignee, today: new DateOnly(2026, 11, 5)).Allowed);
        Assert.Equal(TransitionRefusal.ForwardWindowClosed, Decide(appeal, AppealAction.Forward, AppealActor.Assignee, today: new DateOnly(2026, 11, 6)).Refusal);
    }

    [Fact]
    public void Decide_ExtendToExactlyTwoMonths_IsAllowedAndOneDayMoreRefused()
    {
        var appeal = Appeal(AppealState.InProgress);

        // 2 January 2027 is a Saturday; the cap is 2 November + 2 months = Saturday 2 January → Monday 4 January.
        var atCap = Decide(appeal, AppealAction.Extend, AppealActor.Supervisor, Complete with { NewDueDate = new DateOnly(2027, 1, 4) });
        var beyond = Decide(appeal, AppealAction.Extend, AppealActor.Supervisor, Complete with { NewDueDate = new DateOnly(2027, 1, 5) });

        Assert.True(atCap.Allowed);
        Assert.Equal(new DateOnly(2027, 1, 4), atCap.DueDate);
        Assert.Equal(TransitionRefusal.ExtensionBeyondCap, beyond.Refusal);
    }

    [Fact]
    public void Decide_ExtendToAnEarlierOrSameDate_IsRefused()
    {
        Assert.Equal(TransitionRefusal.ExtensionNotLater, Decide(Appeal(AppealState.InProgress), AppealAction.Extend, AppealActor.Supervisor, Complete with { NewDueDate = Due }).Refusal);
    }

    [Fact]
    public void Decide_ExtendToASunday_IsRefused()
    {
        Assert.Equal(TransitionRefusal.ExtensionNotWorkingDay, Decide(Appeal(AppealState.InProgress), AppealAction.Extend, AppealActor.Supervisor, Complete with { NewDueDate = new DateOnly(2026, 12, 13) }).Refusal);
    }

    [Fact]
    public void Decide_SecondExtensionBeyondTheCapCountedFromReceipt_IsRefused()
    {
        var extended = Appeal(AppealState.Extended) with { DueDate = new DateOnly(2026, 12, 15) };

        Assert.True(Decide(extended, AppealAction.Extend, AppealActor.Supervisor, Complete with { NewDueDate = new DateOnly(2026, 12, 30) }).Allowed);
        Assert.Equal(TransitionRefusal.ExtensionBeyondCap, Decide(extended, AppealAction.Extend, AppealActor.Supervisor, Complete with { NewDueDate = new DateOnly(2027, 1, 15) }).Refusal);
    }

    [Fact]
    public void Decide_ContestTwice_IsRefused()
    {
        var decision = Decide(Appeal(AppealState.Answered, answeredOn: Received.AddDays(1), contested: true), AppealAction.Contest, AppealActor.Applicant);

        Assert.Equal(TransitionRefusal.AlreadyContested, decision.Refusal);
    }

    [Fact]
    public void Decide_Contest_GivesTheReviewAFreshTerm()
    {
        var today = new DateOnly(2026, 11, 25);
        var decision = Decide(Appeal(AppealState.Answered, answeredOn: today), AppealAction.Contest, AppealActor.Applicant, today: today);

        Assert.Equal(Policy.DueDate(AppealKind.Complaint, today, Calendar), decision.DueDate);
    }

    [Fact]
    public void Decide_AutoClose_OnlyAfterTenDaysFromTheAnswer()
    {
        var answered = Appeal(AppealState.Answered, answeredOn: new DateOnly(2026, 11, 10));

        Assert.Equal(TransitionRefusal.TooEarlyToClose, Decide(answered, AppealAction.AutoClose, AppealActor.System, today: new DateOnly(2026, 11, 20)).Refusal);
        Assert.True(Decide(answered, AppealAction.AutoClose, AppealActor.System, today: new DateOnly(2026, 11, 21)).Allowed);
        Assert.Equal(TransitionRefusal.AnswerWindowClosed, Decide(answered, AppealAction.Confirm, AppealActor.Applicant, today: new DateOnly(2026, 11, 21)).Refusal);
    }

    [Fact]
    public void Decide_AssignWithoutAnOfficer_IsRefused()
    {
        Assert.Equal(TransitionRefusal.AssigneeRequired, Decide(Appeal(AppealState.Registered), AppealAction.Assign, AppealActor.Supervisor, Complete with { AssigneeOfficerId = null }).Refusal);
    }
}

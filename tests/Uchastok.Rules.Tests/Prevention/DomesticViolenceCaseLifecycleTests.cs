using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class DomesticViolenceCaseLifecycleTests
{
    private static readonly DateOnly Detected = new(2027, 3, 1);
    private static readonly DateOnly Today = new(2027, 3, 20);

    /// <summary>Inputs that satisfy every action's own conditions, so only the state and the evidence decide.</summary>
    private static readonly DvCaseInput Complete = new(Date: new DateOnly(2027, 3, 15), ProtocolNumber: "АП-0001", Outcome: DvCourtOutcome.PenaltyImposed);

    private static DvCaseDecision Decide(DvCaseState state, DvCaseAction action, int evidence = 1, DvCaseInput? input = null, DateOnly? sentToCourtOn = null) =>
        DomesticViolenceCaseLifecycle.Decide(new DvCaseFacts(state, evidence, Detected, sentToCourtOn), action, input ?? Complete, Today);

    [Fact]
    public void TheWholePath_FromDetectionWithoutAStatementToClosed_IsAllowedStepByStep()
    {
        Assert.Empty(DomesticViolenceCaseLifecycle.ValidateDetection(new(DvSource.NeighbourReport, Detected, "Abay 10, apt 5", "Shouting and a child crying, reported by a neighbour"), Today));

        var state = DvCaseState.Detected;
        var evidence = 0;
        foreach (var action in new[] { DvCaseAction.AddEvidence, DvCaseAction.AddEvidence, DvCaseAction.DrawUpProtocol, DvCaseAction.SendToCourt, DvCaseAction.RecordCourtDecision, DvCaseAction.Close })
        {
            var decision = Decide(state, action, evidence);
            Assert.True(decision.Allowed, $"{action} from {state}: {decision.Refusal}");
            if (decision.Effects.RecordsEvidence) evidence++;
            state = decision.To;
        }
        Assert.Equal(DvCaseState.Closed, state);
        Assert.Equal(2, evidence);
    }

    [Theory]
    [InlineData(DvCaseState.Detected)]
    [InlineData(DvCaseState.EvidenceCollected)]
    [InlineData(DvCaseState.ProtocolDrawnUp)]
    public void SendToCourt_WithNoEvidenceItem_IsRefusedAsEvidenceRequired(DvCaseState state)
    {
        var decision = Decide(state, DvCaseAction.SendToCourt, evidence: 0);

        Assert.Equal(DvCaseRefusal.EvidenceRequired, decision.Refusal);
        Assert.Equal(state, decision.To);
        Assert.Same(DvCaseEffects.None, decision.Effects);
    }

    [Fact]
    public void SendToCourt_WithEvidenceButNoProtocol_IsRefusedAsProtocolRequired()
    {
        Assert.Equal(DvCaseRefusal.ProtocolRequired, Decide(DvCaseState.EvidenceCollected, DvCaseAction.SendToCourt, evidence: 2).Refusal);
    }

    [Fact]
    public void DrawUpProtocol_OnDetectionAlone_IsRefusedAsEvidenceRequired()
    {
        Assert.Equal(DvCaseRefusal.EvidenceRequired, Decide(DvCaseState.Detected, DvCaseAction.DrawUpProtocol, evidence: 0).Refusal);
        Assert.Equal(DvCaseRefusal.ProtocolNumberRequired, Decide(DvCaseState.EvidenceCollected, DvCaseAction.DrawUpProtocol, input: Complete with { ProtocolNumber = " " }).Refusal);
    }

    [Fact]
    public void Close_BeforeTheCourtDecided_IsRefusedAsCourtDecisionRequired()
    {
        foreach (var state in new[] { DvCaseState.Detected, DvCaseState.EvidenceCollected, DvCaseState.ProtocolDrawnUp, DvCaseState.SentToCourt })
            Assert.Equal(DvCaseRefusal.CourtDecisionRequired, Decide(state, DvCaseAction.Close).Refusal);
    }

    [Fact]
    public void EveryStateAndActionNotInTheTable_IsRefused()
    {
        var refused = 0;
        foreach (var state in Enum.GetValues<DvCaseState>())
        foreach (var action in Enum.GetValues<DvCaseAction>())
        {
            var listed = DomesticViolenceCaseLifecycle.Transitions.Any(t => t.From == state && t.Action == action);
            var decision = Decide(state, action, evidence: 3, sentToCourtOn: new DateOnly(2027, 3, 10));
            Assert.Equal(listed, decision.Allowed);
            if (!listed)
            {
                refused++;
                Assert.NotEqual(DvCaseRefusal.None, decision.Refusal);
                Assert.Equal(state, decision.To);
            }
        }
        Assert.Equal(Enum.GetValues<DvCaseState>().Length * Enum.GetValues<DvCaseAction>().Length - DomesticViolenceCaseLifecycle.Transitions.Count, refused);
    }

    [Fact]
    public void AddEvidence_AfterTheCaseWentToCourt_IsRefused()
    {
        Assert.Equal(DvCaseRefusal.NotFromThisState, Decide(DvCaseState.SentToCourt, DvCaseAction.AddEvidence).Refusal);
        Assert.Equal(DvCaseState.ProtocolDrawnUp, Decide(DvCaseState.ProtocolDrawnUp, DvCaseAction.AddEvidence).To);
    }

    [Fact]
    public void RecordCourtDecision_NeedsADateNotBeforeSendingAndAnOutcome()
    {
        var sent = new DateOnly(2027, 3, 12);

        Assert.Equal(DvCaseRefusal.DateOutOfOrder, Decide(DvCaseState.SentToCourt, DvCaseAction.RecordCourtDecision, input: Complete with { Date = sent.AddDays(-1) }, sentToCourtOn: sent).Refusal);
        Assert.Equal(DvCaseRefusal.OutcomeRequired, Decide(DvCaseState.SentToCourt, DvCaseAction.RecordCourtDecision, input: Complete with { Outcome = null }, sentToCourtOn: sent).Refusal);
        Assert.Equal(DvCaseRefusal.DateInFuture, Decide(DvCaseState.SentToCourt, DvCaseAction.RecordCourtDecision, input: Complete with { Date = Today.AddDays(1) }, sentToCourtOn: sent).Refusal);
        Assert.Equal(DvCaseRefusal.DateRequired, Decide(DvCaseState.SentToCourt, DvCaseAction.RecordCourtDecision, input: Complete with { Date = null }, sentToCourtOn: sent).Refusal);
        Assert.True(Decide(DvCaseState.SentToCourt, DvCaseAction.RecordCourtDecision, input: Complete with { Date = sent }, sentToCourtOn: sent).Allowed);
    }

    [Fact]
    public void DatedSteps_BeforeDetection_AreRefused()
    {
        Assert.Equal(DvCaseRefusal.DateOutOfOrder, Decide(DvCaseState.EvidenceCollected, DvCaseAction.DrawUpProtocol, input: Complete with { Date = Detected.AddDays(-1) }).Refusal);
        Assert.Equal(DvCaseRefusal.DateOutOfOrder, Decide(DvCaseState.ProtocolDrawnUp, DvCaseAction.SendToCourt, input: Complete with { Date = Detected.AddDays(-1) }).Refusal);
    }

    [Theory]
    [InlineData(DvCourtOutcome.PenaltyImposed, true)]
    [InlineData(DvCourtOutcome.ProceedingsTerminated, false)]
    public void RecordCourtDecision_ProposesTheOffenderForTheRegisterOnlyWhenAPenaltyWasImposed(DvCourtOutcome outcome, bool proposes)
    {
        var decision = Decide(DvCaseState.SentToCourt, DvCaseAction.RecordCourtDecision, input: Complete with { Outcome = outcome });

        Assert.Equal(DvCaseState.CourtDecided, decision.To);
        Assert.True(decision.Effects.RecordsCourtDecision);
        Assert.Equal(proposes, decision.Effects.ProposesOffenderRegistration);
    }

    [Fact]
    public void ValidateDetection_NeedsSourceDateAddressAndSummary_NotAStatement()
    {
        Assert.Empty(DomesticViolenceCaseLifecycle.ValidateDetection(new(DvSource.AnonymousTip, Today, "Abay 10", "Anonymous call"), Today));
        Assert.Equal(
        [
            new PreventionFieldError("source", PreventionProblem.Required), new PreventionFieldError("detectedOn", PreventionProblem.InFuture),
            new PreventionFieldError("address", PreventionProblem.Required), new PreventionFieldError("summary", PreventionProblem.Required),
        ], DomesticViolenceCaseLifecycle.ValidateDetection(new(null, Today.AddDays(1), "", null), Today));
    }

    [Fact]
    public void ValidateEvidence_StatementNeedsWhoContactAndText()
    {
        var now = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.FromHours(5));

        Assert.Empty(DomesticViolenceCaseLifecycle.ValidateEvidence(new(DvEvidenceKind.NeighbourStatement, "Aigerim S.", "+77011234567", "Heard shouting at 23:00"), now));
        Assert.Equal(
            [new PreventionFieldError("personName", PreventionProblem.Required), new PreventionFieldError("contact", PreventionProblem.Required), new PreventionFieldError("text", PreventionProblem.Required)],
            DomesticViolenceCaseLifecycle.ValidateEvidence(new(DvEvidenceKind.WitnessStatement), now));
        Assert.Equal([new PreventionFieldError("kind", PreventionProblem.Required)], DomesticViolenceCaseLifecycle.ValidateEvidence(new(null), now));
    }

    [Fact]
    public void ValidateEvidence_FileNeedsAValidSha256ItsTimeAndSource()
    {
        var now = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.FromHours(5));
        var hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

        Assert.Empty(DomesticViolenceCaseLifecycle.ValidateEvidence(new(DvEvidenceKind.Video, Sha256: hash, RecordedAt: now.AddHours(-3), Source: "Bodycam of the patrol"), now));
        Assert.Equal(
            [new PreventionFieldError("sha256", PreventionProblem.Invalid), new PreventionFieldError("recordedAt", PreventionProblem.InFuture), new PreventionFieldError("source", PreventionProblem.Required)],
            DomesticViolenceCaseLifecycle.ValidateEvidence(new(DvEvidenceKind.Photo, Sha256: hash[..63] + "g", RecordedAt: now.AddMinutes(1)), now));
        Assert.Equal(
            [new PreventionFieldError("sha256", PreventionProblem.Required), new PreventionFieldError("recordedAt", PreventionProblem.Required), new PreventionFieldError("source", PreventionProblem.Required)],
            DomesticViolenceCaseLifecycle.ValidateEvidence(new(DvEvidenceKind.Video), now));
    }
}

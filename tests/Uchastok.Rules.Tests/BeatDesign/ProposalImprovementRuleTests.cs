using Uchastok.Rules.BeatDesign;

namespace Uchastok.Rules.Tests.BeatDesign;

public sealed class ProposalImprovementRuleTests
{
    private static readonly PlanBalance Today = new(56, 1.133, 0.073, 1.0);

    [Fact]
    public void Judge_TheAlmalyRunOfTheIssue_IsNotBetter()
    {
        // max/mean 1.133 → 1.133, CV 0.073 → 0.069, every beat whole, 164 areas moved.
        Assert.Equal(ProposalVerdict.NotBetter, ProposalImprovementRule.Judge(Today, Today with { CoefficientOfVariation = 0.069 }, 164));
    }

    [Theory]
    [InlineData(1.123, 0.073, 1.0)]
    [InlineData(1.133, 0.063, 1.0)]
    [InlineData(1.100, 0.060, 1.0)]
    public void Judge_ABalanceGainOfTheMarginOrMore_Improves(double max, double cv, double contiguous) =>
        Assert.Equal(ProposalVerdict.Improves, ProposalImprovementRule.Judge(Today, new PlanBalance(56, max, cv, contiguous), 12));

    [Theory]
    [InlineData(1.125, 0.070, 1.0)]
    [InlineData(1.140, 0.050, 1.0)]
    [InlineData(1.100, 0.050, 0.98)]
    public void Judge_ASmallGain_OrAWorseHeaviestBeat_OrABeatInPieces_IsNotBetter(double max, double cv, double contiguous) =>
        Assert.Equal(ProposalVerdict.NotBetter, ProposalImprovementRule.Judge(Today, new PlanBalance(56, max, cv, contiguous), 12));

    [Fact]
    public void Judge_MoreBeatsInOnePiece_Improves() =>
        Assert.Equal(ProposalVerdict.Improves, ProposalImprovementRule.Judge(Today with { ContiguousShare = 0.982 }, Today, 3));

    [Fact]
    public void Judge_AnotherNumberOfBeats_Improves_WhateverTheBalance() =>
        Assert.Equal(ProposalVerdict.Improves, ProposalImprovementRule.Judge(Today, new PlanBalance(50, 1.2, 0.09, 1.0), 60));

    [Fact]
    public void Judge_NothingMoved_IsUnchanged() =>
        Assert.Equal(ProposalVerdict.Unchanged, ProposalImprovementRule.Judge(Today, Today, 0));
}

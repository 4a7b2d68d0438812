using Uchastok.Rules.Trust;

namespace Uchastok.Rules.Tests.Trust;

public sealed class TrustIndexTests
{
    private static Respondent Answer(int professionalism, Stratum? stratum = null, int? fairness = null)
    {
        var answers = new Dictionary<TrustCriterion, IReadOnlyList<int>> { [TrustCriterion.Professionalism] = [professionalism] };
        if (fairness is { } f) answers[TrustCriterion.Fairness] = [f];
        return new Respondent(answers, stratum);
    }

    [Fact]
    public void Respondent_ScoresMapOneToFiveOntoZeroToHundred_AndAverageTheirItems()
    {
        var respondent = new Respondent(new Dictionary<TrustCriterion, IReadOnlyList<int>>
        {
            [TrustCriterion.Professionalism] = [5, 4],
            [TrustCriterion.Openness] = [1],
        });

        Assert.Equal(87.5, respondent.Score(TrustCriterion.Professionalism));
        Assert.Equal(0, respondent.Score(TrustCriterion.Openness));
        Assert.Null(respondent.Score(TrustCriterion.Fairness));
        Assert.Equal(43.75, respondent.Overall());
    }

    [Fact]
    public void Estimate_UnderThirtyResponses_ShowsNoNumber()
    {
        var estimate = TrustIndex.Criterion(Enumerable.Repeat(Answer(5), 29).ToList(), TrustCriterion.Professionalism);

        Assert.Equal(EstimateStatus.NotEnoughResponses, estimate.Status);
        Assert.Equal(29, estimate.Responses);
        Assert.Null(estimate.Score);
    }

    [Fact]
    public void Estimate_Unweighted_IsTheMeanWithItsTInterval()
    {
        // 20 answers of 5 (100) and 20 of 3 (50): mean 75, sample sd = 25.32 (25·√(40/39)), se = 4.003.
        var respondents = Enumerable.Repeat(Answer(5), 20).Concat(Enumerable.Repeat(Answer(3), 20)).ToList();

        var estimate = TrustIndex.Criterion(respondents, TrustCriterion.Professionalism);

        Assert.Equal(75, estimate.Score!.Value, 9);
        Assert.Equal(25 * Math.Sqrt(40.0 / 39) / Math.Sqrt(40), estimate.StandardError!.Value, 9);
        var half = 2.0227 * estimate.StandardError.Value; // t(39, 0.975) = 2.0227
        Assert.Equal(75 - half, estimate.Low!.Value, 2);
        Assert.Equal(75 + half, estimate.High!.Value, 2);
        Assert.False(estimate.Weighted);
    }

    [Fact]
    public void Estimate_PostStratified_WeightsEachCellByItsPopulationShare()
    {
        // 30 young men answering 1 (0) and 10 older women answering 5 (100); each is half the population.
        var young = new Stratum(AgeBand.From18To29, Sex.Male);
        var older = new Stratum(AgeBand.From60, Sex.Female);
        var respondents = Enumerable.Repeat(Answer(1, young), 30).Concat(Enumerable.Repeat(Answer(5, older), 10)).ToList();
        var shares = new Dictionary<Stratum, double> { [young] = 0.5, [older] = 0.5 };

        var unweighted = TrustIndex.Criterion(respondents, TrustCriterion.Professionalism);
        var weighted = TrustIndex.Criterion(respondents, TrustCriterion.Professionalism, shares);

        Assert.Equal(25, unweighted.Score!.Value, 9);
        Assert.Equal(50, weighted.Score!.Value, 9);
        Assert.True(weighted.Weighted);
        // Both cells answer alike within themselves: no variance inside cells, so the interval closes.
        Assert.Equal(0, weighted.StandardError!.Value, 9);
    }

    [Fact]
    public void Estimate_CellsWithoutRespondents_AreLeftOutAndTheOtherSharesRescaled()
    {
        var a = new Stratum(AgeBand.From30To44, Sex.Female);
        var b = new Stratum(AgeBand.From30To44, Sex.Male);
        var missing = new Stratum(AgeBand.From60, Sex.Male);
        var respondents = Enumerable.Repeat(Answer(5, a), 20).Concat(Enumerable.Repeat(Answer(1, b), 20)).ToList();
        var shares = new Dictionary<Stratum, double> { [a] = 0.3, [b] = 0.1, [missing] = 0.6 };

        var weighted = TrustIndex.Criterion(respondents, TrustCriterion.Professionalism, shares);

        Assert.Equal(75, weighted.Score!.Value, 9);
    }

    [Theory]
    [InlineData(60, 2, 70, 2, TrustChange.Up)]
    [InlineData(60, 5, 66, 5, TrustChange.None)]
    [InlineData(70, 1, 65, 1.5, TrustChange.Down)]
    public void Change_IsClaimedOnlyWhenTheIntervalOfTheDifferenceExcludesZero(double before, double seBefore, double after, double seAfter, TrustChange expected)
    {
        var previous = new TrustEstimate(EstimateStatus.Shown, 100, before, null, null, seBefore, false);
        var current = new TrustEstimate(EstimateStatus.Shown, 100, after, null, null, seAfter, false);

        Assert.Equal(expected, TrustIndex.Change(previous, current));
        Assert.Equal(TrustChange.Unknown, TrustIndex.Change(TrustEstimate.NotEnough(12), current));
    }

    [Fact]
    public void Wilson_MatchesTheTextbookExample()
    {
        // 8 positive of 10: Wilson 95 % interval 0.490–0.943.
        var (share, low, high) = TrustIndex.Wilson(8, 10);

        Assert.Equal(0.8, share, 9);
        Assert.Equal(0.490, low, 3);
        Assert.Equal(0.943, high, 3);
    }

    [Theory]
    [InlineData(30, 2.0423)]
    [InlineData(60, 2.0003)]
    [InlineData(200, 1.9719)]
    public void StudentT_IsAccurateForTheSampleSizesShown(int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, TrustIndex.StudentT975(degreesOfFreedom), 3);
    }

    [Fact]
    public void Simulation_IntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime()
    {
        var results = TrustSimulation.Run(rounds: 400, seed: 11);

        Assert.All(results.Where(r => r.Method == "post-stratified"), r => Assert.InRange(r.Coverage, 0.92, 0.98));
        var skewed = results.Single(r => r.Scenario == TrustSimulation.Skewed && r.Method == "unweighted" && r.SampleSize == 300);
        Assert.True(skewed.Coverage < 0.80, $"unweighted coverage on a skewed sample was {skewed.Coverage:P1}");
    }
}

using Uchastok.Rules.Evaluation;
using Uchastok.Rules.Trust;

namespace Uchastok.Rules.Tests.Evaluation;

public sealed class InspectorKpisTests
{
    private static TrustEstimate Shown(double score, double se) => new(EstimateStatus.Shown, 100, score, score - 1.96 * se, score + 1.96 * se, se, false);

    private static KpiFacts Facts(int decided = 10, int onTime = 9, int ratings = 4, double? rating = 4.5, TrustEstimate? before = null, TrustEstimate? now = null,
        bool meeting = true, int activities = 3, int upheld = 0) => new(decided, onTime, ratings, rating, before, now, meeting, activities, upheld);

    [Fact]
    public void EachKpi_IsScoredByItsDefinition()
    {
        var evaluation = InspectorKpis.Evaluate(Facts(before: Shown(50, 1), now: Shown(60, 1), upheld: 1), KpiWeights.Default);
        var score = evaluation.Values.ToDictionary(v => v.Kpi, v => v.Score);

        Assert.Equal(0.9, score[Kpi.OnTimeAnswers]!.Value, 10);
        Assert.Equal(0.875, score[Kpi.CitizenRating]!.Value, 10);
        // +10 points, clearly beyond chance: 0.5 + 10 / 20.
        Assert.Equal(1.0, score[Kpi.TrustChange]!.Value, 10);
        Assert.Equal(1.0, score[Kpi.ReportMeeting]!.Value);
        Assert.Equal(0.5, score[Kpi.PreventiveActivities]!.Value, 10);
        Assert.Equal(0.5, score[Kpi.UpheldComplaints]!.Value, 10);
        // (25·0.9 + 20·0.875 + 20·1 + 15·1 + 10·0.5 + 10·0.5) / 100 × 100.
        Assert.Equal(85.0, evaluation.Composite!.Value, 10);
    }

    [Fact]
    public void TrustChange_WithinTheIntervals_ScoresNeutral()
    {
        // +2 points with standard errors of 3 each: the 95 % interval of the difference spans zero.
        var value = InspectorKpis.Evaluate(Facts(before: Shown(50, 3), now: Shown(52, 3)), KpiWeights.Default).Values.Single(v => v.Kpi == Kpi.TrustChange);

        Assert.Equal(2, value.Raw!.Value, 10);
        Assert.Equal(0.5, value.Score);
    }

    [Fact]
    public void AMeasureWithNothingToMeasure_IsLeftOut_AndTheOtherWeightsRescaled()
    {
        var evaluation = InspectorKpis.Evaluate(Facts(decided: 0, onTime: 0, ratings: 0, rating: null, before: TrustEstimate.NotEnough(12), now: Shown(60, 1)), KpiWeights.Default);

        Assert.Equal(KpiGap.NoAppeals, evaluation.Values.Single(v => v.Kpi == Kpi.OnTimeAnswers).Gap);
        Assert.Equal(KpiGap.NoRatings, evaluation.Values.Single(v => v.Kpi == Kpi.CitizenRating).Gap);
        Assert.Equal(KpiGap.NoTrustEstimate, evaluation.Values.Single(v => v.Kpi == Kpi.TrustChange).Gap);
        // Only meeting (15·1), activities (10·0.5) and complaints (10·1) remain: 30 / 35.
        Assert.Equal(30.0 / 35 * 100, evaluation.Composite!.Value, 10);
    }

    [Fact]
    public void StrengthsAndWeaknesses_AreTheMeasuresAtTheEnds()
    {
        var evaluation = InspectorKpis.Evaluate(Facts(onTime: 4, meeting: false, activities: 6), KpiWeights.Default);

        Assert.Equal([Kpi.CitizenRating, Kpi.PreventiveActivities, Kpi.UpheldComplaints], evaluation.Strengths);
        Assert.Equal([Kpi.OnTimeAnswers, Kpi.ReportMeeting], evaluation.Weaknesses);
    }

    [Fact]
    public void Weights_ChangeTheComposite_AndAZeroWeightDropsAMeasure()
    {
        var onlyMeeting = new KpiWeights(new Dictionary<Kpi, double> { [Kpi.ReportMeeting] = 1 }, 6);

        Assert.Equal(0.0, InspectorKpis.Evaluate(Facts(meeting: false), onlyMeeting).Composite);
        Assert.Equal(100.0, InspectorKpis.Evaluate(Facts(meeting: true), onlyMeeting).Composite);
        Assert.Null(InspectorKpis.Evaluate(Facts(decided: 0, onTime: 0), new KpiWeights(new Dictionary<Kpi, double> { [Kpi.OnTimeAnswers] = 1 }, 6)).Composite);
    }

    [Fact]
    public void Ranking_IsByComposite_WithEqualScoresSharingARank_AndUnscoredLast()
    {
        InspectorEvaluation With(double? composite) => new([], composite, [], []);
        var ranked = InspectorKpis.Rank<string>([("a", With(70)), ("b", With(null)), ("c", With(90)), ("d", With(70.04))]);

        // d is ahead of a by 0.04, shown alike to a tenth: the same rank, d listed first.
        Assert.Equal([("c", (int?)1), ("d", 2), ("a", 2), ("b", null)], ranked);
    }
}

using Uchastok.Rules.Trust;

namespace Uchastok.Rules.Evaluation;

/// <summary>
/// The measures an inspector is evaluated by each quarter (C9). They reward service and
/// prevention; none counts fines, protocols or detections.
/// </summary>
public enum Kpi
{
    /// <summary>Appeals decided in the quarter that were decided by their due date, as a share.</summary>
    OnTimeAnswers,
    /// <summary>The mean overall rating (1–5) applicants gave the inspector's answers in the quarter.</summary>
    CitizenRating,
    /// <summary>The change of the beat's overall trust index against the previous quarter, in points.</summary>
    TrustChange,
    /// <summary>Whether the quarterly report meeting to the beat's residents was held.</summary>
    ReportMeeting,
    /// <summary>Preventive and community activities recorded in the quarter, against the target.</summary>
    PreventiveActivities,
    /// <summary>Complaints about the inspector's conduct found justified in the quarter.</summary>
    UpheldComplaints,
}

/// <summary>What the quarter's records say about one inspector; null where there is nothing to measure.</summary>
public sealed record KpiFacts(
    int AppealsDecided, int AppealsDecidedOnTime,
    int Ratings, double? MeanRating,
    TrustEstimate? TrustBefore, TrustEstimate? TrustNow,
    bool ReportMeetingHeld,
    int PreventiveActivities,
    int UpheldComplaints);

/// <summary>Weights of the composite, in any positive scale (they are normalised), and the activity target.</summary>
public sealed record KpiWeights(IReadOnlyDictionary<Kpi, double> Weights, int ActivitiesTarget)
{
    public static readonly KpiWeights Default = new(new Dictionary<Kpi, double>
    {
        [Kpi.OnTimeAnswers] = 25,
        [Kpi.CitizenRating] = 20,
        [Kpi.TrustChange] = 20,
        [Kpi.ReportMeeting] = 15,
        [Kpi.PreventiveActivities] = 10,
        [Kpi.UpheldComplaints] = 10,
    }, ActivitiesTarget: 6);

    public double Of(Kpi kpi) => Weights.GetValueOrDefault(kpi);
}

/// <summary>One measure: its raw value, its 0–1 score for the composite, or why it is not scored.</summary>
public sealed record KpiValue(Kpi Kpi, double? Raw, double? Score, KpiGap Gap);

public enum KpiGap
{
    None,
    /// <summary>No appeal was decided in the quarter.</summary>
    NoAppeals,
    /// <summary>No applicant rated an answer in the quarter.</summary>
    NoRatings,
    /// <summary>The beat's trust index is not shown for one of the two quarters (fewer than 30 responses).</summary>
    NoTrustEstimate,
}

public sealed record InspectorEvaluation(IReadOnlyList<KpiValue> Values, double? Composite, IReadOnlyList<Kpi> Strengths, IReadOnlyList<Kpi> Weaknesses);

/// <summary>
/// Scores each measure on 0–1 and combines them with the supervisor's weights:
/// <list type="bullet">
/// <item>on-time answers: the share itself;</item>
/// <item>citizen rating: (mean − 1) / 4;</item>
/// <item>trust change: 0.5 + change / 20, clamped, so ±10 points reach the ends — and only a change
/// the intervals say is real moves it from 0.5;</item>
/// <item>report meeting: 1 if held, else 0;</item>
/// <item>preventive activities: count / target, at most 1;</item>
/// <item>upheld complaints: 1 / (1 + count).</item>
/// </list>
/// A measure with nothing to measure is left out and the weights of the others are rescaled, so
/// an inspector is neither rewarded nor punished for a quiet quarter. The strengths and
/// weaknesses named in the ranking are the scored measures at 0.8 and above and under 0.5.
/// </summary>
public static class InspectorKpis
{
    public const double StrongScore = 0.8;
    public const double WeakScore = 0.5;

    public static InspectorEvaluation Evaluate(KpiFacts facts, KpiWeights weights)
    {
        var values = new List<KpiValue>
        {
            facts.AppealsDecided == 0
                ? new(Kpi.OnTimeAnswers, null, null, KpiGap.NoAppeals)
                : Share(Kpi.OnTimeAnswers, (double)facts.AppealsDecidedOnTime / facts.AppealsDecided),
            facts.MeanRating is { } rating && facts.Ratings > 0
                ? new(Kpi.CitizenRating, rating, Clamp((rating - 1) / 4), KpiGap.None)
                : new(Kpi.CitizenRating, null, null, KpiGap.NoRatings),
            TrustValue(facts.TrustBefore, facts.TrustNow),
            new(Kpi.ReportMeeting, facts.ReportMeetingHeld ? 1 : 0, facts.ReportMeetingHeld ? 1 : 0, KpiGap.None),
            new(Kpi.PreventiveActivities, facts.PreventiveActivities, Clamp(weights.ActivitiesTarget <= 0 ? 1 : (double)facts.PreventiveActivities / weights.ActivitiesTarget), KpiGap.None),
            new(Kpi.UpheldComplaints, facts.UpheldComplaints, 1.0 / (1 + facts.UpheldComplaints), KpiGap.None),
        };
        var scored = values.Where(v => v.Score is not null && weights.Of(v.Kpi) > 0).ToList();
        var total = scored.Sum(v => weights.Of(v.Kpi));
        double? composite = total > 0 ? scored.Sum(v => weights.Of(v.Kpi) * v.Score!.Value) / total * 100 : null;
        return new(values, composite,
            scored.Where(v => v.Score >= StrongScore).OrderByDescending(v => weights.Of(v.Kpi)).Select(v => v.Kpi).ToList(),
            scored.Where(v => v.Score < WeakScore).OrderByDescending(v => weights.Of(v.Kpi)).Select(v => v.Kpi).ToList());
    }

    /// <summary>Inspectors by composite, highest first; those with no composite last; ties keep the given order.</summary>
    public static IReadOnlyList<(T Inspector, int? Rank)> Rank<T>(IReadOnlyList<(T Inspector, InspectorEvaluation Evaluation)> evaluations)
    {
        var ordered = evaluations.Select((e, index) => (e, index))
            .OrderBy(x => x.e.Evaluation.Composite is null).ThenByDescending(x => x.e.Evaluation.Composite ?? 0).ThenBy(x => x.index).ToList();
        var result = new List<(T, int?)>();
        int? previousRank = null; double? previous = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var composite = ordered[i].e.Evaluation.Composite;
            // Equal composites (to a tenth of a point, as shown) share a rank.
            int? rank = composite is null ? null : previous is { } p && Shown(p) == Shown(composite.Value) ? previousRank : i + 1;
            result.Add((ordered[i].e.Inspector, rank));
            previous = composite; previousRank = rank;
        }
        return result;
    }

    /// <summary>A composite as it is shown: to a tenth, halves away from zero.</summary>
    public static double Shown(double composite) => Math.Round(composite, 1, MidpointRounding.AwayFromZero);

    private static KpiValue TrustValue(TrustEstimate? before, TrustEstimate? now)
    {
        if (before is not { Status: EstimateStatus.Shown, Score: { } was } || now is not { Status: EstimateStatus.Shown, Score: { } @is })
            return new(Kpi.TrustChange, null, null, KpiGap.NoTrustEstimate);
        var change = @is - was;
        var real = TrustIndex.Change(before, now) is TrustChange.Up or TrustChange.Down;
        return new(Kpi.TrustChange, change, real ? Clamp(0.5 + change / 20) : 0.5, KpiGap.None);
    }

    private static KpiValue Share(Kpi kpi, double share) => new(kpi, share, Clamp(share), KpiGap.None);

    private static double Clamp(double value) => Math.Clamp(value, 0, 1);
}

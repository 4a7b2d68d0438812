using Uchastok.Rules.Evaluation;
using Uchastok.Web.Community;

namespace Uchastok.Web.Evaluation;

public sealed record KpiView(string Kpi, double? Raw, double? Score, string? Gap);

public sealed record InspectorView(int OfficerId, string Name, IReadOnlyList<string> Beats, int? Rank, double? Composite, IReadOnlyList<KpiView> Kpis, IReadOnlyList<string> Strengths, IReadOnlyList<string> Weaknesses)
{
    public static InspectorView Of(InspectorRow r) => new(r.OfficerId, r.Name, r.Beats, r.Rank, r.Evaluation.Composite is { } c ? InspectorKpis.Shown(c) : null,
        r.Evaluation.Values.Select(v => new KpiView(v.Kpi.ToString(), v.Raw is { } raw ? Math.Round(raw, 3) : null, v.Score is { } s ? Math.Round(s, 3) : null, v.Gap == KpiGap.None ? null : v.Gap.ToString())).ToList(),
        r.Evaluation.Strengths.Select(k => k.ToString()).ToList(), r.Evaluation.Weaknesses.Select(k => k.ToString()).ToList());
}

/// <summary>The composite's weights by KPI name (<c>OnTimeAnswers</c>…) and the preventive-work target.</summary>
public sealed record WeightsView(Dictionary<string, double> Weights, int ActivitiesTarget)
{
    public static WeightsView Of(KpiWeights weights) => new(weights.Weights.ToDictionary(w => w.Key.ToString(), w => w.Value), weights.ActivitiesTarget);
}

/// <summary>A district's inspectors ranked by the composite, with the weights it was made with.</summary>
public sealed record DistrictEvaluationView(int DistrictId, string Quarter, Dictionary<string, double> Weights, int ActivitiesTarget, IReadOnlyList<InspectorView> Inspectors)
{
    public static DistrictEvaluationView Of(DistrictEvaluation district) => new(district.DistrictId, district.Quarter,
        WeightsView.Of(district.Weights).Weights, district.Weights.ActivitiesTarget, district.Inspectors.Select(InspectorView.Of).ToList());
}

/// <summary>One inspector's KPIs and the records behind them.</summary>
/// <param name="UpheldComplaints">The days complaints about him were upheld, and nothing more: the complaint stays hidden from the officer it concerns.</param>
public sealed record InspectorEvidenceView(
    InspectorView Inspector, IReadOnlyList<DecidedAppeal> Decided, IReadOnlyList<DateOnly> UpheldComplaints, IReadOnlyList<MeetingView> Meetings, IReadOnlyList<ActivityView> Activities)
{
    public static InspectorEvidenceView Of(InspectorEvidence evidence) => new(InspectorView.Of(evidence.Row), evidence.Decided,
        evidence.UpheldComplaints.Select(c => c.DecidedOn).ToList(), evidence.Meetings, evidence.Activities);
}

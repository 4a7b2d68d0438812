using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Evaluation;
using Uchastok.Rules.Trust;
using Uchastok.Web.Accounts;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Evaluation;

public sealed record InspectorRow(int OfficerId, string Name, IReadOnlyList<string> Beats, InspectorEvaluation Evaluation, int? Rank, KpiFacts Facts);

public sealed record DistrictEvaluation(int DistrictId, string Quarter, KpiWeights Weights, IReadOnlyList<InspectorRow> Inspectors);

/// <summary>The records behind one inspector's numbers, one click from each.</summary>
public sealed record InspectorEvidence(
    InspectorRow Row, IReadOnlyList<DecidedAppeal> Decided, IReadOnlyList<DecidedAppeal> UpheldComplaints,
    IReadOnlyList<MeetingView> Meetings, IReadOnlyList<ActivityView> Activities);

public sealed record DecidedAppeal(string Number, DateOnly DueDate, DateOnly DecidedOn, bool OnTime, int? Rating);

public sealed record WeightsInput(IReadOnlyDictionary<string, double>? Weights, int? ActivitiesTarget);

/// <summary>
/// Inspectors' KPIs per quarter (C9), from the records: appeals decided and rated, the trust index
/// of their beats, meetings held and preventive work recorded, complaints about them upheld.
/// A supervisor sees and weights his district; an inspector sees himself.
/// </summary>
public sealed class InspectorEvaluationQuery(UchastokDbContext db, TrustQuery trust, CommunityRecords community, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const double MaxWeight = 100;
    public const int MaxActivitiesTarget = 100;

    public async Task<KpiWeights> WeightsAsync(int districtId, CancellationToken cancellationToken = default)
    {
        var row = await db.KpiWeightSettings.AsNoTracking().Where(w => w.DistrictId == districtId).OrderByDescending(w => w.ChangedAtUtc).ThenByDescending(w => w.Id).FirstOrDefaultAsync(cancellationToken);
        if (row is null) return KpiWeights.Default;
        var weights = JsonSerializer.Deserialize<Dictionary<Kpi, double>>(row.WeightsJson) ?? [];
        return new KpiWeights(weights, row.ActivitiesTarget);
    }

    public async Task<(KpiWeights? Weights, FieldErrors Errors)> SetWeightsAsync(int districtId, WeightsInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var weights = new Dictionary<Kpi, double>();
        foreach (var kpi in Enum.GetValues<Kpi>())
        {
            var given = input.Weights?.FirstOrDefault(w => string.Equals(w.Key, kpi.ToString(), StringComparison.OrdinalIgnoreCase));
            if (given?.Key is null) { errors.Add(kpi.ToString(), localizer["Evaluation.WeightRequired", MaxWeight]); continue; }
            if (double.IsNaN(given.Value.Value) || given.Value.Value is < 0 or > MaxWeight) errors.Add(kpi.ToString(), localizer["Evaluation.WeightRequired", MaxWeight]);
            else weights[kpi] = given.Value.Value;
        }
        if (input.Weights?.Keys.Any(k => !Enum.TryParse<Kpi>(k, true, out _)) == true) errors.Add("weights", localizer["Evaluation.WeightUnknown"]);
        if (errors.Count == 0 && weights.Values.Sum() <= 0) errors.Add("weights", localizer["Evaluation.WeightsAllZero"]);
        if (input.ActivitiesTarget is not (>= 1 and <= MaxActivitiesTarget)) errors.Add("activitiesTarget", localizer["Evaluation.TargetInvalid", MaxActivitiesTarget]);
        if (errors.Count > 0) return (null, errors);
        db.KpiWeightSettings.Add(new KpiWeightSetting
        {
            DistrictId = districtId, WeightsJson = JsonSerializer.Serialize(weights), ActivitiesTarget = input.ActivitiesTarget!.Value,
            ChangedAtUtc = clock.GetUtcNow().UtcDateTime, ChangedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (new KpiWeights(weights, input.ActivitiesTarget.Value), errors);
    }

    /// <summary>Every inspector with a beat in the district, ranked by the composite. Null when the district is not the user's to see.</summary>
    public async Task<DistrictEvaluation?> DistrictAsync(ClaimsPrincipal user, int districtId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        if (!ScopeClaims.ManagesDistrict(user, districtId) || !await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken)) return null;
        return await EvaluateAsync(districtId, quarter, cancellationToken);
    }

    private async Task<DistrictEvaluation> EvaluateAsync(int districtId, Quarter quarter, CancellationToken cancellationToken)
    {
        var weights = await WeightsAsync(districtId, cancellationToken);
        var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == districtId && b.IsActive && b.InspectorId != null)
            .OrderBy(b => b.Number).Select(b => new { b.Id, b.Code, InspectorId = b.InspectorId!.Value, b.Inspector!.Surname, b.Inspector.GivenName }).ToListAsync(cancellationToken);
        var evaluated = new List<(InspectorRow Row, InspectorEvaluation Evaluation)>();
        foreach (var inspector in beats.GroupBy(b => new { b.InspectorId, b.Surname, b.GivenName }))
        {
            var facts = await FactsAsync(inspector.Key.InspectorId, inspector.Select(b => b.Id).ToList(), quarter, cancellationToken);
            var evaluation = InspectorKpis.Evaluate(facts, weights);
            evaluated.Add((new InspectorRow(inspector.Key.InspectorId, $"{inspector.Key.Surname} {inspector.Key.GivenName}", inspector.Select(b => b.Code).ToList(), evaluation, null, facts), evaluation));
        }
        var ranked = InspectorKpis.Rank(evaluated.Select(e => (e.Row, e.Evaluation)).ToList());
        return new DistrictEvaluation(districtId, quarter.ToString(), weights, ranked.Select(r => r.Inspector with { Rank = r.Rank }).ToList());
    }

    /// <summary>One inspector's numbers and the records behind them: his own, his supervisor's, or an administrator's view. Null: not found or not allowed.</summary>
    public async Task<InspectorEvidence?> InspectorAsync(ClaimsPrincipal user, int officerId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        var officer = await db.Officers.AsNoTracking().Where(o => o.Id == officerId).Select(o => new { o.Id, o.DistrictId }).SingleOrDefaultAsync(cancellationToken);
        if (officer is null) return null;
        var self = user.IsInRole(Roles.Inspector) && ScopeClaims.Officer(user) == officerId;
        if (!self && !ScopeClaims.ManagesDistrict(user, officer.DistrictId)) return null;
        // The rank is among the district's inspectors, so the one row comes from the district's evaluation.
        var district = await EvaluateAsync(officer.DistrictId, quarter, cancellationToken);
        var row = district.Inspectors.SingleOrDefault(i => i.OfficerId == officerId);
        if (row is null) return null;

        var (from, to) = (quarter.First, quarter.Last);
        var decided = await DecidedAsync(a => (a.AnsweredByOfficerId ?? a.AssigneeOfficerId) == officerId && !a.AboutPoliceOfficer, from, to, cancellationToken);
        var upheld = await DecidedAsync(a => a.ConcernedOfficerId == officerId && a.ComplaintUpheld == true, from, to, cancellationToken);
        var (meetings, activities) = await community.ForOfficerAsync(officerId, from, to, cancellationToken);
        return new InspectorEvidence(row, decided, upheld, meetings, activities);
    }

    private async Task<KpiFacts> FactsAsync(int officerId, IReadOnlyCollection<int> beatIds, Quarter quarter, CancellationToken cancellationToken)
    {
        var (from, to) = (quarter.First, quarter.Last);
        var decided = await DecidedAsync(a => (a.AnsweredByOfficerId ?? a.AssigneeOfficerId) == officerId && !a.AboutPoliceOfficer, from, to, cancellationToken);
        var ratings = await db.AppealRatings.AsNoTracking().Where(r => r.OfficerId == officerId && r.RatedOn >= from && r.RatedOn <= to).Select(r => r.Overall).ToListAsync(cancellationToken);
        var meetingHeld = await db.Meetings.AnyAsync(m => m.OfficerId == officerId && m.Kind == MeetingKind.QuarterlyReport && m.HeldOn >= from && m.HeldOn <= to, cancellationToken);
        var activities = await db.PreventiveActivities.CountAsync(a => a.OfficerId == officerId && a.DoneOn >= from && a.DoneOn <= to, cancellationToken);
        var upheld = await db.Appeals.CountAsync(a => a.ConcernedOfficerId == officerId && a.ComplaintUpheld == true && a.DecidedOn >= from && a.DecidedOn <= to, cancellationToken);
        var trustNow = await trust.BeatsOverallAsync(beatIds, quarter, cancellationToken);
        var trustBefore = await trust.BeatsOverallAsync(beatIds, quarter.Previous, cancellationToken);
        return new KpiFacts(decided.Count, decided.Count(d => d.OnTime), ratings.Count, ratings.Count == 0 ? null : ratings.Average(),
            trustBefore, trustNow, meetingHeld, activities, upheld);
    }

    private async Task<IReadOnlyList<DecidedAppeal>> DecidedAsync(System.Linq.Expressions.Expression<Func<Appeals.Appeal, bool>> filter, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await db.Appeals.AsNoTracking().Where(filter).Where(a => a.DecidedOn != null && a.DecidedOn >= from && a.DecidedOn <= to)
            .OrderBy(a => a.DecidedOn).ThenBy(a => a.Number)
            .Select(a => new DecidedAppeal(a.Number, a.DueDate, a.DecidedOn!.Value, a.DecidedOn <= a.DueDate, a.Rating == null ? null : a.Rating.Overall))
            .ToListAsync(cancellationToken);
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Evaluation;
using Uchastok.Rules.Trust;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;
using Uchastok.Web.Trust;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Evaluation;

public sealed record InspectorRow(int OfficerId, string Name, IReadOnlyList<string> Beats, InspectorEvaluation Evaluation, int? Rank, KpiFacts Facts);

public sealed record DistrictEvaluation(int DistrictId, string Quarter, KpiWeights Weights, IReadOnlyList<InspectorRow> Inspectors);

/// <summary>The records behind one inspector's numbers, one click from each.</summary>
public sealed record InspectorEvidence(
    InspectorRow Row, IReadOnlyList<DecidedAppeal> Decided, IReadOnlyList<DecidedAppeal> UpheldComplaints,
    IReadOnlyList<MeetingView> Meetings, IReadOnlyList<ActivityView> Activities);

public sealed record DecidedAppeal(string Number, DateOnly DueDate, DateOnly DecidedOn, bool OnTime, int? Rating);

public sealed record WeightsInput(IReadOnlyDictionary<string, double>? Weights, int? ActivitiesTarget);

public enum WeightsChange { Saved, DistrictNotFound, Forbidden, Invalid }

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

    /// <summary>The district's supervisor (or an administrator) changes its weights; a district that does not exist is told apart from one that is not his.</summary>
    public async Task<(WeightsChange Result, KpiWeights? Weights, FieldErrors Errors)> ChangeWeightsAsync(ClaimsPrincipal user, int districtId, WeightsInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken)) return (WeightsChange.DistrictNotFound, null, new FieldErrors());
        if (!ScopeClaims.ManagesDistrict(user, districtId)) return (WeightsChange.Forbidden, null, new FieldErrors());
        var (weights, errors) = await SetWeightsAsync(districtId, input, user, cancellationToken);
        return (weights is null ? WeightsChange.Invalid : WeightsChange.Saved, weights, errors);
    }

    private async Task<(KpiWeights? Weights, FieldErrors Errors)> SetWeightsAsync(int districtId, WeightsInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
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

    /// <summary>
    /// The district's evaluation in a few queries, whatever its size: each kind of record is read
    /// once for all its officers and grouped in memory. The inspectors are those holding a beat
    /// now and any inspector of the district with records in the quarter, so that a past quarter
    /// still shows someone who has since moved (with his current beats for the trust change).
    /// </summary>
    private async Task<DistrictEvaluation> EvaluateAsync(int districtId, Quarter quarter, CancellationToken cancellationToken)
    {
        var weights = await WeightsAsync(districtId, cancellationToken);
        var (first, last) = (quarter.First, quarter.Last);
        var officers = await db.Officers.AsNoTracking().Where(o => o.DistrictId == districtId && o.Position != OfficerPosition.HeadOfDistrictService)
            .Select(o => new { o.Id, o.Surname, o.GivenName }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var ids = officers.Keys.ToList();
        var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == districtId && b.IsActive && b.InspectorId != null)
            .OrderBy(b => b.Number).Select(b => new { b.Id, b.Code, InspectorId = b.InspectorId!.Value }).ToListAsync(cancellationToken);
        var beatsOf = beats.GroupBy(b => b.InspectorId).ToDictionary(g => g.Key, g => g.ToList());

        var decided = (await DecidedByInspectors(ids, first, last).Select(a => new { Officer = (a.AnsweredByOfficerId ?? a.AssigneeOfficerId)!.Value, OnTime = a.DecidedOn <= a.DueDate }).ToListAsync(cancellationToken))
            .GroupBy(a => a.Officer).ToDictionary(g => g.Key, g => (Count: g.Count(), OnTime: g.Count(a => a.OnTime)));
        var ratings = (await db.AppealRatings.AsNoTracking().Where(r => r.OfficerId != null && ids.Contains(r.OfficerId.Value) && r.RatedOn >= first && r.RatedOn <= last)
            .Select(r => new { Officer = r.OfficerId!.Value, r.Overall }).ToListAsync(cancellationToken)).GroupBy(r => r.Officer).ToDictionary(g => g.Key, g => g.Select(r => r.Overall).ToList());
        var reported = (await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.OfficerId) && m.Kind == MeetingKind.QuarterlyReport && m.Status == MeetingStatus.Held && m.HeldOn >= first && m.HeldOn <= last)
            .Select(m => m.OfficerId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var activities = await db.PreventiveActivities.AsNoTracking().Where(a => ids.Contains(a.OfficerId) && a.DoneOn >= first && a.DoneOn <= last)
            .GroupBy(a => a.OfficerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // A plan action of the prevention file done by the officer is a preventive activity too, counted from where it was recorded, never entered twice.
        var planActions = await db.PreventionActions.AsNoTracking().Where(a => a.DoneByOfficerId != null && ids.Contains(a.DoneByOfficerId.Value) && a.DoneOn >= first && a.DoneOn <= last)
            .GroupBy(a => a.DoneByOfficerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var done in planActions) activities[done.Key] = activities.GetValueOrDefault(done.Key) + done.Count;
        var upheld = (await UpheldAgainst(ids, first, last).Select(a => a.ConcernedOfficerId!.Value).ToListAsync(cancellationToken)).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var inspectors = ids.Where(id => beatsOf.ContainsKey(id) || decided.ContainsKey(id) || ratings.ContainsKey(id) || reported.Contains(id) || activities.ContainsKey(id) || upheld.ContainsKey(id)).ToList();
        var trustOf = await trust.BeatsOverallAsync(inspectors.ToDictionary(id => id, id => (IReadOnlyCollection<int>)(beatsOf.GetValueOrDefault(id)?.Select(b => b.Id).ToList() ?? [])), quarter, cancellationToken);

        var evaluated = new List<(InspectorRow Row, InspectorEvaluation Evaluation)>();
        foreach (var id in inspectors.OrderBy(id => beatsOf.TryGetValue(id, out var own) ? beats.IndexOf(own[0]) : int.MaxValue))
        {
            var (count, onTime) = decided.GetValueOrDefault(id);
            var rated = ratings.GetValueOrDefault(id) ?? [];
            var facts = new KpiFacts(count, onTime, rated.Count, rated.Count == 0 ? null : rated.Average(), trustOf[id].Before, trustOf[id].Now,
                reported.Contains(id), activities.GetValueOrDefault(id), upheld.GetValueOrDefault(id));
            var evaluation = InspectorKpis.Evaluate(facts, weights);
            var officer = officers[id];
            evaluated.Add((new InspectorRow(id, $"{officer.Surname} {officer.GivenName}", beatsOf.GetValueOrDefault(id)?.Select(b => b.Code).ToList() ?? [], evaluation, null, facts), evaluation));
        }
        var ranked = InspectorKpis.Rank(evaluated.Select(e => (e.Row, e.Evaluation)).ToList());
        return new DistrictEvaluation(districtId, quarter.ToString(), weights, ranked.Select(r => r.Inspector with { Rank = r.Rank }).ToList());
    }

    /// <summary>Appeals decided in the period that count for on-time answers: by the officer who answered (or held) them; complaints about officers aside.</summary>
    private IQueryable<Appeals.Appeal> DecidedByInspectors(IReadOnlyCollection<int> officerIds, DateOnly first, DateOnly last) =>
        db.Appeals.AsNoTracking().Where(a => a.DecidedOn != null && a.DecidedOn >= first && a.DecidedOn <= last && !a.AboutPoliceOfficer
            && (a.AnsweredByOfficerId ?? a.AssigneeOfficerId) != null && officerIds.Contains((a.AnsweredByOfficerId ?? a.AssigneeOfficerId)!.Value));

    /// <summary>Complaints about these officers decided in the period and found justified.</summary>
    private IQueryable<Appeals.Appeal> UpheldAgainst(IReadOnlyCollection<int> officerIds, DateOnly first, DateOnly last) =>
        db.Appeals.AsNoTracking().Where(a => a.ConcernedOfficerId != null && officerIds.Contains(a.ConcernedOfficerId.Value) && a.ComplaintUpheld == true
            && a.DecidedOn != null && a.DecidedOn >= first && a.DecidedOn <= last);

    /// <summary>One inspector's numbers and the records behind them: his own, his supervisor's, or an administrator's view. Null: not found or not allowed.</summary>
    public async Task<InspectorEvidence?> InspectorAsync(ClaimsPrincipal user, int officerId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        var officer = await db.Officers.AsNoTracking().Where(o => o.Id == officerId).Select(o => new { o.Id, o.DistrictId }).SingleOrDefaultAsync(cancellationToken);
        if (officer is null) return null;
        if (!ScopeClaims.IsInspector(user, officerId) && !ScopeClaims.ManagesDistrict(user, officer.DistrictId)) return null;
        // The rank is among the district's inspectors, so the one row comes from the district's evaluation.
        var district = await EvaluateAsync(officer.DistrictId, quarter, cancellationToken);
        var row = district.Inspectors.SingleOrDefault(i => i.OfficerId == officerId);
        if (row is null) return null;

        var (first, last) = (quarter.First, quarter.Last);
        var decided = await ListAsync(DecidedByInspectors([officerId], first, last), cancellationToken);
        var upheld = await ListAsync(UpheldAgainst([officerId], first, last), cancellationToken);
        var (meetings, activities) = await community.ForOfficerAsync(officerId, first, last, cancellationToken);
        return new InspectorEvidence(row, decided, upheld, meetings, activities);
    }

    private static async Task<IReadOnlyList<DecidedAppeal>> ListAsync(IQueryable<Appeals.Appeal> appeals, CancellationToken cancellationToken) =>
        await appeals.OrderBy(a => a.DecidedOn).ThenBy(a => a.Number)
            .Select(a => new DecidedAppeal(a.Number, a.DueDate, a.DecidedOn!.Value, a.DecidedOn <= a.DueDate, a.Rating == null ? null : a.Rating.Overall))
            .ToListAsync(cancellationToken);
}

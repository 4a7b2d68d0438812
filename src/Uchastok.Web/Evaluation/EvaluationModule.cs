using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Evaluation;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Trust;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Evaluation;

public sealed record KpiView(string Kpi, double? Raw, double? Score, string? Gap);

public sealed record InspectorView(int OfficerId, string Name, IReadOnlyList<string> Beats, int? Rank, double? Composite, IReadOnlyList<KpiView> Kpis, IReadOnlyList<string> Strengths, IReadOnlyList<string> Weaknesses)
{
    public static InspectorView Of(InspectorRow r) => new(r.OfficerId, r.Name, r.Beats, r.Rank, r.Evaluation.Composite is { } c ? InspectorKpis.Shown(c) : null,
        r.Evaluation.Values.Select(v => new KpiView(v.Kpi.ToString(), v.Raw is { } raw ? Math.Round(raw, 3) : null, v.Score is { } s ? Math.Round(s, 3) : null, v.Gap == KpiGap.None ? null : v.Gap.ToString())).ToList(),
        r.Evaluation.Strengths.Select(k => k.ToString()).ToList(), r.Evaluation.Weaknesses.Select(k => k.ToString()).ToList());
}

/// <summary>Inspector evaluation and incentives (C9): KPIs per quarter, weights, ranking with reasons.</summary>
public static class EvaluationModule
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<InspectorEvaluationQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/evaluation").WithTags("Evaluation");
        group.MapGet("/districts/{id:int}", async Task<IResult> (int id, string? quarter, HttpContext http, InspectorEvaluationQuery q, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (QuarterQuery.Parse(quarter, clock) is not { } qq) return Problems.BadRequest(l, "Trust.QuarterInvalid");
            if (await q.DistrictAsync(http.User, id, qq, ct) is not { } district) return Problems.NotFound(l, "Territory.DistrictNotFound");
            return TypedResults.Ok(new
            {
                district.DistrictId, district.Quarter,
                Weights = district.Weights.Weights.ToDictionary(w => w.Key.ToString(), w => w.Value), district.Weights.ActivitiesTarget,
                Inspectors = district.Inspectors.Select(InspectorView.Of).ToList(),
            });
        }).RequireAuthorization(Policies.TerritoryManagers).WithSummary("The district's inspectors ranked by the composite, with each KPI and the reasons.");
        group.MapPut("/districts/{id:int}/weights", async Task<IResult> (int id, WeightsInput body, HttpContext http, InspectorEvaluationQuery q, UchastokDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!await db.Districts.AnyAsync(d => d.Id == id, ct)) return Problems.NotFound(l, "Territory.DistrictNotFound");
            if (!ScopeClaims.ManagesDistrict(http.User, id)) return TypedResults.Forbid();
            var (weights, errors) = await q.SetWeightsAsync(id, body, http.User, ct);
            return weights is null ? Problems.Validation(l, errors) : TypedResults.Ok(new { Weights = weights.Weights.ToDictionary(w => w.Key.ToString(), w => w.Value), weights.ActivitiesTarget });
        }).RequireAuthorization(Policies.TerritoryManagers).WithSummary("Change the composite's weights and the activities target for the district.");
        group.MapGet("/inspectors/{id:int}", async Task<IResult> (int id, string? quarter, HttpContext http, InspectorEvaluationQuery q, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (QuarterQuery.Parse(quarter, clock) is not { } qq) return Problems.BadRequest(l, "Trust.QuarterInvalid");
            if (await q.InspectorAsync(http.User, id, qq, ct) is not { } evidence) return Problems.NotFound(l, "Officer.NotFound");
            // Upheld complaints go out as dates only: the complaint stays hidden from the officer it concerns.
            return TypedResults.Ok(new { Inspector = InspectorView.Of(evidence.Row), evidence.Decided, UpheldComplaints = evidence.UpheldComplaints.Select(c => c.DecidedOn).ToList(), evidence.Meetings, evidence.Activities });
        }).RequireAuthorization(Policies.Staff).WithSummary("One inspector's KPIs and the records behind them: the inspector himself, his supervisor, administrators.");
        return app;
    }
}

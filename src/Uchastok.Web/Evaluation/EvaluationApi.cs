using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Evaluation;

/// <summary>The evaluation API (C9): a district's ranking and weights for its supervisor, one inspector's evidence for himself and those above him.</summary>
public static class EvaluationApi
{
    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/evaluation").WithTags("Evaluation");
        var supervisors = api.MapGroup("/districts/{id:int}").RequireAuthorization(Policies.TerritoryManagers);
        supervisors.MapGet(string.Empty, DistrictAsync).WithSummary("The district's inspectors ranked by the composite, with each KPI and the reasons.");
        supervisors.MapPut("/weights", SetWeightsAsync).WithSummary("Change the composite's weights and the activities target for the district.");
        api.MapGet("/inspectors/{id:int}", InspectorAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("One inspector's KPIs and the records behind them: the inspector himself, his supervisor, administrators.");
        return app;
    }

    private static async Task<Results<Ok<DistrictEvaluationView>, ProblemHttpResult>> DistrictAsync(
        int id, string? quarter, ClaimsPrincipal user, InspectorEvaluationQuery query, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(quarter, clock) is not { } asked) return Problems.BadRequest(localizer, "Trust.QuarterInvalid");
        return await query.DistrictAsync(user, id, asked, cancellationToken) is { } district
            ? TypedResults.Ok(DistrictEvaluationView.Of(district))
            : Problems.NotFound(localizer, "Territory.DistrictNotFound");
    }

    private static async Task<Results<Ok<WeightsView>, ProblemHttpResult, ValidationProblem, ForbidHttpResult>> SetWeightsAsync(
        int id, WeightsInput body, ClaimsPrincipal user, InspectorEvaluationQuery query, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (result, weights, errors) = await query.ChangeWeightsAsync(user, id, body, cancellationToken);
        return result switch
        {
            WeightsChange.Saved => TypedResults.Ok(WeightsView.Of(weights!)),
            WeightsChange.DistrictNotFound => Problems.NotFound(localizer, "Territory.DistrictNotFound"),
            WeightsChange.Forbidden => TypedResults.Forbid(),
            _ => Problems.Validation(localizer, errors),
        };
    }

    private static async Task<Results<Ok<InspectorEvidenceView>, ProblemHttpResult>> InspectorAsync(
        int id, string? quarter, ClaimsPrincipal user, InspectorEvaluationQuery query, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(quarter, clock) is not { } asked) return Problems.BadRequest(localizer, "Trust.QuarterInvalid");
        return await query.InspectorAsync(user, id, asked, cancellationToken) is { } evidence
            ? TypedResults.Ok(InspectorEvidenceView.Of(evidence))
            : Problems.NotFound(localizer, "Officer.NotFound");
    }
}

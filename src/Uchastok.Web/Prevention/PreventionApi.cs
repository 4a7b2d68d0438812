using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Prevention;

/// <summary>The prevention file's API (issue 17); for now the categories of the preventive register.</summary>
public static class PreventionApi
{
    public static IEndpointRouteBuilder MapPreventionApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/prevention").RequireAuthorization(Policies.Staff).WithTags("Prevention");
        staff.MapGet("/categories", CategoriesAsync).WithSummary("The categories of the preventive register, active or not, in the administrators' order.");

        var admin = app.MapGroup("/api/v1/prevention").RequireAuthorization(Policies.Admin).WithTags("Prevention");
        admin.MapPost("/categories", AddCategoryAsync).WithSummary("Add a category with its legal basis, visit interval and retention period (both required, no default).");
        admin.MapPut("/categories/{id:int}", SaveCategoryAsync).WithSummary("Change a category (deactivate instead of deleting).");
        app.MapDomesticViolenceApi();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PreventionCategoryView>>> CategoriesAsync(PreventionCategoryAdministration categories, CancellationToken cancellationToken) =>
        TypedResults.Ok(await categories.ListAsync(cancellationToken));

    private static async Task<Results<Created<PreventionCategoryView>, ValidationProblem>> AddCategoryAsync(
        PreventionCategoryRequest body, PreventionCategoryAdministration categories, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (category, errors) = await categories.SaveAsync(null, body, cancellationToken);
        return category is not null ? TypedResults.Created($"/api/v1/prevention/categories/{category.Id}", category) : Problems.Validation(localizer, errors);
    }

    private static async Task<Results<Ok<PreventionCategoryView>, ProblemHttpResult, ValidationProblem>> SaveCategoryAsync(
        int id, PreventionCategoryRequest body, PreventionCategoryAdministration categories, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (category, errors) = await categories.SaveAsync(id, body, cancellationToken);
        if (category is not null) return TypedResults.Ok(category);
        return errors.Count > 0 ? Problems.Validation(localizer, errors) : Problems.NotFound(localizer, "Prevention.CategoryNotFound");
    }
}

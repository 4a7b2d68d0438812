using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

public sealed record KindTermRequest(int? WorkingDays);

public sealed record TemplateRequest(string? Subject, string? Body);

/// <summary>
/// The administrators' API for appeal reference data (categories, the term of each kind) and for
/// the messages appeals send (the outbox, its development sink, the templates).
/// </summary>
public static class AppealsAdministrationApi
{
    public static IEndpointRouteBuilder MapAppealsAdministrationApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Admin).WithTags("Administration");
        admin.MapGet("/appeal-categories", CategoriesAsync).WithSummary("All categories, active or not.");
        admin.MapPost("/appeal-categories", AddCategoryAsync).WithSummary("Add a category.");
        admin.MapPut("/appeal-categories/{id:int}", SaveCategoryAsync).WithSummary("Change a category (deactivate instead of deleting).");
        admin.MapGet("/appeal-kinds", KindTermsAsync).WithSummary("The term of each kind of appeal, in working days.");
        admin.MapPut("/appeal-kinds/{kind}", SetKindTermAsync).WithSummary("Set the term of a kind of appeal.");
        admin.MapGet("/outbox", OutboxAsync).WithSummary("Queued, sent and failed messages.");
        admin.MapPost("/outbox/{id:long}/retry", RetryAsync).WithSummary("Send a failed message again.");
        admin.MapGet("/outbox/sink", SinkAsync).WithSummary("Messages delivered to the development sink (no SMTP server or SMS gateway configured).");
        admin.MapGet("/notification-templates", TemplatesAsync).WithSummary("Message templates in three languages.");
        admin.MapPut("/notification-templates/{key}/{language}", SaveTemplateAsync).WithSummary("Change a message template.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CategoryView>>> CategoriesAsync(AppealAdministration administration, CancellationToken cancellationToken) =>
        TypedResults.Ok(await administration.CategoriesAsync(cancellationToken));

    private static async Task<Results<Created<CategoryView>, ValidationProblem>> AddCategoryAsync(
        CategoryInput body, AppealAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (category, errors) = await administration.SaveCategoryAsync(null, body, cancellationToken);
        return category is not null ? TypedResults.Created($"/api/v1/admin/appeal-categories/{category.Id}", category) : Problems.Validation(localizer, errors);
    }

    private static async Task<Results<Ok<CategoryView>, ProblemHttpResult, ValidationProblem>> SaveCategoryAsync(
        int id, CategoryInput body, AppealAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (category, errors) = await administration.SaveCategoryAsync(id, body, cancellationToken);
        if (category is not null) return TypedResults.Ok(category);
        return errors.Count > 0 ? Problems.Validation(localizer, errors) : Problems.NotFound(localizer, "Category.NotFound");
    }

    private static async Task<Ok<IReadOnlyList<KindTermView>>> KindTermsAsync(AppealAdministration administration, CancellationToken cancellationToken) =>
        TypedResults.Ok(await administration.KindTermsAsync(cancellationToken));

    private static async Task<Results<NoContent, ValidationProblem>> SetKindTermAsync(
        string kind, KindTermRequest body, AppealAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var errors = await administration.SetKindTermAsync(kind, body.WorkingDays, cancellationToken);
        return errors.Count == 0 ? TypedResults.NoContent() : Problems.Validation(localizer, errors);
    }

    private static async Task<Ok<IReadOnlyList<OutboxView>>> OutboxAsync(string? state, OutboxAdministration outbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.ListAsync(state, 200, cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> RetryAsync(
        long id, OutboxAdministration outbox, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await outbox.RetryAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound(localizer, "Outbox.NotFailed");

    private static async Task<Ok<IReadOnlyList<SinkView>>> SinkAsync(string? recipient, ClaimsPrincipal user, OutboxAdministration outbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.SinkAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, recipient, 100, cancellationToken));

    private static async Task<Ok<IReadOnlyList<TemplateView>>> TemplatesAsync(OutboxAdministration outbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.TemplatesAsync(cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SaveTemplateAsync(
        string key, string language, TemplateRequest body, OutboxAdministration outbox, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await outbox.SaveTemplateAsync(key, language, body.Subject, body.Body, cancellationToken) switch
        {
            null => Problems.NotFound(localizer, "Template.NotFound"),
            { Count: 0 } => TypedResults.NoContent(),
            var errors => Problems.Validation(localizer, errors),
        };
}

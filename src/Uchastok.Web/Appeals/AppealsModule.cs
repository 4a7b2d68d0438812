using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

public static class AppealsModule
{
    public static IServiceCollection AddAppeals(this IServiceCollection services)
    {
        services.AddSingleton<AppealCatalog>();
        services.AddScoped<AppealText>();
        services.AddScoped<AppealPlaces>();
        services.AddScoped<AppealNotifier>();
        services.AddScoped<FileAppealCommand>();
        services.AddScoped<TransitionAppealCommand>();
        services.AddScoped<AppealFeedbackCommands>();
        services.AddScoped<SubmitTipCommand>();
        services.AddScoped<RecoverTrackingLinkCommand>();
        services.AddScoped<ApplicantContactGate>();
        services.AddRateLimiter(options => options.AddPolicy<string, AppealFilingRateLimitPolicy>(AppealFilingRateLimitPolicy.Name));
        services.AddScoped<AppealQueries>();
        services.AddScoped<AppealAdministration>();
        services.AddSingleton<Shared.Data.INumberingGuard, AppealNumbering>();
        services.AddSingleton<AppealDeadlineJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AppealDeadlineJob>());
        return services;
    }

    /// <summary>The administrators' API for appeal reference data and the notification outbox.</summary>
    public static IEndpointRouteBuilder MapAppealsAdministrationApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Admin).WithTags("Administration");
        admin.MapGet("/appeal-categories", (AppealAdministration a, CancellationToken ct) => a.CategoriesAsync(ct)).WithSummary("All categories, active or not.");
        admin.MapPost("/appeal-categories", AddCategoryAsync).WithSummary("Add a category.");
        admin.MapPut("/appeal-categories/{id:int}", SaveCategoryAsync).WithSummary("Change a category (deactivate instead of deleting).");
        admin.MapGet("/appeal-kinds", (AppealAdministration a, CancellationToken ct) => a.KindTermsAsync(ct)).WithSummary("The term of each kind of appeal, in working days.");
        admin.MapPut("/appeal-kinds/{kind}", SetKindTermAsync).WithSummary("Set the term of a kind of appeal.");
        admin.MapGet("/outbox", (string? state, OutboxAdministration o, CancellationToken ct) => o.ListAsync(state, 200, ct)).WithSummary("Queued, sent and failed messages.");
        admin.MapPost("/outbox/{id:long}/retry", async (long id, OutboxAdministration o, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await o.RetryAsync(id, ct) ? Results.NoContent() : Problems.NotFound(l, "Outbox.NotFailed")).WithSummary("Send a failed message again.");
        admin.MapGet("/outbox/sink", (string? recipient, ClaimsPrincipal user, OutboxAdministration o, CancellationToken ct) => o.SinkAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, recipient, 100, ct))
            .WithSummary("Messages delivered to the development sink (no SMTP server or SMS gateway configured).");
        admin.MapGet("/notification-templates", (OutboxAdministration o, CancellationToken ct) => o.TemplatesAsync(ct)).WithSummary("Message templates in three languages.");
        admin.MapPut("/notification-templates/{key}/{language}", async (string key, string language, TemplateRequest body, OutboxAdministration o, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await o.SaveTemplateAsync(key, language, body.Subject, body.Body, ct) switch
            {
                null => Problems.NotFound(l, "Template.NotFound"),
                { Count: 0 } => Results.NoContent(),
                var errors => Problems.Validation(l, errors),
            }).WithSummary("Change a message template.");
        return app;
    }

    private static async Task<IResult> AddCategoryAsync(CategoryInput body, AppealAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (category, errors) = await administration.SaveCategoryAsync(null, body, cancellationToken);
        return category is not null ? TypedResults.Created($"/api/v1/admin/appeal-categories/{category.Id}", category) : Problems.Validation(localizer, errors);
    }

    private static async Task<IResult> SetKindTermAsync(string kind, KindTermRequest body, AppealAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var errors = await administration.SetKindTermAsync(kind, body.WorkingDays, cancellationToken);
        return errors.Count == 0 ? TypedResults.NoContent() : Problems.Validation(localizer, errors);
    }

    private static async Task<IResult> SaveCategoryAsync(int id, CategoryInput body, AppealAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (category, errors) = await administration.SaveCategoryAsync(id, body, cancellationToken);
        if (category is not null) return TypedResults.Ok(category);
        return errors.Count > 0 ? Problems.Validation(localizer, errors) : Problems.NotFound(localizer, "Category.NotFound");
    }
}

public sealed record KindTermRequest(int? WorkingDays);

public sealed record TemplateRequest(string? Subject, string? Body);

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Prevention;

/// <summary>
/// The prevention file's API (issue 17): the categories administrators keep, the register, a person's file,
/// its plan and events, the inspector's day and the district's overdue board. The register's routes ask only
/// for a signed-in account: whether a record exists for the caller is <c>PreventionAccess</c>'s decision, and
/// outside it the answer is 404 — to a resident, a partner or another beat's inspector alike.
/// </summary>
public static class PreventionApi
{
    public static IEndpointRouteBuilder MapPreventionApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/prevention").RequireAuthorization(Policies.Staff).WithTags("Prevention");
        staff.MapGet("/categories", CategoriesAsync).WithSummary("The categories of the preventive register, active or not, in the administrators' order.");

        var admin = app.MapGroup("/api/v1/prevention").RequireAuthorization(Policies.Admin).WithTags("Prevention");
        admin.MapPost("/categories", AddCategoryAsync).WithSummary("Add a category with its legal basis, visit interval and retention period (both required, no default).");
        admin.MapPut("/categories/{id:int}", SaveCategoryAsync).WithSummary("Change a category (deactivate instead of deleting).");

        var file = app.MapGroup("/api/v1/prevention").RequireAuthorization().WithTags("Prevention");
        file.MapGet("/entries", RegisterAsync).WithSummary("The register in the caller's scope, by name, a page at a time (pass the answer's next as after). q: an exact IIN or the start of a name; a search is logged.");
        file.MapPost("/entries", PutOnRecordAsync).WithSummary("Put a person on the register; the plan starts with its first visit.");
        file.MapGet("/entries/{id:long}", FileAsync).WithSummary("A person's file with plan and history; the read is logged. Duplicates and the access history for the supervisor and the administrator.");
        file.MapPost("/entries/{id:long}/events", RecordEventAsync).WithSummary("Record a breach of supervision, a new offence, a new address, a move to another beat, or the removal.");
        file.MapPost("/entries/{id:long}/actions", AddActionAsync).WithSummary("Add an action to the person's prevention plan.");
        file.MapPut("/actions/{id:long}/due", RescheduleAsync).WithSummary("Move an open plan action to another day.");
        file.MapPost("/actions/{id:long}/done", RecordDoneAsync).WithSummary("Record a plan action as done (when, where, what); it counts as a preventive activity.");
        file.MapGet("/day", DayAsync).WithSummary("The inspector's day: plan actions due today or overdue on his beats, in route order from his reception point; with date, a day up to two weeks ahead.");
        file.MapGet("/overdue", OverdueAsync).WithSummary("The district board's overdue plan actions per inspector (counts only).");
        file.MapGet("/juvenile/deliveries", DeliveriesAsync).WithSummary("Minors taken home, in the caller's scope, newest first; the read is logged.");
        file.MapPost("/juvenile/deliveries", RecordDeliveryAsync).WithSummary("Record a minor taken home: whom, to whom, when, by whom.");
        file.MapGet("/juvenile/places", PlacesAsync).WithSummary("Places where groups of minors gather, in the caller's scope (staff only, never public).");
        file.MapPost("/juvenile/places", AddPlaceAsync).WithSummary("Mark a place where groups of minors gather.");
        file.MapPost("/juvenile/places/{id:int}/close", ClosePlaceAsync).WithSummary("Close a place no longer in use (it stays on record).");
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

    private static async Task<Results<Ok<PreventionRegisterPage>, ProblemHttpResult>> RegisterAsync(
        ClaimsPrincipal user, PreventionRegister register, PreventionRegisterCursor cursors, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] int? district = null, [FromQuery] int? beat = null, [FromQuery] string? category = null, [FromQuery] bool removed = false,
        [FromQuery] bool overdue = false, [FromQuery] string? q = null, [FromQuery] string? after = null, [FromQuery] int take = PreventionRegister.DefaultPage)
    {
        PreventionRegisterPosition? position = null;
        if (!string.IsNullOrEmpty(after) && (position = cursors.Read(after)) is null) return Problems.BadRequest(localizer, "Prevention.CursorInvalid");
        var page = await register.ListAsync(user, new PreventionRegisterFilter(district, beat, category, removed, overdue, q, position, take), cancellationToken);
        return page is null ? NotFound(localizer) : TypedResults.Ok(page);
    }

    private static async Task<Results<Created<PreventionFileView>, ValidationProblem, ProblemHttpResult>> PutOnRecordAsync(
        PreventionEntryRequest body, ClaimsPrincipal user, PreventionRegister register, PreventionScope scope, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (register.InScope(await scope.ActorAsync(user, cancellationToken)) is null) return NotFound(localizer);
        var (file, errors) = await register.PutOnRecordAsync(user, body, cancellationToken);
        return file is not null ? TypedResults.Created($"/api/v1/prevention/entries/{file.Id}", file) : Problems.Validation(localizer, errors);
    }

    private static async Task<Results<Ok<PreventionFileView>, ProblemHttpResult>> FileAsync(
        long id, ClaimsPrincipal user, PreventionRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? purpose = null)
    {
        var file = await register.FileAsync(user, id, Purpose(purpose, "file read over the API"), cancellationToken);
        return file is null ? NotFound(localizer) : TypedResults.Ok(file);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordEventAsync(
        long id, PreventionEventRequest body, ClaimsPrincipal user, PreventionRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (result, errors) = await register.RecordEventAsync(user, id, body, cancellationToken);
        return Written(result, errors, localizer);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddActionAsync(
        long id, PlanActionRequest body, ClaimsPrincipal user, PreventionPlans plans, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (result, errors) = await plans.AddActionAsync(user, id, body, cancellationToken);
        return Written(result, errors, localizer);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        long id, PlanActionDueRequest body, ClaimsPrincipal user, PreventionPlans plans, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (result, errors) = await plans.RescheduleAsync(user, id, body, cancellationToken: cancellationToken);
        return Written(result, errors, localizer);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordDoneAsync(
        long id, PlanActionDoneRequest body, ClaimsPrincipal user, PreventionPlans plans, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (result, errors) = await plans.RecordDoneAsync(user, id, body, cancellationToken: cancellationToken);
        return Written(result, errors, localizer);
    }

    /// <summary>The day is kept per node (<see cref="PreventionDayCache"/>) and opened again and again in a shift: its body is serialized once.</summary>
    private static async Task<Results<SerializedOnceOk<InspectorDayView>, ProblemHttpResult, ValidationProblem>> DayAsync(
        ClaimsPrincipal user, PreventionPlans plans, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] int? officerId = null, [FromQuery] DateOnly? date = null)
    {
        if (date is { } on && !plans.MayShowDay(on))
        {
            var errors = new FieldErrors();
            errors.Add("date", localizer["PreventionDay.DateOutOfRange", PreventionPlans.DaysAhead]);
            return Problems.Validation(localizer, errors);
        }
        var day = await plans.DayAsync(user, officerId, date, cancellationToken);
        return day is null ? NotFound(localizer) : new SerializedOnceOk<InspectorDayView>(day);
    }

    private static async Task<Results<Ok<IReadOnlyList<PreventionOverdueRow>>, ProblemHttpResult>> OverdueAsync(
        ClaimsPrincipal user, PreventionPlans plans, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken, [FromQuery] int? districtId = null)
    {
        var district = districtId ?? ScopeClaims.District(user);
        if (district is null || !ScopeClaims.ManagesDistrict(user, district.Value)) return NotFound(localizer);
        return TypedResults.Ok(await plans.OverdueAsync(district.Value, cancellationToken));
    }

    private static ProblemHttpResult NotFound(IStringLocalizer localizer) => Problems.NotFound(localizer, "Prevention.FileNotFound");

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Written(PreventionWriteResult result, FieldErrors errors, IStringLocalizer localizer) => result switch
    {
        PreventionWriteResult.Done => TypedResults.NoContent(),
        PreventionWriteResult.Invalid => Problems.Validation(localizer, errors),
        PreventionWriteResult.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Prevention.ReadOnly"),
        PreventionWriteResult.Conflict => Problems.Status(localizer, StatusCodes.Status409Conflict, "Prevention.Conflict"),
        _ => NotFound(localizer),
    };

    /// <summary>The purpose a client gives for a read, kept short; the default names the channel.</summary>
    private static string Purpose(string? given, string fallback) =>
        string.IsNullOrWhiteSpace(given) ? fallback : given.Trim()[..Math.Min(given.Trim().Length, 200)];

    private static async Task<Results<Ok<IReadOnlyList<JuvenileDeliveryView>>, ProblemHttpResult>> DeliveriesAsync(
        ClaimsPrincipal user, JuvenileRecords juveniles, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken, [FromQuery] int take = 100)
    {
        var list = await juveniles.DeliveriesAsync(user, take, cancellationToken);
        return list is null ? NotFound(localizer) : TypedResults.Ok(list);
    }

    private static async Task<Results<Created<JuvenileDeliveryView>, ValidationProblem, ProblemHttpResult>> RecordDeliveryAsync(
        JuvenileDeliveryRequest body, ClaimsPrincipal user, JuvenileRecords juveniles, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (delivery, errors, result) = await juveniles.RecordDeliveryAsync(user, body, cancellationToken);
        if (delivery is not null) return TypedResults.Created($"/api/v1/prevention/juvenile/deliveries/{delivery.Id}", delivery);
        return result == PreventionWriteResult.Invalid ? Problems.Validation(localizer, errors) : NotFound(localizer);
    }

    private static async Task<Results<Ok<IReadOnlyList<GatheringPlaceView>>, ProblemHttpResult>> PlacesAsync(
        ClaimsPrincipal user, JuvenileRecords juveniles, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var list = await juveniles.PlacesAsync(user, cancellationToken);
        return list is null ? NotFound(localizer) : TypedResults.Ok(list);
    }

    private static async Task<Results<Created<GatheringPlaceView>, ValidationProblem, ProblemHttpResult>> AddPlaceAsync(
        GatheringPlaceRequest body, ClaimsPrincipal user, JuvenileRecords juveniles, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (place, errors, result) = await juveniles.AddPlaceAsync(user, body, cancellationToken);
        if (place is not null) return TypedResults.Created($"/api/v1/prevention/juvenile/places/{place.Id}", place);
        return result == PreventionWriteResult.Invalid ? Problems.Validation(localizer, errors) : NotFound(localizer);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ClosePlaceAsync(
        int id, ClaimsPrincipal user, JuvenileRecords juveniles, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Written(await juveniles.ClosePlaceAsync(user, id, cancellationToken), new FieldErrors(), localizer);
}

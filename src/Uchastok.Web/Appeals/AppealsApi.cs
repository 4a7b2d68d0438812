using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

public sealed record FiledAppealResponse(
    string Number, string TrackingToken, string TrackingUrl, string Status, DateTime ReceivedAt, DateOnly DueDate,
    FiledBeat? Beat, PlaceRef? District, FiledAssignee? Assignee);

/// <param name="ComplaintUpheld">With the answer to a complaint about an officer: whether it was found justified.</param>
public sealed record TransitionRequest(string? Reason, string? Answer, string? ForwardTo, string? DueDate, int? OfficerId, bool? ComplaintUpheld = null);

public sealed record NoteRequest(string? Note);

public sealed record ContactCodeRequest(string? Code);

public sealed record TipResponse(long Id, string Message);

public sealed record CategoryOption(int Id, string Code, string Name);

/// <summary>
/// The appeals API (C3–C5): filing, tracking, the staff queue and every lifecycle action. The
/// same commands and queries serve the pages, so both follow the same rules.
/// </summary>
public static class AppealsApi
{
    private static readonly Dictionary<string, AppealAction> ActionsByRoute = new(StringComparer.OrdinalIgnoreCase)
    {
        ["assign"] = AppealAction.Assign,
        ["start"] = AppealAction.Start,
        ["answer"] = AppealAction.Answer,
        ["forward"] = AppealAction.Forward,
        ["extend"] = AppealAction.Extend,
        ["leave-without-consideration"] = AppealAction.LeaveWithoutConsideration,
        ["confirm"] = AppealAction.Confirm,
        ["contest"] = AppealAction.Contest,
    };

    public static IEndpointRouteBuilder MapAppealsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Appeals");
        var open = api.MapGroup(string.Empty).AllowAnonymous();
        open.MapPost("/appeals", FileAsync).DisableAntiforgery().RequireRateLimiting(AppealFilingRateLimitPolicy.Name)
            .WithSummary("File an appeal (JSON, or multipart/form-data with up to 5 attachments). Send an Idempotency-Key header to make retries safe.");
        open.MapGet("/appeals/track/{token}", TrackAsync).WithSummary("An appeal by its private tracking token.");
        open.MapPost("/appeals/track/{token}/rating", RateByTokenAsync).WithSummary("Rate the service, once, after the answer.");
        open.MapPost("/appeals/track/{token}/{action}", ActByTokenAsync).WithSummary("Confirm or contest the answer (applicant, by tracking token).");
        open.MapGet("/appeals/track/{token}/attachments/{attachmentId:long}", AttachmentByTokenAsync).ProducesAttachment().WithSummary("An attachment of the appeal.");
        open.MapGet("/appeal-categories", CategoriesAsync).WithSummary("The categories an appeal can be filed under.");
        open.MapPost("/appeals/track/{token}/contact/confirm", ConfirmContactAsync)
            .WithSummary("Confirm the applicant's phone or e-mail with the code its first message carried; until then it gets at most one message a day.");
        open.MapPost("/tips", TipAsync).RequireRateLimiting(AppealFilingRateLimitPolicy.Name).WithSummary("An anonymous report of an offence: goes to the district's duty list, not into the appeal lifecycle.");

        var signedIn = api.MapGroup("/appeals").RequireAuthorization();
        signedIn.MapGet(string.Empty, ListAsync).WithSummary("My appeals (residents) or my queue (staff), soonest due first.");
        signedIn.MapGet("/{number}", GetAsync).WithSummary("An appeal, for its applicant or staff in scope.");
        signedIn.MapGet("/{number}/attachments/{attachmentId:long}", AttachmentAsync).ProducesAttachment().WithSummary("An attachment of the appeal.");
        signedIn.MapPost("/{number}/rating", RateAsync).WithSummary("Rate the service, once, after the answer (applicant).");
        signedIn.MapPost("/{number}/notes", NoteAsync).RequireAuthorization(Policies.Staff).WithSummary("Add an internal note; never shown to the applicant.");
        signedIn.MapPost("/{number}/{action}", ActAsync)
            .WithSummary("assign, start, answer, forward, extend, leave-without-consideration, confirm or contest.");

        var supervisors = api.MapGroup(string.Empty).RequireAuthorization(Policies.TerritoryManagers);
        supervisors.MapGet("/districts/{districtId:int}/appeal-board", BoardAsync).WithSummary("Per officer: open, due soon, overdue, on-time share over 90 days, mean rating.");
        supervisors.MapGet("/districts/{districtId:int}/tips", TipsAsync).WithSummary("The district's duty list of anonymous tips.");
        supervisors.MapPost("/tips/{tipId:long}/review", ReviewTipAsync).WithSummary("Mark a tip reviewed, with what was done.");
        api.MapGet("/officers/{officerId:int}/rating", OfficerRatingAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("An officer's ratings: mean, count, distribution, qualities, quarterly trend.");
        return app;
    }

    /// <summary>An attachment is a file of one of the kinds filing accepts (see AttachmentRules).</summary>
    private static RouteHandlerBuilder ProducesAttachment(this RouteHandlerBuilder route) => route.ProducesFile("image/jpeg", "image/png", "application/pdf");

    private static async Task<Results<Created<FiledAppealResponse>, ProblemHttpResult, ValidationProblem>> FileAsync(
        HttpRequest request, ClaimsPrincipal user, FileAppealCommand command, AppealNotifier notifier, AppealText text,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (input, files, unreadable) = await ReadAppealAsync(request, cancellationToken);
        if (unreadable is not null) return Problems.UnreadableField(localizer, unreadable);
        if (input is null) return Problems.BadRequest(localizer, "Appeal.BodyRequired");
        var result = await command.ExecuteAsync(input, files, user, request.Headers["Idempotency-Key"].ToString(), FilingSource.Api, cancellationToken);
        if (result.TooMany) return Problems.Status(localizer, StatusCodes.Status429TooManyRequests, "Appeal.TooManyForContact");
        if (!result.Succeeded) return Problems.Validation(localizer, result.Errors);

        var filed = result.Filed!;
        var appeal = filed.Appeal;
        var response = new FiledAppealResponse(
            appeal.Number, filed.TrackingToken, notifier.TrackingLink(filed.TrackingToken), AppealText.ApiName(appeal.State), appeal.ReceivedAtUtc, appeal.DueDate,
            filed.Beat, filed.District, filed.Assignee);
        if (filed.Replayed) request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created($"/api/v1/appeals/{appeal.Number}", response);
    }

    /// <summary>
    /// Reads the appeal from JSON or from a multipart form with files. A malformed body is no input (a 400, not an exception);
    /// a value of the wrong type names its field (<see cref="JsonBody"/>).
    /// </summary>
    private static async Task<(AppealInput? Input, List<AttachmentUpload> Files, string? UnreadableField)> ReadAppealAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var files = new List<AttachmentUpload>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var input = AppealForm.Bind(form);
            foreach (var file in form.Files.Where(f => f.Name == "attachments"))
                files.Add(await AppealForm.ReadAsync(file, cancellationToken));
            return (input, files, null);
        }
        var body = await JsonBody.ReadAsync<AppealInput>(request, cancellationToken);
        return (body.Value, files, body.UnreadableField);
    }

    private static async Task<Results<Ok<AppealDetail>, ProblemHttpResult>> TrackAsync(
        string token, AppealQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await queries.ByTokenAsync(token, cancellationToken) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound(localizer, "Appeal.NotFound");

    private static async Task<Results<Ok<AppealDetail>, ProblemHttpResult>> GetAsync(
        string number, ClaimsPrincipal user, AppealQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        AppealNumber.TryNormalize(number, out var canonical) && await queries.ByNumberAsync(canonical, user, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.NotFound(localizer, "Appeal.NotFound");

    private static async Task<Ok<IReadOnlyList<AppealListItem>>> ListAsync(
        ClaimsPrincipal user, AppealQueries queries, string? state, string? kind, bool? overdue, bool? dueSoon, int? assignee, string? q, CancellationToken cancellationToken)
    {
        var access = AppealAccess.For(user);
        return access.IsStaff
            ? TypedResults.Ok(await queries.QueueAsync(user, new QueueFilter(state, kind, overdue == true, dueSoon == true, assignee, q), cancellationToken))
            : TypedResults.Ok(await queries.MineAsync(user, cancellationToken));
    }

    private static async Task<Results<Ok<AppealDetail>, ProblemHttpResult, ValidationProblem>> ActAsync(
        string number, string action, TransitionRequest? body, ClaimsPrincipal user, TransitionAppealCommand command, AppealQueries queries,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!ActionsByRoute.TryGetValue(action, out var appealAction) || !AppealNumber.TryNormalize(number, out var canonical))
            return Problems.NotFound(localizer, "Appeal.NotFound");
        var (input, problem) = Input(body, localizer);
        if (problem is not null) return problem;
        var outcome = await command.ExecuteAsync(canonical, appealAction, input!, user, cancellationToken: cancellationToken);
        if (!outcome.Succeeded) return Outcome(outcome, localizer);
        return TypedResults.Ok((await queries.ByNumberAsync(canonical, user, cancellationToken))!);
    }

    private static async Task<Results<Ok<AppealDetail>, ProblemHttpResult, ValidationProblem>> ActByTokenAsync(
        string token, string action, TransitionRequest? body, ClaimsPrincipal user, TransitionAppealCommand command, AppealQueries queries,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!ActionsByRoute.TryGetValue(action, out var appealAction) || appealAction is not (AppealAction.Confirm or AppealAction.Contest))
            return Problems.NotFound(localizer, "Appeal.NotFound");
        var (input, problem) = Input(body, localizer);
        if (problem is not null) return problem;
        var outcome = await command.ExecuteAsync(string.Empty, appealAction, input!, user, token, cancellationToken);
        if (!outcome.Succeeded) return Outcome(outcome, localizer);
        return TypedResults.Ok((await queries.ByTokenAsync(token, cancellationToken))!);
    }

    private static async Task<Results<Ok<AppealDetail>, ProblemHttpResult, ValidationProblem>> RateAsync(
        string number, RatingInput body, ClaimsPrincipal user, AppealFeedbackCommands feedback, AppealQueries queries,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!AppealNumber.TryNormalize(number, out var canonical)) return Problems.NotFound(localizer, "Appeal.NotFound");
        var outcome = await feedback.RateAsync(canonical, null, body, user, cancellationToken);
        if (!outcome.Succeeded) return Outcome(outcome, localizer);
        return TypedResults.Ok((await queries.ByNumberAsync(canonical, user, cancellationToken))!);
    }

    private static async Task<Results<Ok<AppealDetail>, ProblemHttpResult, ValidationProblem>> RateByTokenAsync(
        string token, RatingInput body, ClaimsPrincipal user, AppealFeedbackCommands feedback, AppealQueries queries,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var outcome = await feedback.RateAsync(null, token, body, user, cancellationToken);
        if (!outcome.Succeeded) return Outcome(outcome, localizer);
        return TypedResults.Ok((await queries.ByTokenAsync(token, cancellationToken))!);
    }

    private static async Task<Results<Ok<AppealDetail>, ProblemHttpResult, ValidationProblem>> NoteAsync(
        string number, NoteRequest body, ClaimsPrincipal user, AppealFeedbackCommands feedback, AppealQueries queries,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!AppealNumber.TryNormalize(number, out var canonical)) return Problems.NotFound(localizer, "Appeal.NotFound");
        var outcome = await feedback.AddNoteAsync(canonical, body.Note, user, cancellationToken);
        if (!outcome.Succeeded) return Outcome(outcome, localizer);
        return TypedResults.Ok((await queries.ByNumberAsync(canonical, user, cancellationToken))!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AttachmentAsync(
        string number, long attachmentId, ClaimsPrincipal user, AppealQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        File(AppealNumber.TryNormalize(number, out var canonical) ? await queries.AttachmentAsync(canonical, null, attachmentId, user, cancellationToken) : null, localizer);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AttachmentByTokenAsync(
        string token, long attachmentId, ClaimsPrincipal user, AppealQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        File(await queries.AttachmentAsync(null, token, attachmentId, user, cancellationToken), localizer);

    private static Results<FileContentHttpResult, ProblemHttpResult> File(AppealAttachment? attachment, IStringLocalizer localizer) =>
        attachment is null
            ? Problems.NotFound(localizer, "Appeal.NotFound")
            : TypedResults.File(attachment.Content, attachment.ContentType, attachment.FileName);

    private static async Task<Ok<CategoryOption[]>> CategoriesAsync(AppealCatalog catalog, AppealText text, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.CategoriesAsync(cancellationToken)).Where(c => c.IsActive).Select(c => new CategoryOption(c.Id, c.Code, text.Category(c))).ToArray());

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmContactAsync(
        string token, ContactCodeRequest body, ApplicantContactGate contacts, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await contacts.ConfirmByTrackingTokenAsync(token, body.Code, cancellationToken) switch
        {
            null => Problems.NotFound(localizer, "Appeal.NotFound"),
            true => TypedResults.NoContent(),
            false => Problems.BadRequest(localizer, "Appeal.ContactCodeWrong"),
        };

    private static async Task<Results<Accepted<TipResponse>, ValidationProblem>> TipAsync(TipInput body, SubmitTipCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await command.ExecuteAsync(body, cancellationToken);
        return result.Succeeded
            ? TypedResults.Accepted((string?)null, new TipResponse(result.Tip!.Id, localizer["Tip.Received"]))
            : Problems.Validation(localizer, result.Errors);
    }

    private static async Task<Results<Ok<DistrictBoard>, ProblemHttpResult>> BoardAsync(int districtId, ClaimsPrincipal user, AppealQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await queries.BoardAsync(user, districtId, cancellationToken) is { } board ? TypedResults.Ok(board) : Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope");

    private static async Task<Results<Ok<IReadOnlyList<TipView>>, ProblemHttpResult>> TipsAsync(int districtId, ClaimsPrincipal user, AppealQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await queries.TipsAsync(user, districtId, cancellationToken) is { } tips ? TypedResults.Ok(tips) : Problems.Status(localizer, StatusCodes.Status403Forbidden, "Territory.OutOfScope");

    private static async Task<Results<NoContent, ProblemHttpResult>> ReviewTipAsync(
        long tipId, NoteRequest body, ClaimsPrincipal user, AppealAdministration administration, TimeProvider clock,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await administration.ReviewTipAsync(user, tipId, body.Note, clock, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound(localizer, "Tip.NotFound");

    private static async Task<Results<Ok<OfficerRatingView>, ProblemHttpResult>> OfficerRatingAsync(int officerId, ClaimsPrincipal user, AppealQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await queries.OfficerRatingAsync(user, officerId, cancellationToken) is { } rating ? TypedResults.Ok(rating) : Problems.NotFound(localizer, "Officer.NotFound");

    internal static (TransitionInput? Input, ValidationProblem? Problem) Input(TransitionRequest? body, IStringLocalizer localizer)
    {
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(body?.DueDate))
        {
            if (!DateOnly.TryParseExact(body.DueDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                var errors = new FieldErrors();
                errors.Add("dueDate", localizer["Appeal.DueDateInvalid"]);
                return (null, Problems.Validation(localizer, errors));
            }
            due = parsed;
        }
        return (new TransitionInput(body?.Reason, body?.Answer, body?.ForwardTo, due, body?.OfficerId, body?.ComplaintUpheld), null);
    }

    /// <summary>The HTTP answer for an action that did not happen: 404 unseen, 403 not yours, 400 bad input, 409 not now.</summary>
    internal static Results<Ok<AppealDetail>, ProblemHttpResult, ValidationProblem> Outcome(TransitionOutcome outcome, IStringLocalizer localizer) => outcome.Result switch
    {
        TransitionResult.NotFound => Problems.NotFound(localizer, "Appeal.NotFound"),
        TransitionResult.Invalid => Problems.Validation(localizer, outcome.Errors),
        TransitionResult.Forbidden => TypedResults.Problem(title: localizer["Problem.403"], detail: outcome.Message, statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.Problem(title: localizer["Problem.409"], detail: outcome.Message, statusCode: StatusCodes.Status409Conflict),
    };
}

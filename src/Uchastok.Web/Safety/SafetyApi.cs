using System.Security.Claims;
using Uchastok.Rules.Safety;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

/// <summary>
/// The safety API (issue 19): anyone files a quick report, anonymously or, signed in as a resident, signed; the
/// beat's inspector, the district's supervisor and administrators read them. The same command serves the page.
/// </summary>
public static class SafetyApi
{
    public static IEndpointRouteBuilder MapSafetyApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/safety").AllowAnonymous().WithTags("Safety");
        open.MapPost("/reports", FileReportAsync).DisableAntiforgery().RequireRateLimiting(SafetyReportRateLimitPolicy.Name)
            .Accepts<SafetyReportRequest>("application/json", "multipart/form-data")
            .WithSummary("File a quick report (JSON, or multipart/form-data with a JPEG or PNG photo of at most 5 MB in 'photo'). Not an emergency line: a text that reads like danger now is answered 409 until notHappeningNow is true.");

        var staff = app.MapGroup("/api/v1/safety").RequireAuthorization(Policies.Staff).WithTags("Safety");
        staff.MapGet("/reports", ReportsAsync).WithSummary("Quick reports in the caller's scope (inspector: his beats; supervisor: his district; administrator: all), newest first; each report read is logged.");
        staff.MapPost("/reports/{id:long}/notice", NoticeAsync).Accepts<SafetyNoticeRequest>("application/json")
            .WithSummary("Write a safety notice from a report to its beat's confirmed subscribers (and the district's), in one or more of kk/ru/en (each subscriber gets his language or Kazakh, Russian, English in that order): the beat's inspector or the district's supervisor only; the report's text is never sent. At most Safety:NoticesPerAccountPerHour (5) an hour per account.");
        staff.MapGet("/reports/{id:long}/photo", PhotoAsync).ProducesFile("image/jpeg", "image/png").WithSummary("A report's photo, without its metadata; the opening is logged.");
        return app;
    }

    private static async Task<Results<Created<SafetyReportReceiptView>, ValidationProblem, ProblemHttpResult>> FileReportAsync(
        HttpRequest request, ClaimsPrincipal user, SubmitSafetyReportCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        SafetyReportInput input;
        if (request.HasFormContentType)
        {
            // A form post is what another site can make its visitors' browsers send without asking (JSON needs CORS, which
            // Uchastok does not grant): from a browser, it must come from this site. Clients that are not browsers send neither header.
            if (!CrossSiteApiWrites.SameOrigin(request)) return Problems.BadRequest(localizer, "Antiforgery.CrossSite");
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
            {
                // A value or a body beyond the form limits (in practice a photo far too large): said in the caller's language, not a 500.
                return Problems.BadRequest(localizer, "Safety.PhotoTooLarge", SafetyPhoto.MaxBytes / (1024 * 1024));
            }
            input = await SafetyForm.ReadAsync(form, cancellationToken);
        }
        else
        {
            var read = await JsonBody.ReadAsync<SafetyReportRequest>(request, cancellationToken);
            if (read.UnreadableField is { } field)
            {
                // A value of the wrong type ("lat": "abc") names its field, as for any other bad input.
                var errors = new FieldErrors();
                errors.Add(field, localizer["Appeal.FieldUnreadable"]);
                return Problems.Validation(localizer, errors);
            }
            if (read.Value is not { } body) return Problems.BadRequest(localizer, "Safety.BodyRequired");
            input = new SafetyReportInput(body.Category, body.Lat, body.Lon, body.AddressText, body.DistrictId, body.Text, null, body.NotHappeningNow, body.Sign);
        }

        var result = await command.ExecuteAsync(input, user, cancellationToken);
        return result.Outcome switch
        {
            SafetyReportOutcome.Filed => TypedResults.Created((string?)null, Receipt(result.Receipt!, localizer)),
            SafetyReportOutcome.AskEmergency => Problems.Status(localizer, StatusCodes.Status409Conflict, "Safety.AskEmergency"),
            _ => Problems.Validation(localizer, result.Errors),
        };
    }

    public static SafetyReportReceiptView Receipt(SafetyReportReceipt receipt, IStringLocalizer localizer) =>
        new(receipt.Reference, receipt.PlaceLocated, receipt.DistrictName, receipt.BeatCode, receipt.Signed,
            receipt.DistrictName is null ? localizer["Safety.SentWithoutDistrict"] : localizer["Safety.Sent"]);

    private static async Task<Results<Ok<SafetyReportPage>, ProblemHttpResult>> ReportsAsync(
        ClaimsPrincipal user, SafetyReportQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] long? before = null, [FromQuery] int take = SafetyReportQueries.DefaultPage) =>
        await queries.ListAsync(user, before, take, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : Problems.Status(localizer, StatusCodes.Status403Forbidden, "Safety.NoScope");

    private static async Task<Results<Created<SafetyNoticeView>, ValidationProblem, ProblemHttpResult>> NoticeAsync(
        long id, HttpRequest request, ClaimsPrincipal user, SendSafetyNoticeCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<SafetyNoticeRequest>(request, cancellationToken);
        if (read.UnreadableField is { } field)
        {
            var errors = new FieldErrors();
            errors.Add(field, localizer["Appeal.FieldUnreadable"]);
            return Problems.Validation(localizer, errors);
        }
        if (read.Value is not { } body) return Problems.BadRequest(localizer, "Safety.NoticeBodyRequired");
        var result = await command.ExecuteAsync(id, new SafetyNoticeInput(body.TextKk, body.TextRu, body.TextEn), user, cancellationToken);
        return result.Outcome switch
        {
            SafetyNoticeOutcome.Sent => TypedResults.Created((string?)null, new SafetyNoticeView(result.Mailing!.Id, result.Mailing.Recipients, localizer["Safety.NoticeSent", result.Mailing.Recipients])),
            SafetyNoticeOutcome.Invalid => Problems.Validation(localizer, result.Errors!),
            SafetyNoticeOutcome.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Safety.NoticeNotYours"),
            SafetyNoticeOutcome.TooMany => Problems.Status(localizer, StatusCodes.Status429TooManyRequests, "Safety.NoticeTooMany", command.PerAccountPerHour),
            _ => Problems.NotFound(localizer, "Safety.ReportNotFound"),
        };
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PhotoAsync(
        long id, ClaimsPrincipal user, SafetyReportQueries queries, IStringLocalizer<SharedResource> localizer, HttpContext context, CancellationToken cancellationToken)
    {
        if (await queries.PhotoAsync(user, id, cancellationToken) is not { } photo) return Problems.NotFound(localizer, "Safety.PhotoNotFound");
        // Personal data: the browser keeps no copy a later user of the device could open.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(photo.Content, photo.ContentType);
    }
}

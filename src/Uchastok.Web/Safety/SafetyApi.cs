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

        var staff = app.MapGroup("/api/v1/safety").RequireAuthorization(Policies.SafetyReports).WithTags("Safety");
        staff.MapGet("/reports", ReportsAsync).WithSummary("Quick reports in the caller's scope (inspector: his beats; supervisor and duty officer: his district; administrator: all), newest first; each report read is logged.");
        staff.MapPost("/reports/{id:long}/notice", NoticeAsync).Accepts<SafetyNoticeRequest>("application/json")
            .WithSummary("Write a safety notice from a report to its beat's confirmed subscribers (and the district's), in one or more of kk/ru/en (each subscriber gets his language or Kazakh, Russian, English in that order): the beat's inspector or the district's supervisor only; the report's text is never sent. At most Safety:NoticesPerAccountPerHour (5) an hour per account.");
        staff.MapGet("/reports/{id:long}/photo", PhotoAsync).ProducesFile("image/jpeg", "image/png").WithSummary("A report's photo, without its metadata; the opening is logged.");
        staff.MapGet("/incidents/{id:long}/media", MediaAsync).Produces(StatusCodes.Status302Found).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An alarm's camera footage: 302 to the link its device sent (the media stay at their source, never fetched or passed through here); every opening is logged.");

        // The duty console: the district's duty officer and supervisor, administrators for every district.
        var console = app.MapGroup("/api/v1/safety").RequireAuthorization(Policies.DutyConsole).WithTags("Safety");
        console.MapGet("/console", ConsoleAsync)
            .WithSummary("The duty console's incidents (reports and alarms of the caller's district; all for an administrator), unacknowledged first, then newest. With since (UTC, ISO 8601): only those changed since then — the polling fallback of the hub /hubs/safety-console; send serverTimeUtc of the answer as the next since.");
        console.MapPost("/incidents/{id:long}/acknowledge", AcknowledgeAsync)
            .WithSummary("Take an incident: the first duty officer owns it; a second gets 409 naming who took it.");
        console.MapPost("/incidents/{id:long}/close", CloseAsync)
            .WithSummary("Close a taken incident with an outcome: patrol-sent (with patrol: which), passed-to-inspector, became-appeal (files an appeal whose legal deadline starts now), no-offence. The owner, or the district's supervisor or an administrator.");
        // A console left open after sign-out or a lapsed cookie must not keep hearing the district: close on expiry.
        app.MapHub<SafetyConsoleHub>(SafetyConsoleHub.Path, o => o.CloseOnAuthenticationExpiration = true);

        var devices = app.MapGroup("/api/v1/safety/devices").RequireAuthorization(Policies.Admin).WithTags("Safety");
        devices.MapGet(string.Empty, DevicesAsync).WithSummary("SOS devices, active first; never their keys.");
        devices.MapPost(string.Empty, RegisterDeviceAsync)
            .WithSummary("Register an SOS device on the beat its point lies on. Its key is in this answer only (stored hashed), with the Authorization header the device sends.");
        devices.MapPost("/{id:int}/key", NewDeviceKeyAsync).WithSummary("A new key for an active device; the old key stops working at once. The key is in this answer only.");
        devices.MapPost("/{id:int}/revoke", RevokeDeviceAsync).WithSummary("Revoke a device for good: its events are answered 401 from now on.");

        // Not the site's sign-in: the device authenticates itself in the handler (Authorization: Device <id>:<key>), so that
        // failures are counted per network before any hashing, and unknown, wrong and revoked answer alike.
        app.MapPost("/api/v1/safety/device-events", DeviceEventAsync).AllowAnonymous().DisableAntiforgery().WithTags("Safety")
            .Accepts<SafetyAlarmEventRequest>("application/json")
            .WithSummary("An SOS device's alarm event, with 'Authorization: Device <deviceId>:<key>'. 201 with the new incident; the same eventId again: 200 with the same incident. Unknown device, wrong key or revoked device: 401.");
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> MediaAsync(
        long id, ClaimsPrincipal user, SafetyReportQueries queries, IStringLocalizer<SharedResource> localizer, HttpContext context, CancellationToken cancellationToken)
    {
        if (await queries.MediaAsync(user, id, cancellationToken) is not { } link) return Problems.NotFound(localizer, "SafetyAlarm.MediaNotFound");
        // The redirect names the footage; a shared browser must not keep it for the next user.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(link.AbsoluteUri);
    }

    private static async Task<Ok<IReadOnlyList<SafetyDeviceView>>> DevicesAsync(SafetyDeviceRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(cancellationToken));

    private static async Task<Results<Created<SafetyDeviceKeyView>, ValidationProblem, ProblemHttpResult>> RegisterDeviceAsync(
        HttpRequest request, ClaimsPrincipal user, SafetyDeviceRegistry registry, IStringLocalizer<SharedResource> localizer, HttpContext context, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<SafetyDeviceInput>(request, cancellationToken);
        if (read.UnreadableField is { } field) return Problems.UnreadableField(localizer, field);
        if (read.Value is not { } body) return Problems.BadRequest(localizer, "Safety.BodyRequired");
        var (created, errors) = await registry.RegisterAsync(body, user, cancellationToken);
        if (created is null) return Problems.Validation(localizer, errors);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/safety/devices/{created.Device.Id}", created);
    }

    private static async Task<Results<Ok<SafetyDeviceKeyView>, ProblemHttpResult>> NewDeviceKeyAsync(
        int id, ClaimsPrincipal user, SafetyDeviceRegistry registry, IStringLocalizer<SharedResource> localizer, HttpContext context, CancellationToken cancellationToken)
    {
        if (await registry.NewKeyAsync(id, user, cancellationToken) is not { } created) return Problems.NotFound(localizer, "SafetyDevices.NotFound");
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeDeviceAsync(
        int id, ClaimsPrincipal user, SafetyDeviceRegistry registry, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await registry.RevokeAsync(id, user, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound(localizer, "SafetyDevices.NotFound");

    private static async Task<Results<Created<SafetyAlarmReceiptView>, Ok<SafetyAlarmReceiptView>, ValidationProblem, ProblemHttpResult>> DeviceEventAsync(
        HttpRequest request, SafetyDeviceFailureLimit failures, SafetyDeviceEventLimit events, SafetyDeviceAuthenticator authenticator, ReceiveSafetyAlarmCommand command,
        IStringLocalizer<SharedResource> localizer, HttpContext context, CancellationToken cancellationToken)
    {
        var network = PerAddressWriteLimit.Network(context.Connection.RemoteIpAddress);
        var authorization = request.Headers.Authorization.ToString();
        // Parsing is string work only; the id it names decides which failure count applies before any hashing.
        var claimedId = DeviceKeys.Parse(authorization)?.DeviceId;
        if (failures.Blocked(network, claimedId, out var wait))
        {
            RetryAfter(context, wait);
            return Problems.Status(localizer, StatusCodes.Status429TooManyRequests, "SafetyAlarm.TooManyFailures");
        }
        if (await authenticator.AuthenticateAsync(authorization, cancellationToken) is not { } device)
        {
            failures.Failed(network, claimedId);
            context.Response.Headers.WWWAuthenticate = DeviceKeys.Scheme;
            return Problems.Status(localizer, StatusCodes.Status401Unauthorized, "SafetyAlarm.Unauthorized");
        }
        if (!events.TryTake(device.Id, out var next))
        {
            RetryAfter(context, next);
            return Problems.Status(localizer, StatusCodes.Status429TooManyRequests, "SafetyAlarm.TooManyEvents", events.PerSecond);
        }
        var read = await JsonBody.ReadAsync<SafetyAlarmEventRequest>(request, cancellationToken);
        if (read.UnreadableField is { } field) return Problems.UnreadableField(localizer, field);
        if (read.Value is not { } body) return Problems.BadRequest(localizer, "SafetyAlarm.BodyRequired");
        var result = await command.ExecuteAsync(device, body, cancellationToken);
        if (result.Outcome != SafetyAlarmOutcome.Created) events.GiveBack(device.Id);
        return result.Outcome switch
        {
            SafetyAlarmOutcome.Created => TypedResults.Created((string?)null, result.Receipt!),
            SafetyAlarmOutcome.Repeated => TypedResults.Ok(result.Receipt!),
            _ => Problems.Validation(localizer, result.Errors),
        };
    }

    private static void RetryAfter(HttpContext context, TimeSpan wait) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

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
            // A value of the wrong type ("lat": "abc") names its field, as for any other bad input.
            if (read.UnreadableField is { } field) return Problems.UnreadableField(localizer, field);
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

    private static async Task<Results<Ok<ConsoleFeedPage>, ProblemHttpResult>> ConsoleAsync(
        ClaimsPrincipal user, SafetyConsoleQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken, [FromQuery] DateTime? since = null) =>
        await queries.ListAsync(user, since, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : Problems.Status(localizer, StatusCodes.Status403Forbidden, "Console.NoScope");

    private static async Task<Results<Ok<ConsoleIncidentView>, ProblemHttpResult>> AcknowledgeAsync(
        long id, ClaimsPrincipal user, DutyConsoleCommands commands, SafetyConsoleQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await commands.AcknowledgeAsync(user, id, cancellationToken);
        return result.Outcome == ConsoleActionOutcome.Done && await queries.OneAsync(user, id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : ConsoleProblem(result, localizer);
    }

    private static async Task<Results<Ok<ConsoleIncidentView>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        long id, HttpRequest request, ClaimsPrincipal user, DutyConsoleCommands commands, SafetyConsoleQueries queries, IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        // Read by hand, as the other Safety endpoints: a value of the wrong type ("outcome": 3) names its field in the
        // caller's language. No body at all is the same as no outcome, which the command names.
        var read = await JsonBody.ReadAsync<ConsoleCloseRequest>(request, cancellationToken);
        if (read.UnreadableField is { } field) return Problems.UnreadableField(localizer, field);
        var result = await commands.CloseAsync(user, id, read.Value ?? new ConsoleCloseRequest(null, null), cancellationToken);
        if (result.Outcome == ConsoleActionOutcome.Invalid) return Problems.Validation(localizer, result.Errors);
        return result.Outcome == ConsoleActionOutcome.Done && await queries.OneAsync(user, id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : ConsoleProblem(result, localizer);
    }

    /// <summary>Why an action was refused, in the caller's language; a 409 about the owner names him (detail and <c>acknowledgedBy</c>).</summary>
    public static ProblemHttpResult ConsoleProblem(ConsoleActionResult result, IStringLocalizer localizer)
    {
        var (status, key) = result.Outcome switch
        {
            ConsoleActionOutcome.NotFound => (StatusCodes.Status404NotFound, "Console.NotFound"),
            ConsoleActionOutcome.Taken => (StatusCodes.Status409Conflict, "Console.TakenBy"),
            ConsoleActionOutcome.NotOwner => (StatusCodes.Status409Conflict, "Console.NotOwner"),
            ConsoleActionOutcome.NotAcknowledged => (StatusCodes.Status409Conflict, "Console.AcknowledgeFirst"),
            _ => (StatusCodes.Status409Conflict, "Console.AlreadyClosed"),
        };
        var since = result.HeldSinceUtc is { } at ? Shared.Localization.KazakhstanTime.Format(at) : "—";
        return TypedResults.Problem(
            title: localizer[$"Problem.{status}"], detail: localizer[key, result.HeldBy ?? "—", since], statusCode: status,
            type: $"https://uchastok.kz/problems/{key}",
            extensions: result.HeldBy is null ? null : new Dictionary<string, object?> { ["acknowledgedBy"] = result.HeldBy, ["acknowledgedAtUtc"] = result.HeldSinceUtc });
    }

    private static async Task<Results<Created<SafetyNoticeView>, ValidationProblem, ProblemHttpResult>> NoticeAsync(
        long id, HttpRequest request, ClaimsPrincipal user, SendSafetyNoticeCommand command, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<SafetyNoticeRequest>(request, cancellationToken);
        if (read.UnreadableField is { } field) return Problems.UnreadableField(localizer, field);
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

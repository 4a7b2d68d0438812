using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Community;

/// <summary>
/// The community API (C10): staff record meetings, priorities, preventive work and mailings; the
/// neighbourhood API, as police.uk has it, gives anyone a beat's events, priorities and reception
/// slots; residents book receptions and subscribe by the private links they are sent. The same
/// commands and queries serve the pages.
/// </summary>
public static class CommunityApi
{
    public static IEndpointRouteBuilder MapCommunityApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/community").RequireAuthorization(Policies.Staff).WithTags("Community");
        staff.MapGet("/beats", BeatsAsync).WithSummary("The beats the caller may record meetings and preventive work for.");
        staff.MapPost("/meetings", RecordMeetingAsync).WithSummary("Record a meeting held (not announced here before); it is credited to the beat's inspector.");
        staff.MapPost("/meetings/scheduled", ScheduleMeetingAsync).WithSummary("Announce a meeting: kind, local start (yyyy-MM-ddTHH:mm), duration, place or link, agenda, language.");
        staff.MapPost("/meetings/{id:int}/outcome", RecordOutcomeAsync).WithSummary("After the meeting: attendance, minutes, issues raised (each becomes a priority).");
        staff.MapPost("/meetings/{id:int}/cancel", CancelMeetingAsync).WithSummary("Cancel an announced meeting; calendars that imported it are told.");
        staff.MapPost("/priorities", AddPriorityAsync).WithSummary("A neighbourhood priority raised outside a meeting.");
        staff.MapPost("/priorities/{id:int}/action", RecordActionAsync).WithSummary("What was done about a priority, and when.");
        staff.MapPost("/activities", RecordActivityAsync).WithSummary("Record preventive or community work done on a beat.");
        staff.MapGet("/officers/{id:int}/receptions", ReceptionDayAsync)
            .WithSummary("An inspector's receptions of a day (his own; his supervisor's district). Every read is logged.");
        staff.MapGet("/mailings", MailingsAsync).WithSummary("Mailings of the caller's beats or district, with how many messages are queued, sent and failed.");
        staff.MapPost("/mailings", SendMailingAsync)
            .WithSummary("Send a safety alert, invitation or information to a beat's (beatId) or a district's (districtId) subscribers, in kk/ru/en.");

        app.MapGet("/api/v1/districts/{id:int}/meeting-compliance", ComplianceAsync).RequireAuthorization(Policies.TerritoryManagers).WithTags("Community")
            .WithSummary("Who has held the quarterly report meeting; alerts from two weeks before the quarter ends.");

        // The neighbourhood API, as police.uk has it: a beat's events and priorities, open to all.
        var beats = app.MapGroup("/api/v1/beats/{id:int}").AllowAnonymous().WithTags("Community");
        beats.MapGet("/events", EventsAsync).WithSummary("The beat's meetings of the last year and ahead (police.uk neighbourhood events).");
        beats.MapGet("/priorities", PrioritiesAsync).WithSummary("The beat's neighbourhood priorities: issue, action and their dates (police.uk).");
        beats.MapGet("/meetings.ics", FeedAsync).ProducesFile(MeetingCalendar.ContentType)
            .WithSummary("The beat's meetings as an iCalendar feed to subscribe to.");
        beats.MapGet("/reception-slots", SlotsAsync).WithSummary("Free reception slots of the beat's inspector, local times, two weeks ahead.");
        beats.MapPost("/receptions", BookAsync).RequireRateLimiting(ResidentWritesRateLimitPolicy.Name)
            .WithSummary("Book a slot: name, e-mail or phone, topic, consent. The answer carries the private link to cancel.");

        var receptions = app.MapGroup("/api/v1/receptions/{token}").AllowAnonymous().WithTags("Community");
        receptions.MapGet(string.Empty, BookingAsync).WithSummary("A booked reception, by the private link sent with it.");
        receptions.MapPost("/cancel", CancelBookingAsync).WithSummary("Cancel a booked reception, up to its start; the slot is free again at once.");

        var subscriptions = app.MapGroup("/api/v1/subscriptions").AllowAnonymous().WithTags("Community");
        subscriptions.MapPost(string.Empty, SubscribeAsync).RequireRateLimiting(ResidentWritesRateLimitPolicy.Name)
            .WithSummary("Subscribe an e-mail or a phone to a beat's (or its whole district's) messages; a confirmation link is sent there.");
        subscriptions.MapGet("/{token}", SubscriptionAsync).WithSummary("A subscription, by the link sent to it: where to, by which channel, the address masked.");
        subscriptions.MapPost("/{token}/confirm", ConfirmAsync).WithSummary("Confirm a subscription by the link sent to the address (double opt-in).");
        subscriptions.MapPost("/{token}/unsubscribe", UnsubscribeAsync).WithSummary("Leave, by the link at the foot of every message; no account needed.");

        app.MapGet("/api/v1/meetings/{id:int}.ics", MeetingFileAsync).AllowAnonymous().WithTags("Community")
            .ProducesFile(MeetingCalendar.ContentType).WithSummary("One meeting to add to a calendar.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RecordableBeat>>> BeatsAsync(ClaimsPrincipal user, CommunityRecords records, CancellationToken cancellationToken) =>
        TypedResults.Ok(await records.BeatsAsync(user, cancellationToken));

    private static async Task<Results<Created<MeetingView>, ValidationProblem>> RecordMeetingAsync(
        MeetingInput body, ClaimsPrincipal user, CommunityRecords records, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (meeting, errors) = await records.RecordMeetingAsync(body, user, cancellationToken);
        return meeting is null ? Problems.Validation(localizer, errors) : TypedResults.Created($"/api/v1/meetings/{meeting.Id}", meeting);
    }

    private static async Task<Results<Created<MeetingView>, ValidationProblem>> ScheduleMeetingAsync(
        ScheduleInput body, ClaimsPrincipal user, MeetingSchedule schedule, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (meeting, errors) = await schedule.ScheduleAsync(body, user, cancellationToken);
        return meeting is null ? Problems.Validation(localizer, errors) : TypedResults.Created($"/api/v1/meetings/{meeting.Id}", meeting);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RecordOutcomeAsync(
        int id, OutcomeInput body, ClaimsPrincipal user, MeetingSchedule schedule, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Outcome(await schedule.RecordOutcomeAsync(id, body, user, cancellationToken), localizer);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> CancelMeetingAsync(
        int id, ClaimsPrincipal user, MeetingSchedule schedule, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Outcome((await schedule.CancelAsync(id, user, cancellationToken), new FieldErrors()), localizer);

    private static async Task<Results<Created<PriorityView>, ValidationProblem>> AddPriorityAsync(
        PriorityInput body, ClaimsPrincipal user, MeetingSchedule schedule, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (priority, errors) = await schedule.AddPriorityAsync(body, user, cancellationToken);
        return priority is null ? Problems.Validation(localizer, errors) : TypedResults.Created($"/api/v1/beats/{priority.BeatId}/priorities", priority);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RecordActionAsync(
        int id, ActionInput body, ClaimsPrincipal user, MeetingSchedule schedule, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Outcome(await schedule.RecordActionAsync(id, body, user, cancellationToken), localizer);

    private static async Task<Results<Created<ActivityView>, ValidationProblem>> RecordActivityAsync(
        ActivityInput body, ClaimsPrincipal user, CommunityRecords records, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (activity, errors) = await records.RecordActivityAsync(body, user, cancellationToken);
        return activity is null ? Problems.Validation(localizer, errors) : TypedResults.Created($"/api/v1/community/activities/{activity.Id}", activity);
    }

    /// <summary>Without a date, today's list (Kazakhstan time).</summary>
    private static async Task<Results<Ok<IReadOnlyList<BookingView>>, ProblemHttpResult>> ReceptionDayAsync(
        int id, DateOnly? date, ClaimsPrincipal user, Receptions receptions, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await receptions.DayAsync(user, id, date ?? KazakhstanTime.Today(clock), cancellationToken) is { } day
            ? TypedResults.Ok(day)
            : Problems.NotFound(localizer, "Officer.NotFound");

    private static async Task<Ok<IReadOnlyList<MailingView>>> MailingsAsync(ClaimsPrincipal user, Mailings mailings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mailings.ForStaffAsync(user, cancellationToken));

    private static async Task<Results<Created<MailingView>, ValidationProblem>> SendMailingAsync(
        MailingInput body, ClaimsPrincipal user, Mailings mailings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (mailing, errors) = await mailings.SendAsync(body, user, cancellationToken);
        return mailing is null ? Problems.Validation(localizer, errors) : TypedResults.Created("/api/v1/community/mailings", mailing);
    }

    private static async Task<Results<Ok<DistrictCompliance>, ProblemHttpResult, ForbidHttpResult>> ComplianceAsync(
        int id, string? quarter, ClaimsPrincipal user, MeetingSchedule schedule, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(quarter, clock) is not { } asked) return Problems.BadRequest(localizer, "Trust.QuarterInvalid");
        var (result, compliance) = await schedule.ComplianceOfDistrictAsync(user, id, asked, cancellationToken);
        return result switch
        {
            ComplianceRead.Found => TypedResults.Ok(compliance!),
            ComplianceRead.DistrictNotFound => Problems.NotFound(localizer, "Territory.DistrictNotFound"),
            _ => TypedResults.Forbid(),
        };
    }

    private static async Task<Ok<List<NeighbourhoodEvent>>> EventsAsync(int id, MeetingSchedule schedule, CancellationToken cancellationToken) =>
        TypedResults.Ok((await schedule.EventsAsync(id, cancellationToken)).Select(NeighbourhoodEvent.Of).ToList());

    private static async Task<Ok<List<NeighbourhoodPriorityItem>>> PrioritiesAsync(int id, MeetingSchedule schedule, CancellationToken cancellationToken) =>
        TypedResults.Ok((await schedule.PrioritiesAsync(id, cancellationToken)).Select(NeighbourhoodPriorityItem.Of).ToList());

    /// <summary>A feed to subscribe to, not a file to save: no file name, so calendars read it in place.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> FeedAsync(int id, MeetingSchedule schedule, MeetingCalendar calendar, CancellationToken cancellationToken) =>
        await schedule.FeedAsync(id, cancellationToken) is { } feed
            ? TypedResults.File(Encoding.UTF8.GetBytes(calendar.Write(feed.Meetings, feed.BeatCode)), MeetingCalendar.ContentType)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<SlotsView>, ProblemHttpResult>> SlotsAsync(
        int id, Receptions receptions, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await receptions.SlotsAsync(id, cancellationToken) is { } slots ? TypedResults.Ok(slots) : Problems.NotFound(localizer, "Reception.NoInspector");

    private static async Task<Results<Created<BookingCreated>, ProblemHttpResult, ValidationProblem>> BookAsync(
        int id, BookingInput body, Receptions receptions, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (result, errors, token) = await receptions.BookAsync(id, body, cancellationToken);
        return result switch
        {
            BookingResult.Done => TypedResults.Created($"/api/v1/receptions/{token}", new BookingCreated(token!, receptions.ManageLink(token!))),
            BookingResult.NotFound => Problems.NotFound(localizer, "Reception.NoInspector"),
            BookingResult.Taken => Problems.Status(localizer, StatusCodes.Status409Conflict, "Reception.SlotTaken"),
            _ => Problems.Validation(localizer, errors),
        };
    }

    private static async Task<Results<Ok<BookingView>, ProblemHttpResult>> BookingAsync(
        string token, Receptions receptions, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await receptions.ByTokenAsync(token, cancellationToken) is { } booking ? TypedResults.Ok(booking) : Problems.NotFound(localizer, "Reception.NotFound");

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelBookingAsync(
        string token, Receptions receptions, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await receptions.CancelAsync(token, cancellationToken) switch
        {
            BookingResult.Done => TypedResults.NoContent(),
            BookingResult.NotFound => Problems.NotFound(localizer, "Reception.NotFound"),
            _ => Problems.Status(localizer, StatusCodes.Status409Conflict, "Reception.NotCancellable"),
        };

    private static async Task<Results<Accepted<SubscriptionAccepted>, ValidationProblem>> SubscribeAsync(
        SubscribeInput body, Mailings mailings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (done, errors) = await mailings.SubscribeAsync(body, cancellationToken);
        return done ? TypedResults.Accepted((string?)null, new SubscriptionAccepted(localizer["Subscription.CheckInbox"].Value)) : Problems.Validation(localizer, errors);
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> SubscriptionAsync(
        string token, Mailings mailings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await mailings.ByTokenAsync(token, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound(localizer, "Subscription.NotFound");

    /// <summary>Confirming twice is no error: the link in the message may be followed more than once.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmAsync(
        string token, Mailings mailings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await mailings.ConfirmAsync(token, cancellationToken) is SubscriptionChange.NotFound ? Problems.NotFound(localizer, "Subscription.NotFound") : TypedResults.NoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> UnsubscribeAsync(
        string token, Mailings mailings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await mailings.UnsubscribeAsync(token, cancellationToken) is SubscriptionChange.NotFound ? Problems.NotFound(localizer, "Subscription.NotFound") : TypedResults.NoContent();

    private static async Task<Results<FileContentHttpResult, NotFound>> MeetingFileAsync(int id, MeetingSchedule schedule, MeetingCalendar calendar, CancellationToken cancellationToken) =>
        await schedule.MeetingAsync(id, cancellationToken) is { } meeting
            ? TypedResults.File(Encoding.UTF8.GetBytes(calendar.Write([meeting], meeting.Beat)), MeetingCalendar.ContentType, $"meeting-{id}.ics")
            : TypedResults.NotFound();

    private static Results<NoContent, ProblemHttpResult, ValidationProblem> Outcome((MeetingChange Result, FieldErrors Errors) outcome, IStringLocalizer localizer) => outcome.Result switch
    {
        MeetingChange.Done => TypedResults.NoContent(),
        MeetingChange.NotFound => Problems.NotFound(localizer, "Community.NotFound"),
        MeetingChange.NotNow => Problems.Status(localizer, StatusCodes.Status409Conflict, "Community.OutcomeNotNow"),
        _ => Problems.Validation(localizer, outcome.Errors),
    };
}

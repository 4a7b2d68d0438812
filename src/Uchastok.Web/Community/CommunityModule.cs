using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Trust;
using Uchastok.Web.Accounts;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Community;

public sealed record CancelRequest(string? Reason);

/// <summary>Community engagement (C10): meetings and their priorities, preventive work, personal receptions.</summary>
public static class CommunityModule
{
    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddScoped<CommunityRecords>();
        services.AddScoped<MeetingSchedule>();
        services.AddScoped<Receptions>();
        services.AddScoped<Mailings>();
        services.AddScoped<MeetingCalendar>();
        services.AddSingleton<CommunityJob>();
        services.AddHostedService(sp => sp.GetRequiredService<CommunityJob>());
        services.AddRateLimiter(options => options.AddPolicy<string, ResidentWritesRateLimitPolicy>(ResidentWritesRateLimitPolicy.Name));
        return services;
    }

    public static IEndpointRouteBuilder MapCommunityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/community").RequireAuthorization(Policies.Staff).WithTags("Community");
        group.MapGet("/beats", (HttpContext http, CommunityRecords r, CancellationToken ct) => r.BeatsAsync(http.User, ct))
            .WithSummary("The beats the caller may record meetings and preventive work for.");
        group.MapPost("/meetings", async Task<IResult> (MeetingInput body, HttpContext http, CommunityRecords r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (meeting, errors) = await r.RecordMeetingAsync(body, http.User, ct);
            return meeting is null ? Problems.Validation(l, errors) : TypedResults.Created($"/api/v1/meetings/{meeting.Id}", meeting);
        }).WithSummary("Record a meeting held (not announced here before); it is credited to the beat's inspector.");
        group.MapPost("/meetings/scheduled", async Task<IResult> (ScheduleInput body, HttpContext http, MeetingSchedule s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (meeting, errors) = await s.ScheduleAsync(body, http.User, ct);
            return meeting is null ? Problems.Validation(l, errors) : TypedResults.Created($"/api/v1/meetings/{meeting.Id}", meeting);
        }).WithSummary("Announce a meeting: kind, local start (yyyy-MM-ddTHH:mm), duration, place or link, agenda, language.");
        group.MapPost("/meetings/{id:int}/outcome", async Task<IResult> (int id, OutcomeInput body, HttpContext http, MeetingSchedule s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Outcome(await s.RecordOutcomeAsync(id, body, http.User, ct), l)).WithSummary("After the meeting: attendance, minutes, issues raised (each becomes a priority).");
        group.MapPost("/meetings/{id:int}/cancel", async Task<IResult> (int id, HttpContext http, MeetingSchedule s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Outcome((await s.CancelAsync(id, http.User, ct), new()), l)).WithSummary("Cancel an announced meeting; calendars that imported it are told.");
        group.MapPost("/priorities", async Task<IResult> (PriorityInput body, HttpContext http, MeetingSchedule s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (priority, errors) = await s.AddPriorityAsync(body, http.User, ct);
            return priority is null ? Problems.Validation(l, errors) : TypedResults.Created($"/api/v1/beats/{priority.BeatId}/priorities", priority);
        }).WithSummary("A neighbourhood priority raised outside a meeting.");
        group.MapPost("/priorities/{id:int}/action", async Task<IResult> (int id, ActionInput body, HttpContext http, MeetingSchedule s, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Outcome(await s.RecordActionAsync(id, body, http.User, ct), l)).WithSummary("What was done about a priority, and when.");
        group.MapPost("/activities", async Task<IResult> (ActivityInput body, HttpContext http, CommunityRecords r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (activity, errors) = await r.RecordActivityAsync(body, http.User, ct);
            return activity is null ? Problems.Validation(l, errors) : TypedResults.Created($"/api/v1/community/activities/{activity.Id}", activity);
        }).WithSummary("Record preventive or community work done on a beat.");
        group.MapGet("/officers/{id:int}/receptions", async Task<IResult> (int id, DateOnly? date, HttpContext http, Receptions r, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await r.DayAsync(http.User, id, date ?? KazakhstanTime.Today(clock), ct) is { } day ? TypedResults.Ok(day) : Problems.NotFound(l, "Officer.NotFound"))
            .WithSummary("An inspector's receptions of a day (his own; his supervisor's district). Every read is logged.");
        app.MapGet("/api/v1/districts/{id:int}/meeting-compliance", async Task<IResult> (int id, string? quarter, HttpContext http, MeetingSchedule s, UchastokDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (QuarterQuery.Parse(quarter, clock) is not { } q) return Problems.BadRequest(l, "Trust.QuarterInvalid");
            if (!await db.Districts.AnyAsync(d => d.Id == id, ct)) return Problems.NotFound(l, "Territory.DistrictNotFound");
            if (await s.ComplianceAsync(http.User, id, q, ct) is not { } c) return TypedResults.Forbid();
            return TypedResults.Ok(new
            {
                c.DistrictId, c.Quarter, c.AlertFrom, c.Last,
                Inspectors = c.Inspectors.Select(r => new { r.OfficerId, r.Inspector, r.Beats, State = r.State.ToString(), r.HeldOn, r.NextScheduledUtc }),
            });
        }).RequireAuthorization(Policies.TerritoryManagers).WithTags("Community").WithSummary("Who has held the quarterly report meeting; alerts from two weeks before the quarter ends.");

        // The neighbourhood API, as police.uk has it: a beat's events and priorities, open to all.
        var beats = app.MapGroup("/api/v1/beats/{id:int}").AllowAnonymous().WithTags("Community");
        beats.MapGet("/events", async (int id, MeetingSchedule s, CancellationToken ct) => (await s.CalendarAsync(id, ct)).Where(m => m.Status != nameof(MeetingStatus.Cancelled)).Select(m => new Dictionary<string, object?>
        {
            ["id"] = m.Id, ["title"] = m.KindLabel, ["type"] = m.Kind, ["description"] = m.Agenda, ["address"] = m.Place, ["url"] = m.Link, ["language"] = m.Language, ["status"] = m.Status,
            ["start_date"] = KazakhstanTime.ToLocal(m.StartsAtUtc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["end_date"] = KazakhstanTime.ToLocal(m.EndsAtUtc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["ics"] = $"/api/v1/meetings/{m.Id}.ics",
        })).WithSummary("The beat's meetings of the last year and ahead (police.uk neighbourhood events).");
        beats.MapGet("/priorities", async (int id, MeetingSchedule s, CancellationToken ct) => (await s.PrioritiesAsync(id, ct)).Select(p => new Dictionary<string, object?>
        {
            ["issue"] = p.Issue, ["issue-date"] = p.RaisedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["action"] = p.Action, ["action-date"] = p.ActionOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["status"] = p.Status, ["language"] = p.Language,
        })).WithSummary("The beat's neighbourhood priorities: issue, action and their dates (police.uk).");
        beats.MapGet("/meetings.ics", async Task<IResult> (int id, MeetingSchedule s, MeetingCalendar calendar, UchastokDbContext db, CancellationToken ct) =>
        {
            var beat = await db.Beats.AsNoTracking().Where(b => b.Id == id).Select(b => b.Code).SingleOrDefaultAsync(ct);
            return beat is null ? TypedResults.NotFound() : TypedResults.Text(calendar.Write(await s.CalendarAsync(id, ct), beat), MeetingCalendar.ContentType);
        }).WithSummary("The beat's meetings as an iCalendar feed to subscribe to.");
        beats.MapGet("/reception-slots", async Task<IResult> (int id, Receptions r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await r.SlotsAsync(id, ct) is { } slots ? TypedResults.Ok(slots) : Problems.NotFound(l, "Reception.NoInspector")).WithSummary("Free reception slots of the beat's inspector, local times, two weeks ahead.");
        beats.MapPost("/receptions", async Task<IResult> (int id, BookingInput body, Receptions r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (result, errors, token) = await r.BookAsync(id, body, ct);
            return result switch
            {
                BookingResult.Done => TypedResults.Created($"/api/v1/receptions/{token}", new { token, manageUrl = r.ManageLink(token!) }),
                BookingResult.NotFound => Problems.NotFound(l, "Reception.NoInspector"),
                BookingResult.Taken => Problems.Status(l, StatusCodes.Status409Conflict, "Reception.SlotTaken"),
                _ => Problems.Validation(l, errors),
            };
        }).RequireRateLimiting(ResidentWritesRateLimitPolicy.Name).WithSummary("Book a slot: name, e-mail or phone, topic, consent. The answer carries the private link to cancel.");
        var receptions = app.MapGroup("/api/v1/receptions/{token}").AllowAnonymous().WithTags("Community");
        receptions.MapGet(string.Empty, async Task<IResult> (string token, Receptions r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await r.ByTokenAsync(token, ct) is { } booking ? TypedResults.Ok(booking) : Problems.NotFound(l, "Reception.NotFound"));
        receptions.MapPost("/cancel", async Task<IResult> (string token, Receptions r, IStringLocalizer<SharedResource> l, CancellationToken ct) => await r.CancelAsync(token, ct) switch
        {
            BookingResult.Done => TypedResults.NoContent(),
            BookingResult.NotFound => Problems.NotFound(l, "Reception.NotFound"),
            _ => Problems.Status(l, StatusCodes.Status409Conflict, "Reception.NotCancellable"),
        });
        group.MapGet("/mailings", (HttpContext http, Mailings m, CancellationToken ct) => m.ForStaffAsync(http.User, ct))
            .WithSummary("Mailings of the caller's beats or district, with how many messages are queued, sent and failed.");
        group.MapPost("/mailings", async Task<IResult> (MailingInput body, HttpContext http, Mailings m, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (mailing, errors) = await m.SendAsync(body, http.User, ct);
            return mailing is null ? Problems.Validation(l, errors) : TypedResults.Created("/api/v1/community/mailings", mailing);
        }).WithSummary("Send a safety alert, invitation or information to a beat's (beatId) or a district's (districtId) subscribers, in kk/ru/en.");
        var subscriptions = app.MapGroup("/api/v1/subscriptions").AllowAnonymous().WithTags("Community");
        subscriptions.MapPost(string.Empty, async Task<IResult> (SubscribeInput body, Mailings m, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (done, errors) = await m.SubscribeAsync(body, ct);
            return done ? TypedResults.Accepted((string?)null, new { message = l["Subscription.CheckInbox"].Value }) : Problems.Validation(l, errors);
        }).RequireRateLimiting(ResidentWritesRateLimitPolicy.Name).WithSummary("Subscribe an e-mail or a phone to a beat's (or its whole district's) messages; a confirmation link is sent there.");
        subscriptions.MapGet("/{token}", async Task<IResult> (string token, Mailings m, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await m.ByTokenAsync(token, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound(l, "Subscription.NotFound"));
        subscriptions.MapPost("/{token}/confirm", async Task<IResult> (string token, Mailings m, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await m.ConfirmAsync(token, ct) is SubscriptionChange.NotFound ? Problems.NotFound(l, "Subscription.NotFound") : TypedResults.NoContent());
        subscriptions.MapPost("/{token}/unsubscribe", async Task<IResult> (string token, Mailings m, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await m.UnsubscribeAsync(token, ct) is SubscriptionChange.NotFound ? Problems.NotFound(l, "Subscription.NotFound") : TypedResults.NoContent())
            .WithSummary("Leave, by the link at the foot of every message; no account needed.");
        app.MapGet("/api/v1/meetings/{id:int}.ics", async Task<IResult> (int id, MeetingSchedule s, MeetingCalendar calendar, CancellationToken ct) =>
            await s.MeetingAsync(id, ct) is { } meeting
                ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(calendar.Write([meeting], meeting.Beat)), MeetingCalendar.ContentType, $"meeting-{id}.ics")
                : TypedResults.NotFound()).AllowAnonymous().WithTags("Community").WithSummary("One meeting to add to a calendar.");
        return app;
    }

    private static IResult Outcome((MeetingChange Result, FieldErrors Errors) outcome, IStringLocalizer localizer) => outcome.Result switch
    {
        MeetingChange.Done => TypedResults.NoContent(),
        MeetingChange.NotFound => Problems.NotFound(localizer, "Community.NotFound"),
        MeetingChange.NotNow => Problems.Status(localizer, StatusCodes.Status409Conflict, "Community.OutcomeNotNow"),
        _ => Problems.Validation(localizer, outcome.Errors),
    };
}

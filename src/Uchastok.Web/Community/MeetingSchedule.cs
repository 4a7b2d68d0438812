using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Community;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using static Uchastok.Web.Shared.Web.InputText;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Community;

/// <param name="StartsAt">Local date and time, <c>yyyy-MM-ddTHH:mm</c> (what a datetime-local field sends).</param>
public sealed record ScheduleInput(int? BeatId, string? Kind, string? StartsAt, int? DurationMinutes, string? Place, string? Link, string? Agenda, string? Language);

/// <param name="Issues">Issues residents raised, one per item; each becomes a neighbourhood priority.</param>
public sealed record OutcomeInput(int? Attendance, string? Minutes, IReadOnlyList<string>? Issues);

public sealed record PriorityInput(int? BeatId, string? Issue, DateOnly? RaisedOn);

public sealed record ActionInput(string? Action, DateOnly? ActionOn);

public sealed record PriorityView(int Id, int BeatId, int? MeetingId, string Issue, DateOnly RaisedOn, string? Action, DateOnly? ActionOn, string Status, string Language);

/// <param name="State">Written by its name (<c>Due</c>, <c>Alert</c>, <c>Missed</c>, <c>Held</c>) in the API.</param>
public sealed record ComplianceRow(
    int OfficerId, string Inspector, IReadOnlyList<string> Beats, [property: JsonConverter(typeof(JsonStringEnumConverter<ComplianceState>))] ComplianceState State,
    DateOnly? HeldOn, DateTime? NextScheduledUtc);

public sealed record DistrictCompliance(int DistrictId, string Quarter, DateOnly AlertFrom, DateOnly Last, IReadOnlyList<ComplianceRow> Inspectors);

public enum MeetingChange { Done, NotFound, Invalid, NotNow }

public enum ComplianceRead { Found, DistrictNotFound, Forbidden }

/// <summary>A beat's calendar feed: its code names the calendar.</summary>
public sealed record BeatFeed(string BeatCode, IReadOnlyList<MeetingView> Meetings);

/// <summary>
/// Meetings announced ahead and their outcome (C10): the inspector schedules (place, time,
/// agenda, language); residents see it on the beat's page and in their calendar; afterwards the
/// attendance, minutes and issues raised are recorded, and the issues become public priorities.
/// </summary>
public sealed class MeetingSchedule(UchastokDbContext db, CommunityRecords records, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const int MinDuration = 15;
    public const int MaxDuration = 480;
    public const int MaxDaysAhead = 366;
    public const int MaxIssues = 20;

    public async Task<(MeetingView? Meeting, FieldErrors Errors)> ScheduleAsync(ScheduleInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var beat = await records.BeatFor(input.BeatId, user, errors, cancellationToken);
        if (!TryEnum<MeetingKind>(input.Kind, out var kind)) errors.Add("kind", localizer["Community.KindRequired"]);
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? startsUtc = null;
        if (!DateTime.TryParseExact(input.StartsAt?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            errors.Add("startsAt", localizer["Community.StartsAtRequired"]);
        else if (local.Year is < 2000 or > 2100) errors.Add("startsAt", localizer["Community.StartsAtTooFar"]);
        else
        {
            startsUtc = new DateTimeOffset(local, KazakhstanTime.Offset).UtcDateTime;
            if (startsUtc <= now) errors.Add("startsAt", localizer["Community.StartsAtPast"]);
            else if (startsUtc > now.AddDays(MaxDaysAhead)) errors.Add("startsAt", localizer["Community.StartsAtTooFar"]);
        }
        if (input.DurationMinutes is not (>= MinDuration and <= MaxDuration)) errors.Add("durationMinutes", localizer["Community.DurationInvalid", MinDuration, MaxDuration]);
        var link = Blank(input.Link);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && link.Length <= 500)) errors.Add("link", localizer["Community.LinkInvalid"]);
        if (kind == MeetingKind.Virtual && link is null) errors.Add("link", localizer["Community.LinkRequired"]);
        var place = Blank(input.Place) ?? (kind == MeetingKind.Virtual ? "Online" : null);
        if (place is null) errors.Add("place", localizer["Community.PlaceRequired"]);
        else if (place.Length > CommunityRecords.MaxPlaceLength) errors.Add("place", localizer["Appeal.TextTooLong", CommunityRecords.MaxPlaceLength]);
        if (input.Agenda?.Trim().Length > CommunityRecords.MaxTextLength) errors.Add("agenda", localizer["Appeal.TextTooLong", CommunityRecords.MaxTextLength]);
        var language = LocalizationSetup.LanguageOf(input.Language);
        if (language is null) errors.Add("language", localizer["Community.LanguageRequired"]);
        if (errors.Count > 0) return (null, errors);

        var meeting = new Meeting
        {
            BeatId = beat!.Id, DistrictId = beat.DistrictId, OfficerId = beat.InspectorId, Kind = kind, Status = MeetingStatus.Scheduled, StartsAtUtc = startsUtc!.Value,
            DurationMinutes = input.DurationMinutes!.Value, Place = place!, Link = link, Agenda = Blank(input.Agenda), Language = language!,
            RecordedAtUtc = now, RecordedByUserId = CommunityRecords.UserId(user),
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return ((await records.MeetingsAsync(m => m.Id == meeting.Id, cancellationToken)).Single(), errors);
    }

    /// <summary>After the meeting: it was held, this many came, these are the minutes; each issue raised becomes a priority.</summary>
    public async Task<(MeetingChange Result, FieldErrors Errors)> RecordOutcomeAsync(int meetingId, OutcomeInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !await MayChangeAsync(meeting, user, cancellationToken)) return (MeetingChange.NotFound, errors);
        if (meeting.Status != MeetingStatus.Scheduled || meeting.StartsAtUtc > clock.GetUtcNow().UtcDateTime)
        {
            errors.Add("status", localizer["Community.OutcomeNotNow"]);
            return (MeetingChange.NotNow, errors);
        }
        var heldOn = KazakhstanTime.LocalDate(meeting.StartsAtUtc);
        records.CheckDate(heldOn, "status", errors);
        if (input.Attendance is not (>= 0 and <= CommunityRecords.MaxAttendance)) errors.Add("attendance", localizer["Community.CountInvalid", CommunityRecords.MaxAttendance]);
        if (input.Minutes?.Trim().Length > CommunityRecords.MaxTextLength) errors.Add("minutes", localizer["Appeal.TextTooLong", CommunityRecords.MaxTextLength]);
        var issues = (input.Issues ?? []).Select(Blank).OfType<string>().ToList();
        if (issues.Count > MaxIssues) errors.Add("issues", localizer["Community.TooManyIssues", MaxIssues]);
        if (issues.Any(i => i.Length > CommunityRecords.MaxPriorityLength)) errors.Add("issues", localizer["Appeal.TextTooLong", CommunityRecords.MaxPriorityLength]);
        if (errors.Count > 0) return (MeetingChange.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        meeting.Status = MeetingStatus.Held;
        meeting.HeldOn = heldOn;
        meeting.Attendance = input.Attendance;
        meeting.Minutes = Blank(input.Minutes);
        meeting.Sequence++;
        meeting.RecordedAtUtc = now;
        meeting.RecordedByUserId = CommunityRecords.UserId(user);
        db.Priorities.AddRange(issues.Select(issue => new NeighbourhoodPriority
        {
            BeatId = meeting.BeatId, DistrictId = meeting.DistrictId, MeetingId = meeting.Id, Issue = issue, RaisedOn = heldOn, Status = PriorityStatus.Open,
            Language = meeting.Language, ChangedAtUtc = now, ChangedByUserId = CommunityRecords.UserId(user),
        }));
        await db.SaveChangesAsync(cancellationToken);
        return (MeetingChange.Done, errors);
    }

    public async Task<MeetingChange> CancelAsync(int meetingId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !await MayChangeAsync(meeting, user, cancellationToken)) return MeetingChange.NotFound;
        // A meeting that has begun is recorded as held, not cancelled: the quarter's compliance counts it.
        if (meeting.Status != MeetingStatus.Scheduled || meeting.StartsAtUtc <= clock.GetUtcNow().UtcDateTime) return MeetingChange.NotNow;
        meeting.Status = MeetingStatus.Cancelled;
        meeting.Sequence++;
        await db.SaveChangesAsync(cancellationToken);
        return MeetingChange.Done;
    }

    /// <summary>An issue raised outside a meeting (at a reception, in an appeal) that the beat takes on as a priority.</summary>
    public async Task<(PriorityView? Priority, FieldErrors Errors)> AddPriorityAsync(PriorityInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var beat = await records.BeatFor(input.BeatId, user, errors, cancellationToken);
        var issue = Blank(input.Issue);
        if (issue is null) errors.Add("issue", localizer["Community.IssueRequired"]);
        else if (issue.Length > CommunityRecords.MaxPriorityLength) errors.Add("issue", localizer["Appeal.TextTooLong", CommunityRecords.MaxPriorityLength]);
        var raisedOn = input.RaisedOn ?? KazakhstanTime.Today(clock);
        records.CheckDate(raisedOn, "raisedOn", errors);
        if (errors.Count > 0) return (null, errors);
        var priority = new NeighbourhoodPriority
        {
            BeatId = beat!.Id, DistrictId = beat.DistrictId, Issue = issue!, RaisedOn = raisedOn, Status = PriorityStatus.Open, Language = LocalizationSetup.CurrentLanguage,
            ChangedAtUtc = clock.GetUtcNow().UtcDateTime, ChangedByUserId = CommunityRecords.UserId(user),
        };
        db.Priorities.Add(priority);
        await db.SaveChangesAsync(cancellationToken);
        return (View(priority), errors);
    }

    /// <summary>What was done about a priority, and when; it stays public with the action.</summary>
    public async Task<(MeetingChange Result, FieldErrors Errors)> RecordActionAsync(int priorityId, ActionInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var priority = await db.Priorities.SingleOrDefaultAsync(p => p.Id == priorityId, cancellationToken);
        if (priority is null) return (MeetingChange.NotFound, errors);
        var inspector = await db.Beats.Where(b => b.Id == priority.BeatId).Select(b => b.InspectorId).SingleAsync(cancellationToken);
        if (!ScopeClaims.ServesOrManagesBeat(user, priority.DistrictId, inspector)) return (MeetingChange.NotFound, errors);
        var action = Blank(input.Action);
        if (action is null) errors.Add("action", localizer["Community.ActionRequired"]);
        else if (action.Length > CommunityRecords.MaxPriorityLength) errors.Add("action", localizer["Appeal.TextTooLong", CommunityRecords.MaxPriorityLength]);
        var actionOn = input.ActionOn ?? KazakhstanTime.Today(clock);
        if (actionOn < priority.RaisedOn) errors.Add("actionOn", localizer["Community.ActionBeforeIssue"]);
        // A closed quarter's published reports stand: an action is dated in the open period, like every community record.
        else records.CheckDate(actionOn, "actionOn", errors);
        if (errors.Count > 0) return (MeetingChange.Invalid, errors);
        priority.Action = action;
        priority.ActionOn = actionOn;
        priority.Status = PriorityStatus.ActionTaken;
        priority.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        priority.ChangedByUserId = CommunityRecords.UserId(user);
        await db.SaveChangesAsync(cancellationToken);
        return (MeetingChange.Done, errors);
    }

    /// <summary>A beat's announced meetings still to come, soonest first: public.</summary>
    public Task<IReadOnlyList<MeetingView>> UpcomingAsync(int beatId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return records.MeetingsAsync(m => m.BeatId == beatId && m.Status == MeetingStatus.Scheduled && m.StartsAtUtc.AddMinutes(m.DurationMinutes) >= now, cancellationToken, soonestFirst: true);
    }

    /// <summary>A beat's meetings of the last year and to come, every status: the calendar feed and the events API.</summary>
    public Task<IReadOnlyList<MeetingView>> CalendarAsync(int beatId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-MaxDaysAhead);
        return records.MeetingsAsync(m => m.BeatId == beatId && m.StartsAtUtc >= since, cancellationToken, soonestFirst: true);
    }

    /// <summary>A beat's meetings for the neighbourhood API: the calendar less the cancelled ones, which only calendars that imported them need to hear of.</summary>
    public async Task<IReadOnlyList<MeetingView>> EventsAsync(int beatId, CancellationToken cancellationToken = default) =>
        (await CalendarAsync(beatId, cancellationToken)).Where(m => m.Status != nameof(MeetingStatus.Cancelled)).ToList();

    /// <summary>A beat's calendar feed (cancelled meetings included, so that calendars drop them); null when there is no such beat.</summary>
    public async Task<BeatFeed?> FeedAsync(int beatId, CancellationToken cancellationToken = default)
    {
        var code = await db.Beats.AsNoTracking().Where(b => b.Id == beatId).Select(b => b.Code).SingleOrDefaultAsync(cancellationToken);
        return code is null ? null : new BeatFeed(code, await CalendarAsync(beatId, cancellationToken));
    }

    public async Task<MeetingView?> MeetingAsync(int meetingId, CancellationToken cancellationToken = default) =>
        (await records.MeetingsAsync(m => m.Id == meetingId, cancellationToken)).SingleOrDefault();

    /// <summary>The meetings of the beats the user works with (an inspector's own; a supervisor's district), from the first open day and ahead.</summary>
    public async Task<IReadOnlyList<MeetingView>> ForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var beats = (await records.BeatsAsync(user, cancellationToken)).Select(b => b.Id).ToList();
        // From the first day records are still open, so that last quarter's meetings can get their outcome in the grace days.
        var since = new DateTimeOffset(CommunityRecords.EarliestOpenDay(KazakhstanTime.Today(clock)).ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset).UtcDateTime;
        return await records.MeetingsAsync(m => beats.Contains(m.BeatId) && m.StartsAtUtc >= since, cancellationToken, soonestFirst: true);
    }

    /// <summary>A beat's priorities, open first, newest first: public.</summary>
    public async Task<IReadOnlyList<PriorityView>> PrioritiesAsync(int beatId, CancellationToken cancellationToken = default) =>
        (await PrioritiesAsync([beatId], cancellationToken)).GetValueOrDefault(beatId) ?? [];

    /// <summary>The priorities of several beats in one read, each beat's open first, newest first.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<PriorityView>>> PrioritiesAsync(IReadOnlyCollection<int> beatIds, CancellationToken cancellationToken = default) =>
        (await db.Priorities.AsNoTracking().Where(p => beatIds.Contains(p.BeatId)).OrderBy(p => p.Status).ThenByDescending(p => p.RaisedOn).ThenByDescending(p => p.Id).ToListAsync(cancellationToken))
            .GroupBy(p => p.BeatId).ToDictionary(g => g.Key, g => (IReadOnlyList<PriorityView>)g.Select(View).ToList());

    /// <summary>Who of the district's inspectors has held this quarter's report meeting (C10); null if not the user's district.</summary>
    public async Task<DistrictCompliance?> ComplianceAsync(ClaimsPrincipal user, int districtId, Quarter quarter, CancellationToken cancellationToken = default) =>
        ScopeClaims.ManagesDistrict(user, districtId) ? await ComplianceAsync(districtId, quarter, cancellationToken) : null;

    /// <summary>The compliance board for the API: a district that does not exist is told apart from one that is not the user's.</summary>
    public async Task<(ComplianceRead Result, DistrictCompliance? Compliance)> ComplianceOfDistrictAsync(ClaimsPrincipal user, int districtId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        if (!await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken)) return (ComplianceRead.DistrictNotFound, null);
        return await ComplianceAsync(user, districtId, quarter, cancellationToken) is { } compliance ? (ComplianceRead.Found, compliance) : (ComplianceRead.Forbidden, null);
    }

    internal async Task<DistrictCompliance> ComplianceAsync(int districtId, Quarter quarter, CancellationToken cancellationToken)
    {
        var today = KazakhstanTime.Today(clock);
        var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == districtId && b.IsActive && b.InspectorId != null).OrderBy(b => b.Number)
            .Select(b => new { b.Code, InspectorId = b.InspectorId!.Value, b.Inspector!.Surname, b.Inspector.GivenName }).ToListAsync(cancellationToken);
        var ids = beats.Select(b => b.InspectorId).Distinct().ToList();
        var reports = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.OfficerId) && m.Kind == MeetingKind.QuarterlyReport && m.Status != MeetingStatus.Cancelled)
            .Select(m => new { m.OfficerId, m.Status, m.HeldOn, m.StartsAtUtc }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = beats.GroupBy(b => new { b.InspectorId, b.Surname, b.GivenName }).Select(g =>
        {
            var held = reports.Where(r => r.OfficerId == g.Key.InspectorId && r.Status == MeetingStatus.Held && r.HeldOn is { } d && quarter.Contains(d)).Select(r => r.HeldOn).Min();
            var next = reports.Where(r => r.OfficerId == g.Key.InspectorId && r.Status == MeetingStatus.Scheduled && r.StartsAtUtc >= now && quarter.Contains(KazakhstanTime.LocalDate(r.StartsAtUtc)))
                .Select(r => (DateTime?)r.StartsAtUtc).Min();
            return new ComplianceRow(g.Key.InspectorId, $"{g.Key.Surname} {g.Key.GivenName}", g.Select(b => b.Code).ToList(), MeetingCompliance.Of(quarter, today, held is not null), held, next);
        }).OrderBy(r => r.State switch { ComplianceState.Missed => 0, ComplianceState.Alert => 1, ComplianceState.Due => 2, _ => 3 }).ThenBy(r => r.Inspector).ToList();
        return new DistrictCompliance(districtId, quarter.ToString(), MeetingCompliance.AlertFrom(quarter), quarter.Last, rows);
    }

    private async Task<bool> MayChangeAsync(Meeting meeting, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var inspector = await db.Beats.Where(b => b.Id == meeting.BeatId).Select(b => b.InspectorId).SingleAsync(cancellationToken);
        // The beat's inspector now, not the one who announced it: after a reassignment the meeting is the new inspector's to keep.
        return ScopeClaims.ServesOrManagesBeat(user, meeting.DistrictId, inspector);
    }

    private static PriorityView View(NeighbourhoodPriority p) => new(p.Id, p.BeatId, p.MeetingId, p.Issue, p.RaisedOn, p.Action, p.ActionOn, p.Status.ToString(), p.Language);
}

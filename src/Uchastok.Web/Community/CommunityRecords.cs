using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using static Uchastok.Web.Shared.Web.InputText;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Community;

public sealed record MeetingInput(int? BeatId, string? Kind, DateOnly? HeldOn, string? Place, int? Attendance, string? Minutes);

public sealed record ActivityInput(int? BeatId, string? Kind, DateOnly? DoneOn, int? Participants, string? Note);

public sealed record MeetingView(
    int Id, int BeatId, string Beat, string Kind, string KindLabel, string Status, DateTime StartsAtUtc, int DurationMinutes, string Place, string? Link, string? Agenda,
    string Language, DateOnly? HeldOn, int? Attendance, string? Minutes, int OfficerId, string Officer, int Sequence)
{
    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);
}

public sealed record ActivityView(int Id, int BeatId, string Beat, string Kind, string KindLabel, DateOnly DoneOn, int Participants, string? Note, string Officer);

/// <summary>A beat the user may record community work for, with the inspector it is credited to.</summary>
public sealed record RecordableBeat(int Id, string Name, int InspectorId, string Inspector);

/// <summary>
/// Meetings held and preventive work done, recorded by the beat's inspector (or by the district's
/// supervisor for him); they are credited to the beat's inspector and count in his evaluation (C9).
/// </summary>
public sealed class CommunityRecords(UchastokDbContext db, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const int MaxPlaceLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxPriorityLength = 1000;
    public const int MaxAttendance = 100_000;
    /// <summary>
    /// Records are made soon after the event: any day of the current quarter, and of the last one
    /// for this many days after it ended. Older quarters are closed, so evaluations already made stay as they were.
    /// </summary>
    public const int GraceDays = 10;

    /// <summary>The beats the user may record for: an inspector his own; a supervisor his district's; an administrator all. Beats without an inspector are left out.</summary>
    public async Task<IReadOnlyList<RecordableBeat>> BeatsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var query = db.Beats.AsNoTracking().Where(b => b.IsActive && b.InspectorId != null);
        if (user.IsInRole(Roles.Admin)) { }
        else if (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) is { } district) query = query.Where(b => b.DistrictId == district);
        else if (user.IsInRole(Roles.Inspector) && ScopeClaims.Officer(user) is { } officer) query = query.Where(b => b.InspectorId == officer);
        else return [];
        var beats = await query.OrderBy(b => b.DistrictId).ThenBy(b => b.Number)
            .Select(b => new { b.Id, b.Code, b.Name, b.InspectorId, b.Inspector!.Surname, b.Inspector.GivenName }).ToListAsync(cancellationToken);
        return beats.Select(b => new RecordableBeat(b.Id, b.Name is null ? b.Code : $"{b.Code} {b.Name}", b.InspectorId!.Value, $"{b.Surname} {b.GivenName}")).ToList();
    }

    public async Task<(MeetingView? Meeting, FieldErrors Errors)> RecordMeetingAsync(MeetingInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var beat = await BeatFor(input.BeatId, user, errors, cancellationToken);
        if (!TryEnum<MeetingKind>(input.Kind, out var kind)) errors.Add("kind", localizer["Community.KindRequired"]);
        CheckDate(input.HeldOn, "heldOn", errors);
        var place = input.Place?.Trim();
        if (string.IsNullOrEmpty(place)) errors.Add("place", localizer["Community.PlaceRequired"]);
        else if (place.Length > MaxPlaceLength) errors.Add("place", localizer["Appeal.TextTooLong", MaxPlaceLength]);
        if (input.Attendance is not (>= 0 and <= MaxAttendance)) errors.Add("attendance", localizer["Community.CountInvalid", MaxAttendance]);
        if (input.Minutes?.Trim().Length > MaxTextLength) errors.Add("minutes", localizer["Appeal.TextTooLong", MaxTextLength]);
        if (errors.Count > 0) return (null, errors);

        // Recorded afterwards, a meeting has a day and no announced time: it is placed at local noon.
        var meeting = new Meeting
        {
            BeatId = beat!.Id, DistrictId = beat.DistrictId, OfficerId = beat.InspectorId, Kind = kind, Status = MeetingStatus.Held,
            StartsAtUtc = new DateTimeOffset(input.HeldOn!.Value.ToDateTime(new TimeOnly(12, 0)), KazakhstanTime.Offset).UtcDateTime, DurationMinutes = 60,
            Language = LocalizationSetup.CurrentLanguage, HeldOn = input.HeldOn!.Value, Place = place!,
            Attendance = input.Attendance!.Value, Minutes = Blank(input.Minutes), RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedByUserId = UserId(user),
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return ((await MeetingsAsync(m => m.Id == meeting.Id, cancellationToken)).Single(), errors);
    }

    public async Task<(ActivityView? Activity, FieldErrors Errors)> RecordActivityAsync(ActivityInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var beat = await BeatFor(input.BeatId, user, errors, cancellationToken);
        if (!TryEnum<PreventiveActivityKind>(input.Kind, out var kind)) errors.Add("kind", localizer["Community.KindRequired"]);
        CheckDate(input.DoneOn, "doneOn", errors);
        if (input.Participants is not (>= 0 and <= MaxAttendance)) errors.Add("participants", localizer["Community.CountInvalid", MaxAttendance]);
        var note = input.Note?.Trim();
        if (kind == PreventiveActivityKind.Other && string.IsNullOrEmpty(note)) errors.Add("note", localizer["Community.NoteRequiredForOther"]);
        if (note?.Length > MaxTextLength) errors.Add("note", localizer["Appeal.TextTooLong", MaxTextLength]);
        if (errors.Count > 0) return (null, errors);

        var activity = new PreventiveActivity
        {
            BeatId = beat!.Id, DistrictId = beat.DistrictId, OfficerId = beat.InspectorId, Kind = kind, DoneOn = input.DoneOn!.Value,
            Participants = input.Participants!.Value, Note = Blank(note), RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedByUserId = UserId(user),
        };
        db.PreventiveActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return ((await ActivitiesAsync(a => a.Id == activity.Id, cancellationToken)).Single(), errors);
    }

    /// <summary>What one officer's beats recorded between two dates, newest first.</summary>
    public async Task<(IReadOnlyList<MeetingView> Meetings, IReadOnlyList<ActivityView> Activities)> ForOfficerAsync(int officerId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        (await MeetingsAsync(m => m.OfficerId == officerId && m.Status == MeetingStatus.Held && m.HeldOn >= from && m.HeldOn <= to, cancellationToken),
         await ActivitiesAsync(a => a.OfficerId == officerId && a.DoneOn >= from && a.DoneOn <= to, cancellationToken));

    /// <summary>Meetings matching the filter, newest first, as every page and the API show them.</summary>
    internal async Task<IReadOnlyList<MeetingView>> MeetingsAsync(System.Linq.Expressions.Expression<Func<Meeting, bool>> filter, CancellationToken cancellationToken, bool soonestFirst = false)
    {
        var query = from m in db.Meetings.AsNoTracking().Where(filter)
                    join b in db.Beats on m.BeatId equals b.Id
                    join o in db.Officers on m.OfficerId equals o.Id
                    select new { m, b.Code, o.Surname, o.GivenName };
        query = soonestFirst ? query.OrderBy(r => r.m.StartsAtUtc).ThenBy(r => r.m.Id) : query.OrderByDescending(r => r.m.StartsAtUtc).ThenByDescending(r => r.m.Id);
        var rows = await query.ToListAsync(cancellationToken);
        return rows.Select(r => new MeetingView(r.m.Id, r.m.BeatId, r.Code, r.m.Kind.ToString(), localizer[$"MeetingKind.{r.m.Kind}"], r.m.Status.ToString(), r.m.StartsAtUtc, r.m.DurationMinutes,
            r.m.Place, r.m.Link, r.m.Agenda, r.m.Language, r.m.HeldOn, r.m.Attendance, r.m.Minutes, r.m.OfficerId, $"{r.Surname} {r.GivenName}", r.m.Sequence)).ToList();
    }

    private async Task<IReadOnlyList<ActivityView>> ActivitiesAsync(System.Linq.Expressions.Expression<Func<PreventiveActivity, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.PreventiveActivities.AsNoTracking().Where(filter)
                          join b in db.Beats on a.BeatId equals b.Id
                          join o in db.Officers on a.OfficerId equals o.Id
                          orderby a.DoneOn descending, a.Id descending
                          select new { a, b.Code, o.Surname, o.GivenName }).ToListAsync(cancellationToken);
        return rows.Select(r => new ActivityView(r.a.Id, r.a.BeatId, r.Code, r.a.Kind.ToString(), localizer[$"ActivityKind.{r.a.Kind}"], r.a.DoneOn, r.a.Participants, r.a.Note, $"{r.Surname} {r.GivenName}")).ToList();
    }

    internal sealed record BeatScope(int Id, int DistrictId, int InspectorId);

    internal async Task<BeatScope?> BeatFor(int? beatId, ClaimsPrincipal user, FieldErrors errors, CancellationToken cancellationToken)
    {
        var beat = beatId is { } id ? await db.Beats.AsNoTracking().Where(b => b.Id == id && b.IsActive).Select(b => new { b.Id, b.DistrictId, b.InspectorId }).SingleOrDefaultAsync(cancellationToken) : null;
        var allowed = beat is not null && ScopeClaims.ServesOrManagesBeat(user, beat.DistrictId, beat.InspectorId);
        if (!allowed) { errors.Add("beatId", localizer["Community.BeatNotYours"]); return null; }
        if (beat!.InspectorId is not { } inspector) { errors.Add("beatId", localizer["Community.BeatVacant"]); return null; }
        return new(beat.Id, beat.DistrictId, inspector);
    }

    internal void CheckDate(DateOnly? date, string field, FieldErrors errors)
    {
        var today = KazakhstanTime.Today(clock);
        if (date is not { } d) errors.Add(field, localizer["Community.DateRequired"]);
        else if (d > today) errors.Add(field, localizer["Community.DateInFuture"]);
        else if (d < EarliestOpenDay(today)) errors.Add(field, localizer["Community.DateTooOld", EarliestOpenDay(today).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)]);
    }

    /// <summary>The first day records may still be made for: the quarter's first day, or the last quarter's during the grace days.</summary>
    public static DateOnly EarliestOpenDay(DateOnly today)
    {
        var quarter = Rules.Trust.Quarter.Of(today);
        return today <= quarter.First.AddDays(GraceDays - 1) ? quarter.Previous.First : quarter.First;
    }

    internal static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}

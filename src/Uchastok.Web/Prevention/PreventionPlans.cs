using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Accounts;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Prevention;

/// <summary>
/// Individual prevention plans (C15): actions added and rescheduled by the inspector, recorded as done
/// (a done recurring visit schedules the next one, an interval later on a working day), the inspector's
/// day in route order, and the district board's overdue actions per inspector. Access as for the file.
/// </summary>
public sealed class PreventionPlans(
    UchastokDbContext db, PreventionRegister register, PreventionProtection protection, WorkingCalendarProvider calendars,
    TerritoryText text, PersonalDataLog log, PreventionDayCache days, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const int MaxPlaceLength = 300;
    public const int MaxNoteLength = 4000;

    public async Task<(PreventionWriteResult Result, FieldErrors Errors)> AddActionAsync(ClaimsPrincipal user, long entryId, PlanActionRequest input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var (result, entry, _) = await register.WritableAsync(user, entryId, cancellationToken);
        if (result != PreventionWriteResult.Done) return (result, errors);
        if (entry!.State != PreventionFileState.OnRecord)
        {
            errors.Add("kind", localizer["Prevention.FileRemoved"]);
            return (PreventionWriteResult.Invalid, errors);
        }
        var kind = ParseKind(input.Kind, errors);
        foreach (var error in PreventionPlanSchedule.ValidateEditedDue(input.Due, calendars.Today())) PreventionMessages.Add(localizer, errors, error);
        if (errors.Count > 0) return (PreventionWriteResult.Invalid, errors);
        db.PreventionActions.Add(new PreventionAction { EntryId = entry.Id, Kind = kind!.Value, Due = input.Due!.Value, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        return await register.SaveFileAsync(entry, errors, cancellationToken);
    }

    /// <summary>A new due date for an open action; any day from today on, a weekend included.</summary>
    /// <param name="ofEntry">The file the page shows, when the request comes from it: an action of another file is not found there.</param>
    public async Task<(PreventionWriteResult Result, FieldErrors Errors)> RescheduleAsync(ClaimsPrincipal user, long actionId, PlanActionDueRequest input, long? ofEntry = null, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var (result, action, entry) = await OpenActionAsync(user, actionId, ofEntry, errors, cancellationToken);
        if (result != PreventionWriteResult.Done) return (result, errors);
        foreach (var error in PreventionPlanSchedule.ValidateEditedDue(input.Due, calendars.Today())) PreventionMessages.Add(localizer, errors, error);
        if (errors.Count > 0) return (PreventionWriteResult.Invalid, errors);
        action!.Due = input.Due!.Value;
        return await register.SaveFileAsync(entry!, errors, cancellationToken);
    }

    /// <summary>
    /// Records an action as done: when, where, what was said or done. It counts as the officer's preventive
    /// activity for the KPIs (the evaluation reads it here). A recurring visit done schedules the next.
    /// </summary>
    /// <param name="ofEntry">The file the page shows, when the request comes from it: an action of another file is not found there.</param>
    public async Task<(PreventionWriteResult Result, FieldErrors Errors)> RecordDoneAsync(ClaimsPrincipal user, long actionId, PlanActionDoneRequest input, long? ofEntry = null, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var (result, action, opened) = await OpenActionAsync(user, actionId, ofEntry, errors, cancellationToken);
        if (result != PreventionWriteResult.Done) return (result, errors);
        var entry = opened!;
        foreach (var error in PreventionPlanSchedule.ValidateDone(new PlanActionRecordInput(input.DoneOn, input.Place, input.Note), entry.PutOnRecord, calendars.Today()))
            PreventionMessages.Add(localizer, errors, error);
        if (input.Place?.Trim().Length > MaxPlaceLength) PreventionMessages.Add(localizer, errors, new("place", PreventionProblem.TooLong));
        if (input.Note?.Trim().Length > MaxNoteLength) PreventionMessages.Add(localizer, errors, new("note", PreventionProblem.TooLong));
        if (errors.Count > 0) return (PreventionWriteResult.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        action!.DoneOn = input.DoneOn!.Value;
        action.Place = input.Place!.Trim();
        action.ProtectedNote = protection.ProtectText(input.Note!.Trim());
        action.DoneByUserId = PreventionScope.UserId(user);
        action.DoneByOfficerId = ScopeClaims.Officer(user);
        if (action.Recurring && !await db.PreventionActions.AnyAsync(a => a.EntryId == entry.Id && a.Id != action.Id && a.Recurring && a.DoneOn == null && a.CancelledAtUtc == null, cancellationToken))
        {
            var interval = await db.PreventionCategories.AsNoTracking().Where(c => c.Id == entry.CategoryId)
                .Select(c => new { c.VisitIntervalCount, c.VisitIntervalUnit }).SingleAsync(cancellationToken);
            db.PreventionActions.Add(new PreventionAction
            {
                EntryId = entry.Id, Kind = action.Kind, Recurring = true, CreatedAtUtc = now,
                Due = PreventionPlanSchedule.NextDue(new CalendarPeriod(interval.VisitIntervalCount, interval.VisitIntervalUnit), action.DoneOn.Value, await calendars.GetAsync(cancellationToken)),
            });
        }
        return await register.SaveFileAsync(entry, errors, cancellationToken);
    }

    /// <summary>How far ahead a day list may be opened: the reminder of a plan action names its due day, which a long holiday can put a week or more away.</summary>
    public const int DaysAhead = 14;

    /// <summary>Whether <paramref name="date"/> is a day whose list may be opened: today, or up to <see cref="DaysAhead"/> days ahead.</summary>
    public bool MayShowDay(DateOnly date) => calendars.Today() is var today && date >= today && date <= today.AddDays(DaysAhead);

    /// <summary>
    /// The inspector's day: his own (no <paramref name="officerId"/>), or an inspector's of the district for
    /// his supervisor, any for the administrator; null (404) otherwise. Today's, or a day ahead's
    /// (<paramref name="on"/>, see <see cref="MayShowDay"/>): what will be due by then, as the reminder
    /// e-mail announces it. Kept a few seconds by <see cref="PreventionDayCache"/>; the first read of each
    /// distinct list by each reader is logged.
    /// </summary>
    public async Task<InspectorDayView?> DayAsync(ClaimsPrincipal user, int? officerId, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        var own = ScopeClaims.Officer(user);
        if ((officerId ?? own) is not { } id) return null;
        // Only a supervisor or the administrator reads another's day: nobody else makes a node compute one.
        if (id != own && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Supervisor)) return null;
        var today = calendars.Today();
        if (on is { } ahead && !MayShowDay(ahead)) return null;
        var date = on ?? today;
        var day = days.Find(id, date) ?? await ComputeDayAsync(id, date, today, cancellationToken);
        if (day is null || !MayReadDay(user, id, day.DistrictId)) return null;
        var reader = PreventionScope.UserId(user);
        if (day.View.Stops.Count > 0 && days.FirstRead(reader, id, date, day.ListKey))
            await log.RecordReadAsync(reader, new PersonalRecord("prevention-day", id.ToString(CultureInfo.InvariantCulture)),
                string.Create(CultureInfo.InvariantCulture, $"inspector's day {date:yyyy-MM-dd}: {day.View.Stops.Count} people"), cancellationToken);
        return day.View;
    }

    /// <summary>Who reads an inspector's day, in the order <see cref="PreventionScope"/> ranks positions: the administrator, the district's supervisor, the inspector himself.</summary>
    private static bool MayReadDay(ClaimsPrincipal user, int officerId, int districtId)
    {
        if (user.IsInRole(Roles.Admin)) return true;
        if (user.IsInRole(Roles.Supervisor)) return ScopeClaims.District(user) == districtId;
        if (user.IsInRole(Roles.WomenProtectionOfficer) || user.IsInRole(Roles.JuvenileInspector)) return false;
        return user.IsInRole(Roles.Inspector) && ScopeClaims.Officer(user) == officerId;
    }

    private async Task<PreventionDayCache.Day?> ComputeDayAsync(int officerId, DateOnly date, DateOnly today, CancellationToken cancellationToken)
    {
        // The revision is read before the data, so a write during the computation makes the result stale at once rather than kept.
        var revision = days.Revision;
        var officer = await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken);
        if (officer is null) return null;
        var beats = await db.Beats.AsNoTracking().Where(b => b.InspectorId == officer.Id && b.IsActive).OrderBy(b => b.Number)
            .Select(b => new { b.Id, b.Code, Reception = b.ReceptionPoint == null ? null : new { b.ReceptionPoint.Address.Latitude, b.ReceptionPoint.Address.Longitude } })
            .ToListAsync(cancellationToken);
        var beatIds = beats.Select(b => b.Id).ToList();
        var due = await (from a in db.PreventionActions.AsNoTracking()
                         join e in db.PreventionEntries on a.EntryId equals e.Id
                         where beatIds.Contains(e.BeatId) && e.State == PreventionFileState.OnRecord && a.DoneOn == null && a.CancelledAtUtc == null && a.Due <= date
                         select new { a.Id, a.Kind, a.Due, EntryId = e.Id, e.FullName, e.AddressText, e.Latitude, e.Longitude, e.BeatId }).ToListAsync(cancellationToken);
        var start = beats.Select(b => b.Reception).FirstOrDefault(r => r is not null);
        var stops = InspectorDayRoute.Build(due.Select(a => new DayActionCandidate(a.Id, a.Kind, a.Due, null, new GeoPoint(a.Latitude, a.Longitude))), date,
            start is null ? null : new GeoPoint(start.Latitude, start.Longitude));
        var byId = due.ToDictionary(a => a.Id);
        var codes = beats.ToDictionary(b => b.Id, b => b.Code);
        // Points to six decimals (about 10 cm, as RFC 7946 §11.2 advises): the list goes to a phone, often over a rural
        // network, and the digits beyond say nothing about where the door is.
        static double Rounded(double degrees) => Math.Round(degrees, 6);
        var view = new InspectorDayView(date, officer.Id, text.OfficerName(officer),
            start is null ? null : Rounded(start.Latitude), start is null ? null : Rounded(start.Longitude), stops.Select(s =>
        {
            var a = byId[s.Action.ActionId];
            return new DayStopView(s.Order, a.Id, a.EntryId, a.FullName, a.Kind.ToString(), a.Due, s.Overdue, a.AddressText, Rounded(a.Latitude), Rounded(a.Longitude),
                s.MetresFromPrevious is { } m ? Math.Round(m) : null, codes.GetValueOrDefault(a.BeatId, ""));
        }).ToList());
        return days.Keep(officer.Id, date, today, view, officer.DistrictId, revision);
    }

    /// <summary>The district board's prevention line: per inspector, the plan actions overdue on his beats and the oldest due date. Counts only, no names.</summary>
    public async Task<IReadOnlyList<PreventionOverdueRow>> OverdueAsync(int districtId, CancellationToken cancellationToken = default)
    {
        var today = calendars.Today();
        var rows = await (from a in db.PreventionActions.AsNoTracking()
                          join e in db.PreventionEntries on a.EntryId equals e.Id
                          join b in db.Beats on e.BeatId equals b.Id
                          where e.DistrictId == districtId && e.State == PreventionFileState.OnRecord && a.DoneOn == null && a.CancelledAtUtc == null && a.Due < today && b.InspectorId != null
                          group a by new { Officer = b.InspectorId!.Value, b.Code } into g
                          select new { g.Key.Officer, g.Key.Code, Count = g.Count(), Oldest = g.Min(a => a.Due) }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Officer).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        return rows.GroupBy(r => r.Officer).Select(g => new PreventionOverdueRow(g.Key, text.OfficerName(officers[g.Key]), g.Select(r => r.Code).Order().ToList(), g.Sum(r => r.Count), g.Min(r => r.Oldest)))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.OldestDue).ThenBy(r => r.OfficerId).ToList();
    }

    private async Task<(PreventionWriteResult Result, PreventionAction? Action, PreventionEntry? Entry)> OpenActionAsync(
        ClaimsPrincipal user, long actionId, long? ofEntry, FieldErrors errors, CancellationToken cancellationToken)
    {
        var entryId = await db.PreventionActions.AsNoTracking().Where(a => a.Id == actionId).Select(a => (long?)a.EntryId).SingleOrDefaultAsync(cancellationToken);
        if (entryId is null || (ofEntry is { } shown && shown != entryId)) return (PreventionWriteResult.NotFound, null, null);
        var (result, entry, _) = await register.WritableAsync(user, entryId.Value, cancellationToken);
        if (result != PreventionWriteResult.Done) return (result, null, null);
        var action = await db.PreventionActions.SingleAsync(a => a.Id == actionId, cancellationToken);
        if (entry!.State != PreventionFileState.OnRecord || action.DoneOn is not null || action.CancelledAtUtc is not null)
        {
            errors.Add("action", localizer["Prevention.ActionClosed"]);
            return (PreventionWriteResult.Invalid, null, null);
        }
        return (PreventionWriteResult.Done, action, entry);
    }

    private PreventionActionKind? ParseKind(string? kind, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(kind)) PreventionMessages.Add(localizer, errors, new("kind", PreventionProblem.Required));
        else if (Enum.TryParse<PreventionActionKind>(kind.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)) return parsed;
        else PreventionMessages.Add(localizer, errors, new("kind", PreventionProblem.Invalid));
        return null;
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Safety;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Safety;

/// <summary>
/// The reports staff may read: an inspector those of his beats, a supervisor those of his district, an
/// administrator all (the district-less ones too, until the duty console takes them). A report's text and
/// photo are a resident's words and picture of a place, often naming or showing neighbours, so each report
/// shown in a list and each photo opened is a read of personal data and goes into <see cref="PersonalDataLog"/>
/// under the record kind <see cref="RecordKind"/>.
/// </summary>
public sealed class SafetyReportQueries(UchastokDbContext db, SafetyIncidentScope scopes, PersonalDataLog log, TerritoryText territoryText, IStringLocalizer<SharedResource> localizer)
{
    public const string RecordKind = "safety-report";
    /// <summary>The record kind of an opening of an alarm's media (camera footage shows people).</summary>
    public const string AlarmMediaRecordKind = "safety-alarm-media";
    public const int DefaultPage = 50;

    private Task<SafetyIncidentScope.Scope?> ScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => scopes.ForAsync(user, cancellationToken);

    private static IQueryable<SafetyIncident> Within(IQueryable<SafetyIncident> incidents, SafetyIncidentScope.Scope scope) => SafetyIncidentScope.Within(incidents, scope);

    /// <summary>
    /// The caller's reports and alarms, newest first; null when the caller holds no position that reads them. Each alarm comes
    /// with its device's name from the same query (a left join), and a media link when it has one.
    /// </summary>
    public async Task<SafetyReportPage?> ListAsync(ClaimsPrincipal user, long? before, int take, CancellationToken cancellationToken = default)
    {
        if (await ScopeAsync(user, cancellationToken) is not { } scope) return null;
        take = Math.Clamp(take, 1, 200);
        var query = Within(db.SafetyIncidents.AsNoTracking(), scope);
        if (before is { } older) query = query.Where(i => i.Id < older);
        // Ids grow with time within one database, so the id orders as the creation time does and pages without ties.
        var rows = await (from i in query.OrderByDescending(i => i.Id).Take(take + 1)
                          join d in db.SafetyDevices on i.DeviceId equals d.Id into devices
                          from d in devices.DefaultIfEmpty()
                          orderby i.Id descending
                          select new { Incident = i, DeviceName = d == null ? null : d.Name }).ToListAsync(cancellationToken);
        var deviceNames = rows.Where(r => r.DeviceName is not null).ToDictionary(r => r.Incident.Id, r => r.DeviceName);
        var page = rows.Take(take).Select(r => r.Incident).ToList();
        var ids = page.Select(i => i.Id).ToList();
        var withPhoto = (await db.SafetyIncidentPhotos.AsNoTracking().Where(p => ids.Contains(p.IncidentId)).Select(p => p.IncidentId).ToListAsync(cancellationToken)).ToHashSet();
        var beatIds = page.Where(i => i.BeatId != null).Select(i => i.BeatId!.Value).Distinct().ToList();
        var beats = await db.Beats.AsNoTracking().Where(b => beatIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Code, cancellationToken);
        var districts = (await db.Districts.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(d => d.Id, territoryText.DistrictName);
        var accountIds = page.Where(i => i.AccountId != null).Select(i => i.AccountId!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var views = page.Select(i => new SafetyReportView(
            i.Id, i.Reference, SafetyCategories.ApiName(i.Category), localizer[$"Safety.Category.{i.Category}"], DateTime.SpecifyKind(i.CreatedAtUtc, DateTimeKind.Utc),
            i.Latitude, i.Longitude, i.AddressText, i.PlaceLocated, i.BeatId, i.BeatId is { } b ? beats.GetValueOrDefault(b) : null,
            i.DistrictId, i.DistrictId is { } d ? districts.GetValueOrDefault(d) : null, i.Text, i.Status.ToString().ToLowerInvariant(),
            i.AccountId is not null, i.AccountId is { } a ? names.GetValueOrDefault(a) : null,
            SafetyLinks.Photo(i.Id, withPhoto.Contains(i.Id)),
            i.Kind == SafetyIncidentKind.Alarm, deviceNames.GetValueOrDefault(i.Id),
            SafetyLinks.Media(i),
            i.OccurredAtUtc is { } occurred ? DateTime.SpecifyKind(occurred, DateTimeKind.Utc) : null)).ToList();
        // A report's text and photo are personal data, so each report shown is a read. An alarm's row is a device, a place and
        // a time — nobody's data; its footage is, and each opening of it is logged (MediaAsync).
        var reports = page.Where(i => i.Kind == SafetyIncidentKind.Report).ToList();
        if (reports.Count > 0)
            await log.RecordReadsAsync(UserId(user), reports.Select(i => (new PersonalRecord(RecordKind, i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), i.AccountId)),
                "safety reports list", cancellationToken);
        return new SafetyReportPage(views, rows.Count > take ? page[^1].Id : null);
    }

    /// <summary>
    /// The open incidents (reports and alarms not closed) of the caller's scope for the page he starts his day on: how
    /// many, and the newest <paramref name="take"/> with what and where, no text. Null when the caller holds no position
    /// that reads them. Each report shown is logged as a read, as in the list: its place and time still tell of a resident.
    /// </summary>
    public async Task<OpenIncidentsSummary?> OpenSummaryAsync(ClaimsPrincipal user, int take = 3, CancellationToken cancellationToken = default)
    {
        if (await ScopeAsync(user, cancellationToken) is not { } scope) return null;
        var open = Within(db.SafetyIncidents.AsNoTracking().Where(i => i.Status != SafetyIncidentStatus.Closed), scope);
        var count = await open.CountAsync(cancellationToken);
        var newest = count == 0 ? [] : await open.OrderByDescending(i => i.Id).Take(Math.Clamp(take, 1, 20)).ToListAsync(cancellationToken);
        var beatIds = newest.Where(i => i.BeatId != null).Select(i => i.BeatId!.Value).Distinct().ToList();
        var beats = await db.Beats.AsNoTracking().Where(b => beatIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Code, cancellationToken);
        var views = newest.Select(i => new SafetyIncidentBrief(
            i.Id, i.Reference, i.Kind.ToString().ToLowerInvariant(),
            i.Kind == SafetyIncidentKind.Alarm ? localizer["Safety.Category.Alarm"] : localizer[$"Safety.Category.{i.Category}"],
            DateTime.SpecifyKind(i.CreatedAtUtc, DateTimeKind.Utc), i.AddressText, i.BeatId is { } b ? beats.GetValueOrDefault(b) : null,
            i.Status.ToString().ToLowerInvariant())).ToList();
        // Reports only, as in the list: an alarm's row is a device, a place and a time — nobody's data.
        var reportsShown = newest.Where(i => i.Kind == SafetyIncidentKind.Report).ToList();
        if (reportsShown.Count > 0)
            await log.RecordReadsAsync(UserId(user), reportsShown.Select(i => (new PersonalRecord(RecordKind, i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), i.AccountId)),
                "open safety incidents on the start page", cancellationToken);
        return new OpenIncidentsSummary(count, views);
    }

    /// <summary>A report's photo for a caller whose scope holds the report; null otherwise (the same as no photo). The opening is logged.</summary>
    public async Task<SafetyIncidentPhoto?> PhotoAsync(ClaimsPrincipal user, long incidentId, CancellationToken cancellationToken = default)
    {
        if (await ScopeAsync(user, cancellationToken) is not { } scope) return null;
        var incident = await Within(db.SafetyIncidents.AsNoTracking().Where(i => i.Id == incidentId), scope).SingleOrDefaultAsync(cancellationToken);
        if (incident is null) return null;
        var photo = await db.SafetyIncidentPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.IncidentId == incidentId, cancellationToken);
        if (photo is null) return null;
        await log.RecordReadsAsync(UserId(user), [(new PersonalRecord(RecordKind, incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), incident.AccountId)],
            "safety report photo", cancellationToken);
        return photo;
    }

    /// <summary>
    /// An alarm's media link for a caller whose scope holds the incident; null otherwise (the same as no link). Each opening
    /// is logged before the link is given out: the footage shows people, and Uchastok never sees what the reader saw.
    /// </summary>
    public async Task<Uri?> MediaAsync(ClaimsPrincipal user, long incidentId, CancellationToken cancellationToken = default)
    {
        if (await ScopeAsync(user, cancellationToken) is not { } scope) return null;
        var media = await Within(db.SafetyIncidents.AsNoTracking().Where(i => i.Id == incidentId && i.MediaUrl != null), scope)
            .Select(i => i.MediaUrl).SingleOrDefaultAsync(cancellationToken);
        // Stored only after AlarmEvents.MediaUrl accepted it; checked again, so a row written otherwise cannot send a reader to http or elsewhere.
        if (Uchastok.Rules.Safety.AlarmEvents.MediaUrl(media) is not { } link) return null;
        await log.RecordReadAsync(UserId(user), new PersonalRecord(AlarmMediaRecordKind, incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "safety alarm media", cancellationToken);
        return link;
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Safety reports are read by signed-in staff only.");
}

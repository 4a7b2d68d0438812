using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Weapons;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Weapons;

/// <summary>
/// Storage sites on the beat and their inspections: a site is registered by whoever reads its beat; an inspection is
/// recorded by the beat's inspector or the district's supervisor (<see cref="WeaponsAccess.Inspects"/>). Sites are a
/// theft target, never public: each list and site shown is a logged read (record kind <see cref="SiteRecordKind"/>).
/// </summary>
public sealed class StorageSites(
    UchastokDbContext db, WeaponsScope scope, WeaponsSettings settings, PersonalDataLog log, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const string SiteRecordKind = "weapons-storage-site";

    public WeaponsTermsView Terms() => new(
        settings.PermitExpiryReminderDays, settings.PermitExpiryReminderDaysSource,
        Enum.GetValues<StorageSiteKind>().Select(k => settings.IntervalFor(k) is { } t ? new WeaponsIntervalView(WeaponsNames.Of(k), t.Days, t.Source) : new WeaponsIntervalView(WeaponsNames.Of(k), null, null)).ToList(),
        Checklist(), settings.ChecklistSource);

    public IReadOnlyList<ChecklistItemView> Checklist() =>
        settings.Checklist.Select(i => new ChecklistItemView(i.Code, LocalizationSetup.Pick(i.Kk, i.Ru, i.En))).ToList();

    public async Task<(StorageSiteView? Site, FieldErrors Errors)> AddAsync(StorageSiteRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        foreach (var (field, value, max) in new[] { ("name", request.Name, WeaponHolderRules.NameMax), ("organisation", request.Organisation, WeaponHolderRules.NameMax), ("address", request.Address, WeaponHolderRules.AddressMax) })
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(field, localizer["Weapons.Problem.Required"]);
            else if (value.Trim().Length > max) errors.Add(field, localizer["Weapons.Problem.TooLong", max]);
        }
        if (string.IsNullOrWhiteSpace(request.Kind)) errors.Add("kind", localizer["Weapons.Problem.Required"]);
        else if (!WeaponsNames.TryParse<StorageSiteKind>(request.Kind, out _)) errors.Add("kind", localizer["Weapons.Problem.UnknownSiteKind"]);
        WeaponsBeat? beat = null;
        if (string.IsNullOrWhiteSpace(request.Beat)) errors.Add("beat", localizer["Weapons.Problem.Required"]);
        else if ((beat = (await scope.BeatsAsync(user, cancellationToken)).FirstOrDefault(b => string.Equals(b.Code, request.Beat.Trim(), StringComparison.OrdinalIgnoreCase))) is null)
            errors.Add("beat", localizer["Weapons.Problem.BeatNotYours"]);
        if (errors.Count > 0) return (null, errors);
        var kind = WeaponsNames.Parse<StorageSiteKind>(request.Kind);
        var site = new StorageSite
        {
            Name = request.Name!.Trim(), Organisation = request.Organisation!.Trim(), Address = request.Address!.Trim(), Kind = kind, BeatId = beat!.Id, DistrictId = beat.DistrictId,
            RegisteredOn = KazakhstanTime.Today(clock), CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.StorageSites.Add(site);
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(user, site.Id, "a storage site just registered", cancellationToken), errors);
    }

    /// <summary>Records an inspection. Null site: out of scope (404); <paramref name="forbidden"/>: in scope but not one who inspects (403).</summary>
    public async Task<(StorageSiteView? Site, FieldErrors Errors, bool Forbidden)> InspectAsync(long siteId, StorageInspectionRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var site = await scope.Sites(user).AsTracking().SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null) return (null, errors, false);
        var beat = await db.Beats.Where(b => b.Id == site.BeatId).Select(b => new { b.DistrictId, b.InspectorId }).SingleAsync(cancellationToken);
        if (!WeaponsAccess.Inspects(WeaponsScope.Actor(user), beat.DistrictId, beat.InspectorId)) return (null, errors, true);
        var today = KazakhstanTime.Today(clock);
        var breaches = request.Breaches ?? [];
        var input = new StorageInspectionInput(request.InspectedOn, request.Checklist, breaches.Select(b => new BreachInput(b.Text, b.Requirement, b.RequirementDue)).ToList());
        foreach (var (field, problem) in StorageInspectionRules.Validate(input, settings.ChecklistCodes, today))
            errors.Add(field, problem == InspectionProblem.TooLong ? localizer["Weapons.Problem.TooLong", StorageInspectionRules.TextMax] : localizer[$"Weapons.Inspection.{problem}"]);
        if (errors.Count > 0) return (null, errors, false);
        var answers = request.Checklist!.ToDictionary(a => a.Key, a => WeaponsNames.TryParse<ChecklistAnswer>(a.Value, out var x) ? WeaponsNames.Of(x) : a.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inspection = new StorageInspection
        {
            SiteId = site.Id, InspectedOn = request.InspectedOn!.Value, ChecklistJson = JsonSerializer.Serialize(answers), RecordedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, BreachCount = breaches.Count,
        };
        db.StorageInspections.Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
        db.StorageBreaches.AddRange(breaches.Select(b => new StorageBreach { InspectionId = inspection.Id, SiteId = site.Id, Text = b.Text!.Trim(), Requirement = b.Requirement!.Trim(), RequirementDue = b.RequirementDue!.Value }));
        // An inspection recorded late for an earlier day does not move the schedule back.
        if (site.LastInspectedOn is null || site.LastInspectedOn < inspection.InspectedOn) site.LastInspectedOn = inspection.InspectedOn;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(user, site.Id, "a storage inspection just recorded", cancellationToken), errors, false);
    }

    public async Task<IReadOnlyList<StorageSiteRow>> ListAsync(ClaimsPrincipal user, string? beat, string purpose, CancellationToken cancellationToken)
    {
        var sites = scope.Sites(user);
        if (!string.IsNullOrWhiteSpace(beat)) sites = sites.Where(s => db.Beats.Any(b => b.Id == s.BeatId && b.Code == beat.Trim()));
        var today = KazakhstanTime.Today(clock);
        var rows = await sites.Join(db.Beats, s => s.BeatId, b => b.Id, (s, b) => new { Site = s, b.Code, Open = db.StorageBreaches.Count(x => x.SiteId == s.Id && x.RequirementDue >= today) })
            .OrderBy(x => x.Site.Name).ThenBy(x => x.Site.Id).Take(500).ToListAsync(cancellationToken);
        if (rows.Count > 0)
            await log.RecordReadsAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, rows.Select(r => (new PersonalRecord(SiteRecordKind, r.Site.Id.ToString(CultureInfo.InvariantCulture)), (string?)null)), purpose, cancellationToken);
        return rows.Select(r =>
        {
            var due = InspectionSchedule.NextDue(r.Site.RegisteredOn, r.Site.LastInspectedOn, settings.IntervalFor(r.Site.Kind)?.Days);
            return new StorageSiteRow(r.Site.Id, r.Site.Name, r.Site.Organisation, r.Site.Address, WeaponsNames.Of(r.Site.Kind), r.Code, r.Site.LastInspectedOn, due, InspectionSchedule.Overdue(due, today), r.Open);
        }).ToList();
    }

    public async Task<StorageSiteView?> GetAsync(ClaimsPrincipal user, long id, string purpose, CancellationToken cancellationToken)
    {
        var site = await scope.Sites(user).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (site is null) return null;
        var beat = await db.Beats.Where(b => b.Id == site.BeatId).Select(b => new { b.Code, b.DistrictId, b.InspectorId }).SingleAsync(cancellationToken);
        var inspections = await (from i in db.StorageInspections.AsNoTracking()
                                 where i.SiteId == id
                                 join u in db.Users on i.RecordedByUserId equals u.Id into recorders
                                 from u in recorders.DefaultIfEmpty()
                                 orderby i.InspectedOn descending, i.Id descending
                                 select new { i, By = u == null ? string.Empty : u.DisplayName }).Take(50).ToListAsync(cancellationToken);
        var ids = inspections.Select(x => x.i.Id).ToList();
        var breaches = (await db.StorageBreaches.AsNoTracking().Where(b => ids.Contains(b.InspectionId)).OrderBy(b => b.Id).ToListAsync(cancellationToken)).ToLookup(b => b.InspectionId);
        var items = settings.Checklist.ToDictionary(i => i.Code, i => LocalizationSetup.Pick(i.Kk, i.Ru, i.En));
        var term = settings.IntervalFor(site.Kind);
        var due = InspectionSchedule.NextDue(site.RegisteredOn, site.LastInspectedOn, term?.Days);
        await log.RecordReadAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, new PersonalRecord(SiteRecordKind, id.ToString(CultureInfo.InvariantCulture)), purpose, cancellationToken);
        return new StorageSiteView(site.Id, site.Name, site.Organisation, site.Address, WeaponsNames.Of(site.Kind), site.BeatId, beat.Code, site.DistrictId, site.RegisteredOn, site.LastInspectedOn,
            due, InspectionSchedule.Overdue(due, KazakhstanTime.Today(clock)), term?.Days, term?.Source, WeaponsAccess.Inspects(WeaponsScope.Actor(user), beat.DistrictId, beat.InspectorId),
            inspections.Select(x => new StorageInspectionView(x.i.Id, x.i.InspectedOn, x.By,
                (JsonSerializer.Deserialize<Dictionary<string, string>>(x.i.ChecklistJson) ?? []).Select(a => new ChecklistAnswerView(a.Key, items.GetValueOrDefault(a.Key) ?? a.Key, a.Value)).ToList(),
                breaches[x.i.Id].Select(b => new BreachView(b.Id, b.Text, b.Requirement, b.RequirementDue)).ToList())).ToList());
    }

    /// <summary>The inspector's day: his permits expiring within the reminder's days and his overdue sites (counts and names, logged as reads).</summary>
    public async Task<WeaponsDayView> DayAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var today = KazakhstanTime.Today(clock);
        // The day is the beat's inspector's: a city-wide reader (licensing, administrator) has no day, and listing the city's
        // permits and sites here would only fill the read log.
        var actor = WeaponsScope.Actor(user);
        if (!(actor.Inspector && actor.OfficerId is not null)) return new WeaponsDayView(settings.PermitExpiryReminderDays, [], []);
        var expiring = new List<ExpiringPermitView>();
        if (PermitExpiry.LastExpiryRemindedOn(today, settings.PermitExpiryReminderDays) is { } last)
            expiring = await (from w in db.CivilWeapons.AsNoTracking()
                              join h in scope.Holders(user) on w.HolderId equals h.Id
                              join b in db.Beats on h.BeatId equals b.Id
                              where w.ValidTo >= today && w.ValidTo <= last
                              orderby w.ValidTo, h.Name
                              select new ExpiringPermitView(h.Id, h.Name, b.Code, w.Kind.ToString(), w.PermitNumber, w.ValidTo)).Take(200).ToListAsync(cancellationToken);
        expiring = expiring.Select(e => e with { Kind = WeaponsNames.Of(Enum.Parse<CivilWeaponKind>(e.Kind)) }).ToList();
        var overdue = await OverdueAsync(scope.Sites(user), today, cancellationToken);
        var reader = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var reads = expiring.Select(e => (new PersonalRecord(WeaponsRegister.HolderRecordKind, e.HolderId.ToString(CultureInfo.InvariantCulture)), (string?)null)).Distinct()
            .Concat(overdue.Select(o => (new PersonalRecord(SiteRecordKind, o.SiteId.ToString(CultureInfo.InvariantCulture)), (string?)null))).ToList();
        if (reads.Count > 0) await log.RecordReadsAsync(reader, reads, "weapons on the inspector's day", cancellationToken);
        return new WeaponsDayView(settings.PermitExpiryReminderDays, expiring, overdue);
    }

    /// <summary>The district board's figures (a supervisor's own district, or any for an administrator: the page decides).</summary>
    public async Task<WeaponsBoardView> BoardAsync(ClaimsPrincipal user, int districtId, CancellationToken cancellationToken)
    {
        var today = KazakhstanTime.Today(clock);
        var sites = scope.SitesOfDistrict(districtId);
        var total = await sites.CountAsync(cancellationToken);
        var overdue = await OverdueAsync(sites, today, cancellationToken);
        var yearAgo = today.AddYears(-1);
        var breaches = await db.StorageBreaches.CountAsync(b => sites.Any(s => s.Id == b.SiteId) && db.StorageInspections.Any(i => i.Id == b.InspectionId && i.InspectedOn >= yearAgo), cancellationToken);
        var pastDue = await db.StorageBreaches.CountAsync(b => sites.Any(s => s.Id == b.SiteId) && b.RequirementDue < today && db.StorageInspections.Any(i => i.Id == b.InspectionId && i.InspectedOn >= yearAgo)
            && !db.StorageInspections.Any(later => later.SiteId == b.SiteId && later.InspectedOn > b.RequirementDue), cancellationToken);
        if (overdue.Count > 0)
            await log.RecordReadsAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, overdue.Select(o => (new PersonalRecord(SiteRecordKind, o.SiteId.ToString(CultureInfo.InvariantCulture)), (string?)null)), "overdue storage inspections on the district board", cancellationToken);
        return new WeaponsBoardView(total, overdue.Count, breaches, pastDue, overdue);
    }

    private async Task<List<OverdueSiteView>> OverdueAsync(IQueryable<StorageSite> sites, DateOnly today, CancellationToken cancellationToken)
    {
        // The interval is a setting per kind, so the due date is computed here, not in SQL; a beat has tens of sites, a district hundreds.
        var rows = await sites.Join(db.Beats, s => s.BeatId, b => b.Id, (s, b) => new { s.Id, s.Name, s.Kind, s.RegisteredOn, s.LastInspectedOn, b.Code }).ToListAsync(cancellationToken);
        return rows.Select(r => (r, Due: InspectionSchedule.NextDue(r.RegisteredOn, r.LastInspectedOn, settings.IntervalFor(r.Kind)?.Days)))
            .Where(x => InspectionSchedule.Overdue(x.Due, today)).OrderBy(x => x.Due).ThenBy(x => x.r.Name)
            .Select(x => new OverdueSiteView(x.r.Id, x.r.Name, x.r.Code, x.Due!.Value)).ToList();
    }
}

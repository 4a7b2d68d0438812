using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Transparency;
using Uchastok.Rules.Trust;
using Uchastok.Rules.WeaponSeizures;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.WeaponSeizures;

public enum SeizureOutcome { Created, Updated, Invalid, NotFound, Forbidden }

public sealed record SeizureCommandResult(SeizureOutcome Outcome, WeaponSeizure? Seizure, FieldErrors Errors);

/// <summary>
/// Recording seizures, linking them to their protocol, reading them, and the figures (issue 21). The page and the API
/// call the same methods; refusals come back as field errors in the caller's language and nothing is saved.
/// </summary>
public sealed class WeaponSeizureRegister(
    UchastokDbContext db, TerritorySnapshotCache territory, AddressSearch addresses, TerritoryText territoryText,
    WeaponSeizureProtection protection, PersonalDataLog log, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public const string RecordKind = "weapon-seizure";

    public async Task<SeizureCommandResult> RecordAsync(ClaimsPrincipal user, WeaponSeizureRequest input, CancellationToken cancellationToken = default)
    {
        if (!WeaponSeizureScope.MayRecord(user))
            return new(WeaponSeizureScope.ReadsOnly(user) ? SeizureOutcome.Forbidden : SeizureOutcome.NotFound, null, new FieldErrors());
        var errors = new FieldErrors();
        DateOnly? seizedOn = null;
        if (!string.IsNullOrWhiteSpace(input.SeizedOn))
        {
            if (DateOnly.TryParseExact(input.SeizedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) seizedOn = parsed;
            else errors.Add("seizedOn", localizer["Seizures.Problem.seizedOn.format"]);
        }
        var items = (input.Items ?? []).Select(i => new SeizureItemDraft(i.Category, i.Count, i.Type, i.Make, i.Model, i.Calibre, i.Series, i.Number)).ToList();
        var draft = new SeizureDraft(seizedOn, items, input.Determinants, input.ProtocolId, input.ProtocolNumber, input.IncidentNumber);
        foreach (var problem in SeizureRule.Check(draft, KazakhstanTime.Today(clock)))
            if (!(problem.Field == "seizedOn" && errors.ContainsKey("seizedOn"))) errors.Add(problem.Field, Message(problem));

        var place = await PlaceAsync(user, input, errors, cancellationToken);
        if (place is not null && input.ProtocolId is { } protocolId
            && !await db.Protocols.AsNoTracking().AnyAsync(p => p.Id == protocolId && p.DistrictId == place.Beat.DistrictId, cancellationToken))
            errors.Add("protocolId", localizer["Seizures.ProtocolNotInDistrict", protocolId]);
        if (errors.Count > 0 || place is null) return new(SeizureOutcome.Invalid, null, errors);

        var seizure = new WeaponSeizure
        {
            DistrictId = place.Beat.DistrictId,
            BeatId = place.Beat.Id,
            SeizedOn = seizedOn!.Value,
            Quarter = Quarter.Of(seizedOn.Value).ToString(),
            ProtectedPlace = protection.Protect(JsonSerializer.Serialize(new WeaponSeizurePlace(place.Address, place.Latitude, place.Longitude))),
            ProtocolId = input.ProtocolId,
            ProtocolNumber = SeizureRule.Trimmed(input.ProtocolNumber),
            IncidentNumber = SeizureRule.Trimmed(input.IncidentNumber),
            RecordedByUserId = WeaponSeizureScope.UserId(user),
            RecordedByOfficerId = user.IsInRole(Roles.Inspector) ? ScopeClaims.Officer(user) : null,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Items = items.Select((item, position) =>
            {
                var category = SeizureCategories.Find(item.Category)!;
                return new WeaponSeizureItem
                {
                    Position = position, Category = category.Code, Count = SeizureRule.CountOf(item, category)!.Value,
                    Type = SeizureRule.Trimmed(item.Type), Make = SeizureRule.Trimmed(item.Make), Model = SeizureRule.Trimmed(item.Model),
                    Calibre = SeizureRule.Trimmed(item.Calibre), Series = SeizureRule.Trimmed(item.Series), Number = SeizureRule.Trimmed(item.Number),
                };
            }).ToList(),
            Determinants = input.Determinants!.Distinct().Order().Select(code => new WeaponSeizureDeterminant { Code = code }).ToList(),
        };
        db.WeaponSeizures.Add(seizure);
        await db.SaveChangesAsync(cancellationToken);
        return new(SeizureOutcome.Created, seizure, errors);
    }

    /// <summary>Links a seizure to the protocol that recorded it, once that protocol is in Uchastok: one of the seizure's district, by whoever may record there.</summary>
    public async Task<SeizureCommandResult> LinkProtocolAsync(ClaimsPrincipal user, long id, WeaponSeizureProtocolRequest input, CancellationToken cancellationToken = default)
    {
        var seizure = await db.WeaponSeizures.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var snapshot = await territory.GetAsync(cancellationToken);
        var beat = seizure?.BeatId is { } beatId ? snapshot.Beat(beatId) : null;
        if (seizure is null || !WeaponSeizureScope.MayRead(user, seizure, beat?.InspectorId)) return new(SeizureOutcome.NotFound, null, new FieldErrors());
        var mayWrite = beat is not null ? WeaponSeizureScope.MayRecordOn(user, beat) : user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) == seizure.DistrictId;
        if (!mayWrite && seizure.RecordedByUserId != WeaponSeizureScope.UserIdOrNull(user)) return new(SeizureOutcome.Forbidden, seizure, new FieldErrors());
        var errors = new FieldErrors();
        if (input.ProtocolId is not { } protocolId) errors.Add("protocolId", localizer["Seizures.ProtocolIdRequired"]);
        else if (!await db.Protocols.AsNoTracking().AnyAsync(p => p.Id == protocolId && p.DistrictId == seizure.DistrictId, cancellationToken))
            errors.Add("protocolId", localizer["Seizures.ProtocolNotInDistrict", protocolId]);
        if (errors.Count > 0) return new(SeizureOutcome.Invalid, seizure, errors);
        seizure.ProtocolId = input.ProtocolId;
        await db.SaveChangesAsync(cancellationToken);
        return new(SeizureOutcome.Updated, seizure, errors);
    }

    /// <summary>The seizures the caller reads, newest first (of one quarter when given); no places, so nothing to log.</summary>
    public async Task<IReadOnlyList<WeaponSeizureSummary>?> ListAsync(ClaimsPrincipal user, string? quarter, int take, CancellationToken cancellationToken = default)
    {
        if (!WeaponSeizureScope.MayRecord(user) && !WeaponSeizureScope.ReadsOnly(user)) return null;
        var snapshot = await territory.GetAsync(cancellationToken);
        var query = db.WeaponSeizures.AsNoTracking();
        var userId = WeaponSeizureScope.UserId(user);
        if (user.IsInRole(Roles.Inspector) && !user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.Admin))
        {
            var officer = ScopeClaims.Officer(user);
            var beats = snapshot.Beats.Where(b => officer is not null && b.InspectorId == officer).Select(b => (int?)b.Id).ToList();
            query = query.Where(s => s.RecordedByUserId == userId || beats.Contains(s.BeatId));
        }
        else if (WeaponSeizureScope.DashboardDistricts(user) is { } districts)
        {
            var list = districts.ToList();
            query = query.Where(s => list.Contains(s.DistrictId) || s.RecordedByUserId == userId);
        }
        if (quarter is not null) query = query.Where(s => s.Quarter == quarter);
        var rows = await query.OrderByDescending(s => s.SeizedOn).ThenByDescending(s => s.Id).Take(Math.Clamp(take, 1, 200))
            .Include(s => s.Items).Include(s => s.Determinants).AsSplitQuery().ToListAsync(cancellationToken);
        var districtNames = await DistrictNamesAsync(cancellationToken);
        return rows.Select(s => Summary(s, snapshot, districtNames)).ToList();
    }

    /// <summary>One seizure as a list shows it; null outside the caller's scope.</summary>
    public async Task<WeaponSeizureSummary?> SummaryAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        var seizure = await db.WeaponSeizures.AsNoTracking().Include(s => s.Items).Include(s => s.Determinants).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (seizure is null) return null;
        var snapshot = await territory.GetAsync(cancellationToken);
        var beat = seizure.BeatId is { } beatId ? snapshot.Beat(beatId) : null;
        return WeaponSeizureScope.MayRead(user, seizure, beat?.InspectorId) ? Summary(seizure, snapshot, await DistrictNamesAsync(cancellationToken)) : null;
    }

    private WeaponSeizureSummary Summary(WeaponSeizure s, TerritorySnapshot snapshot, Dictionary<int, string> districtNames) => new(
        s.Id, s.SeizedOn, s.Quarter, s.DistrictId, districtNames.GetValueOrDefault(s.DistrictId, "—"), s.BeatId, BeatName(snapshot, s.BeatId),
        s.Items.OrderBy(i => i.Position).Select(i => new SeizureItemCount(i.Category, CategoryName(i.Category), i.Count)).ToList(),
        s.Determinants.Select(d => d.Code).Order().ToList(), s.ProtocolId, s.ProtocolNumber, s.IncidentNumber);

    /// <summary>A seizure in full, place included; the read is logged with its purpose. Null outside the caller's scope.</summary>
    public async Task<WeaponSeizureView?> ReadAsync(ClaimsPrincipal user, long id, string purpose, CancellationToken cancellationToken = default)
    {
        var seizure = await db.WeaponSeizures.AsNoTracking().Include(s => s.Items).Include(s => s.Determinants).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (seizure is null) return null;
        var snapshot = await territory.GetAsync(cancellationToken);
        var beat = seizure.BeatId is { } beatId ? snapshot.Beat(beatId) : null;
        if (!WeaponSeizureScope.MayRead(user, seizure, beat?.InspectorId)) return null;
        await log.RecordReadAsync(WeaponSeizureScope.UserId(user), new PersonalRecord(RecordKind, id.ToString(CultureInfo.InvariantCulture)), purpose, cancellationToken);
        var place = JsonSerializer.Deserialize<WeaponSeizurePlace>(protection.Unprotect(seizure.ProtectedPlace))!;
        var districtNames = await DistrictNamesAsync(cancellationToken);
        return new WeaponSeizureView(
            seizure.Id, seizure.SeizedOn, seizure.Quarter, seizure.DistrictId, districtNames.GetValueOrDefault(seizure.DistrictId, "—"), seizure.BeatId, BeatName(snapshot, seizure.BeatId), place,
            seizure.Items.OrderBy(i => i.Position).Select(i => new WeaponSeizureItemView(i.Category, CategoryName(i.Category), i.Count, i.Type, i.Make, i.Model, i.Calibre, i.Series, i.Number)).ToList(),
            seizure.Determinants.Select(d => d.Code).Order().Select(DeterminantView).ToList(),
            seizure.ProtocolId, seizure.ProtocolNumber, seizure.IncidentNumber, seizure.CreatedAtUtc);
    }

    /// <summary>The dashboard's figures for the caller's districts (all for an administrator), of one quarter or of all; null when the caller has none.</summary>
    public async Task<SeizureDashboardView?> DashboardAsync(ClaimsPrincipal user, int? districtId, string? quarter, CancellationToken cancellationToken = default)
    {
        var scope = WeaponSeizureScope.DashboardDistricts(user);
        if (scope is { Count: 0 }) return null;
        if (districtId is { } asked && scope is not null && !scope.Contains(asked)) return null;
        var seizures = db.WeaponSeizures.AsNoTracking();
        if (districtId is { } only) seizures = seizures.Where(s => s.DistrictId == only);
        else if (scope is not null)
        {
            var list = scope.ToList();
            seizures = seizures.Where(s => list.Contains(s.DistrictId));
        }
        if (quarter is not null) seizures = seizures.Where(s => s.Quarter == quarter);

        var counts = await db.WeaponSeizureItems.AsNoTracking()
            .Join(seizures, i => i.SeizureId, s => s.Id, (i, s) => new { s.DistrictId, s.Quarter, i.Category, i.Count })
            .GroupBy(x => new { x.DistrictId, x.Quarter, x.Category })
            .Select(g => new { g.Key.DistrictId, g.Key.Quarter, g.Key.Category, Count = g.Sum(x => x.Count) })
            .ToListAsync(cancellationToken);
        var cases = await seizures.GroupBy(s => new { s.DistrictId, s.Quarter }).Select(g => new { g.Key.DistrictId, g.Key.Quarter, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var determinants = await db.WeaponSeizureDeterminants.AsNoTracking()
            .Join(seizures, d => d.SeizureId, s => s.Id, (d, s) => new { s.DistrictId, d.Code })
            .GroupBy(x => new { x.DistrictId, x.Code }).Select(g => new { g.Key.DistrictId, g.Key.Code, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var names = await DistrictNamesAsync(cancellationToken);
        var table = SeizureTable.Build(counts.Select(c => new SeizureCount(c.DistrictId, c.Quarter, c.Category, c.Count)),
            cases.ToDictionary(c => (c.DistrictId, c.Quarter), c => c.Count));
        var byDistrict = determinants.Select(d => d.DistrictId).Distinct().Order()
            .Select(d => new DeterminantRowView(d, names.GetValueOrDefault(d, "—"),
                SeizureDeterminants.All.Select(x => determinants.Where(r => r.DistrictId == d && r.Code == x.Code).Sum(r => r.Count)).ToList()))
            .ToList();
        return new SeizureDashboardView(
            Catalogue().Categories,
            table.Select(q => new SeizureTableView(q.Quarter,
                q.Rows.Select(r => new SeizureTableRowView(r.DistrictId, names.GetValueOrDefault(r.DistrictId, "—"), r.ByCategory, r.Weapons, r.Cases)).ToList(),
                q.Totals, q.TotalWeapons, q.TotalCases)).ToList(),
            Catalogue().Determinants, byDistrict,
            SeizureDeterminants.All.Select((_, i) => byDistrict.Sum(r => r.ByDeterminant[i])).ToList());
    }

    /// <summary>
    /// The public figures: items by category for the whole city in each ended quarter of the last four, every count under
    /// the project's small-count rule (<see cref="OpenDataPrivacy.Suppress"/>: 1–4 not shown), applied to the seizures
    /// behind a count as well as to the items. No total is published:
    /// beside a hidden cell, a total would give it back. The quarter still running is left out, so a figure never moves
    /// under its reader, and a seizure days old is not announced.
    /// </summary>
    public async Task<PublicSeizureFigures> PublicAsync(CancellationToken cancellationToken = default)
    {
        var last = Quarter.Of(KazakhstanTime.Today(clock)).Previous;
        var quarters = last.Trailing(4).Select(q => q.ToString()).ToList();
        // A city's four quarters of seized items are few rows: grouped here, so that both counts come from one read.
        var items = await db.WeaponSeizureItems.AsNoTracking()
            .Join(db.WeaponSeizures.Where(s => quarters.Contains(s.Quarter)), i => i.SeizureId, s => s.Id, (i, s) => new { s.Quarter, i.Category, i.SeizureId, i.Count })
            .ToListAsync(cancellationToken);
        var counts = items.GroupBy(x => (x.Quarter, x.Category))
            .ToDictionary(g => g.Key, g => (Items: g.Sum(x => x.Count), Cases: g.Select(x => x.SeizureId).Distinct().Count()));
        return new PublicSeizureFigures(
            quarters.AsEnumerable().Reverse().Select(q => new PublicSeizureQuarter(q, SeizureCategories.All
                .Select(c => new PublicSeizureCount(c.Code, Name(c), Published(counts.GetValueOrDefault((q, c.Code)))))
                .ToList())).ToList(),
            OpenDataPrivacy.MinimumCount);

        // The small-count rule is about events, not pieces: one seizure of 30 rounds is one case and could point at a
        // person as surely as a count of one, so a category's items are shown only when they come from enough seizures.
        static int? Published((int Items, int Cases) count) =>
            OpenDataPrivacy.Suppress(count.Cases) is null ? null : OpenDataPrivacy.Suppress(count.Items);
    }

    public static SeizureCatalogueView Catalogue() => new(
        SeizureCategories.All.Select(c => new SeizureCategoryView(c.Code, Name(c), c.Firearm, c.Required)).ToList(),
        SeizureDeterminants.All.Select(d => DeterminantView(d.Code)).ToList());

    public static string Name(SeizureCategory category) => LocalizationSetup.Pick(category.NameKk, category.NameRu, category.NameEn);

    public static string CategoryName(string code) => SeizureCategories.Find(code) is { } c ? Name(c) : code;

    public static SeizureDeterminantView DeterminantView(int code) =>
        SeizureDeterminants.Find(code) is { } d ? new(d.Code, LocalizationSetup.Pick(d.NameKk, d.NameRu, d.NameEn)) : new(code, code.ToString(CultureInfo.InvariantCulture));

    /// <summary>A rule's refusal as a sentence in the reader's language, naming the item and the field.</summary>
    private string Message(SeizureProblem problem)
    {
        if (problem.Item is not { } item) return localizer[$"Seizures.Problem.{problem.Field}.{problem.Code}", SeizureRule.MaxItems, SeizureRule.MaxProtocolNumber].Value;
        if (problem.Category is null) return localizer["Seizures.Problem.category", item].Value;
        var field = localizer[$"Seizures.Field.{problem.ItemField}"].Value;
        var limit = problem.Code == "countRange" ? SeizureRule.MaxCount : SeizureRule.MaxText;
        return localizer[$"Seizures.Problem.{problem.Code}", item, CategoryName(problem.Category), field, limit].Value;
    }

    private sealed record Place(Beat Beat, string? Address, double? Latitude, double? Longitude);

    /// <summary>
    /// A map point decides when there is one (named by the typed address, or the gazetteer's nearest); else a typed address
    /// the gazetteer knows to the house. Either must lie on a beat the caller records on.
    /// </summary>
    private async Task<Place?> PlaceAsync(ClaimsPrincipal user, WeaponSeizureRequest input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var snapshot = await territory.GetAsync(cancellationToken);
        var address = SeizureRule.Trimmed(input.Address);
        if (address is { Length: > 200 })
        {
            errors.Add("address", localizer["Seizures.AddressTooLong", 200]);
            return null;
        }
        Place? placed = null;
        if (input.Lat is not null || input.Lon is not null)
        {
            if (input.Lat is not { } lat || input.Lon is not { } lon || !Coordinates.AreValid(lat, lon))
            {
                errors.Add("lat", localizer["Seizures.PointInvalid"]);
                return null;
            }
            if (snapshot.Locator.Locate(lon, lat) is not { } beatId || snapshot.Beat(beatId) is not { } beat)
            {
                errors.Add("lat", localizer["Seizures.PointOutsideCity"]);
                return null;
            }
            placed = new Place(beat, address ?? (await addresses.NearestAsync(lat, lon, cancellationToken))?.Line, lat, lon);
        }
        else if (address is not null)
        {
            var hits = await addresses.SearchAsync(address, 1, cancellationToken);
            if (hits.Count == 0 || !hits[0].ExactHouse || snapshot.Locator.Locate(hits[0].Longitude, hits[0].Latitude) is not { } beatId || snapshot.Beat(beatId) is not { } beat)
            {
                errors.Add("address", localizer["Seizures.AddressUnknown"]);
                return null;
            }
            placed = new Place(beat, hits[0].Line, hits[0].Latitude, hits[0].Longitude);
        }
        else
        {
            errors.Add("address", localizer["Seizures.PlaceRequired"]);
            return null;
        }
        if (!WeaponSeizureScope.MayRecordOn(user, placed.Beat))
        {
            errors.Add("address", localizer["Seizures.PlaceNotYours"]);
            return null;
        }
        return placed;
    }

    private string? BeatName(TerritorySnapshot snapshot, int? beatId) => beatId is { } id && snapshot.Beat(id) is { } beat ? territoryText.BeatName(beat) : null;

    private async Task<Dictionary<int, string>> DistrictNamesAsync(CancellationToken cancellationToken) =>
        (await db.Districts.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(d => d.Id, territoryText.DistrictName);
}

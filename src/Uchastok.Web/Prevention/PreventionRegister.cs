using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Identity;
using Uchastok.Rules.Prevention;
using Uchastok.Rules.Territory;
using Uchastok.Web.Accounts;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Prevention;

/// <summary>How a write to the prevention file ended: done, refused field by field, or the record is not the caller's to see (404) or to change (403).</summary>
public enum PreventionWriteResult { Done, Invalid, NotFound, Forbidden, Conflict }

/// <summary>What the register list is narrowed to. <see cref="Query"/> is an exact IIN (12 digits) or the start of a name.</summary>
public sealed record PreventionRegisterFilter(
    int? DistrictId = null, int? BeatId = null, string? Category = null, bool Removed = false, bool OverdueOnly = false,
    string? Query = null, PreventionRegisterPosition? After = null, int Take = PreventionRegister.DefaultPage);

/// <summary>
/// The preventive register (C15): putting a person on record, the district's list, a person's file and
/// what happens to it. Who reads and who writes is <see cref="PreventionAccess"/>'s decision on the
/// record's beat at every call; outside it a file does not exist (404). The IIN is encrypted with a
/// keyed hash beside it, the free text is encrypted, and every read of a file and every search is
/// written to the personal-data log (ADR 0010).
/// </summary>
public sealed class PreventionRegister(
    UchastokDbContext db, PreventionScope scope, PreventionProtection protection, SearchHashes hashes, TerritoryQueries territory,
    AddressSearch addresses, TerritoryText text, WorkingCalendarProvider calendars, PersonalDataLog log, PreventionDayCache days,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock, PreventionRegisterCursor cursors)
{
    public const int DefaultPage = 50;
    public const int MaxPage = 200;
    public const int MaxAddressTextLength = 300;
    public const int MaxProtocolReferenceLength = 100;
    public const int MaxReasonLength = 2000;
    /// <summary>The kind under which reads of a file go to the personal-data log.</summary>
    public const string RecordKind = "prevention-file";
    private const string IinHashKind = "iin";

    public async Task<(PreventionFileView? File, FieldErrors Errors)> PutOnRecordAsync(ClaimsPrincipal user, PreventionEntryRequest input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var today = calendars.Today();
        var point = input.Latitude is { } lat && input.Longitude is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        foreach (var error in PreventionEntryValidator.Validate(new PreventionEntryInput(
                     input.FullName, input.BirthDate, input.Iin, input.AddressId, point, input.Category, input.Basis, input.PutOnRecord), today))
            PreventionMessages.Add(localizer, errors, error);
        if (input.AddressText?.Trim().Length > MaxAddressTextLength) PreventionMessages.Add(localizer, errors, new("address", PreventionProblem.TooLong));

        var code = input.Category?.Trim().ToLowerInvariant();
        var category = string.IsNullOrEmpty(code) ? null
            : await db.PreventionCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && c.IsActive, cancellationToken);
        if (category is null && !string.IsNullOrWhiteSpace(input.Category)) PreventionMessages.Add(localizer, errors, new("category", PreventionProblem.Invalid));
        var place = errors.ContainsKey("address") || errors.ContainsKey("point") ? null : await PlaceAsync(input.AddressId, point, input.AddressText, errors, cancellationToken);
        if (place is not null && category is not null)
        {
            var actor = await scope.ActorAsync(user, cancellationToken);
            if (!MayWrite(actor, Scope(place.BeatId, place.DistrictId, category)))
                errors.Add("address", localizer["Prevention.AddressOutOfScope"]);
        }
        if (errors.Count > 0) return (null, errors);

        var iin = string.IsNullOrWhiteSpace(input.Iin) ? null : input.Iin.Trim();
        var name = input.FullName!.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new PreventionEntry
        {
            CategoryId = category!.Id, BeatId = place!.BeatId, DistrictId = place.DistrictId, FullName = name, NameKey = PreventionDuplicates.NameKey(name),
            BirthDate = input.BirthDate!.Value, ProtectedIin = iin is null ? null : protection.ProtectIin(iin), MaskedIin = iin is null ? null : Iin.Mask(iin),
            IinHash = iin is null ? null : await hashes.HashAsync(IinHashKind, iin, cancellationToken),
            AddressId = place.AddressId, Latitude = place.Latitude, Longitude = place.Longitude, AddressText = place.Text,
            ProtectedBasis = protection.ProtectText(input.Basis!.Trim()), PutOnRecord = input.PutOnRecord!.Value, State = PreventionFileState.OnRecord,
            CreatedByUserId = PreventionScope.UserId(user), CreatedAtUtc = now,
        };
        var firstDue = PreventionPlanSchedule.FirstDue(entry.PutOnRecord, await calendars.GetAsync(cancellationToken));
        // The entry and its first visit are saved together: a file never stands on record without a plan.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.PreventionEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            // The plan starts with its first visit, due the day the person is put on record (or the next working day).
            db.PreventionActions.Add(new PreventionAction { EntryId = entry.Id, Kind = PreventionActionKind.Visit, Recurring = true, Due = firstDue, CreatedAtUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        days.Changed();
        return (await FileAsync(user, entry.Id, "put on record", cancellationToken), errors);
    }

    /// <summary>
    /// The register in the caller's scope, in name order, a page at a time (keyset: constant time on
    /// any page). Null when the caller may see no register at all. A search is logged.
    /// </summary>
    public async Task<PreventionRegisterPage?> ListAsync(ClaimsPrincipal user, PreventionRegisterFilter filter, CancellationToken cancellationToken = default)
    {
        var actor = await scope.ActorAsync(user, cancellationToken);
        var query = InScope(actor);
        if (query is null) return null;
        var take = Math.Clamp(filter.Take, 1, MaxPage);
        var today = calendars.Today();
        query = query.Where(e => e.State == (filter.Removed ? PreventionFileState.Removed : PreventionFileState.OnRecord));
        if (filter.DistrictId is { } district) query = query.Where(e => e.DistrictId == district);
        if (filter.BeatId is { } beat) query = query.Where(e => e.BeatId == beat);
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var code = filter.Category.Trim().ToLowerInvariant();
            query = query.Where(e => db.PreventionCategories.Any(c => c.Id == e.CategoryId && c.Code == code));
        }
        if (filter.OverdueOnly)
            query = query.Where(e => db.PreventionActions.Any(a => a.EntryId == e.Id && a.DoneOn == null && a.CancelledAtUtc == null && a.Due < today));
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var typed = filter.Query.Trim();
            if (typed.Length == 12 && typed.All(char.IsAsciiDigit))
            {
                var hash = await hashes.HashAsync(IinHashKind, typed, cancellationToken);
                query = query.Where(e => e.IinHash == hash);
            }
            else
            {
                var key = PreventionDuplicates.NameKey(typed);
                query = query.Where(e => e.NameKey.StartsWith(key));
            }
            // A search is a read of whoever it finds: logged without the IIN or name searched for.
            await log.RecordReadAsync(PreventionScope.UserId(user), new PersonalRecord("prevention-register", "search"),
                typed.All(char.IsAsciiDigit) ? "register search by IIN" : "register search by name", cancellationToken);
        }
        if (filter.After is { } after)
        {
            // Keyset on (FullName, Id). The leading >= is implied by the OR, but written out so that PostgreSQL, like SQLite,
            // seeks the index on DistrictId, State, FullName, Id to the cursor instead of reading the pages before it.
            var (last, lastId) = (after.FullName, after.Id);
            query = query.Where(e => string.Compare(e.FullName, last) >= 0 && (string.Compare(e.FullName, last) > 0 || e.Id > lastId));
        }

        var rows = await (from e in query
                          join c in db.PreventionCategories on e.CategoryId equals c.Id
                          join b in db.Beats on e.BeatId equals b.Id
                          orderby e.FullName, e.Id
                          select new
                          {
                              e.Id, e.FullName, e.BirthDate, e.MaskedIin, c.Code, c.NameKk, c.NameRu, c.NameEn, e.BeatId, BeatCode = b.Code, e.AddressText, e.PutOnRecord, e.State,
                              NextDue = db.PreventionActions.Where(a => a.EntryId == e.Id && a.DoneOn == null && a.CancelledAtUtc == null).Min(a => (DateOnly?)a.Due),
                          }).Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).Select(r => new PreventionEntryRow(
            r.Id, r.FullName, r.BirthDate, r.MaskedIin, r.Code, LocalizationSetup.Pick(r.NameKk, r.NameRu, r.NameEn), r.BeatId, r.BeatCode, r.AddressText, r.PutOnRecord,
            r.State.ToString(), r.NextDue, r.NextDue is { } due && due < today)).ToList();
        return new PreventionRegisterPage(page, rows.Count > take ? cursors.Protect(new PreventionRegisterPosition(page[^1].FullName, page[^1].Id)) : null);
    }

    /// <summary>A person's file, or null (404) when it is not in the caller's scope. Every read is logged with its purpose.</summary>
    public async Task<PreventionFileView?> FileAsync(ClaimsPrincipal user, long id, string purpose, CancellationToken cancellationToken = default)
    {
        var found = await ReadableAsync(user, id, cancellationToken);
        if (found is null) return null;
        var (entry, category, actor) = found.Value;
        var record = new PersonalRecord(RecordKind, id.ToString(CultureInfo.InvariantCulture));
        await log.RecordReadAsync(PreventionScope.UserId(user), record, purpose, cancellationToken);

        var today = calendars.Today();
        var beat = await db.Beats.AsNoTracking().Include(b => b.Inspector).SingleAsync(b => b.Id == entry.BeatId, cancellationToken);
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken);
        var actions = await db.PreventionActions.AsNoTracking().Where(a => a.EntryId == id).OrderBy(a => a.Due).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var events = await db.PreventionEvents.AsNoTracking().Where(e => e.EntryId == id).OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)
            .Join(db.Users, e => e.ByUserId, u => u.Id, (e, u) => new { Event = e, u.DisplayName }).ToListAsync(cancellationToken);
        var beatCodes = await db.Beats.AsNoTracking().Where(b => events.Select(e => e.Event.FromBeatId).Concat(events.Select(e => e.Event.ToBeatId)).Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.Code, cancellationToken);
        var oversees = actor.Kind is PreventionActorKind.Supervisor or PreventionActorKind.Admin;

        return new PreventionFileView(
            entry.Id, entry.FullName, entry.BirthDate, entry.MaskedIin, category.Code, LocalizationSetup.Pick(category.NameKk, category.NameRu, category.NameEn), category.LegalBasis,
            category.Juvenile, category.DomesticViolenceOffender, category.HealthRelated,
            entry.BeatId, beat.Code, entry.DistrictId, beat.Inspector is { } inspector ? text.OfficerName(inspector) : null,
            entry.AddressId, entry.AddressText, entry.Latitude, entry.Longitude, protection.UnprotectText(entry.ProtectedBasis)!, entry.PutOnRecord,
            entry.State.ToString(), entry.RemovedOn, protection.UnprotectText(entry.ProtectedRemovalReason), entry.PurgeDueOn, entry.Version,
            actions.Select(a => ActionView(a, today, officers)).ToList(),
            events.Select(e => new PreventionEventView(e.Event.Id, e.Event.Kind.ToString(), e.Event.OccurredOn, protection.UnprotectText(e.Event.ProtectedNote),
                e.Event.FromBeatId is { } from ? beatCodes.GetValueOrDefault(from) : null, e.Event.ToBeatId is { } to ? beatCodes.GetValueOrDefault(to) : null,
                e.Event.ProtocolReference, e.DisplayName, e.Event.AtUtc)).ToList(),
            oversees ? await DuplicatesAsync(entry, actor, PreventionScope.UserId(user), cancellationToken) : null,
            oversees ? (await log.HistoryAsync(record, cancellationToken: cancellationToken)).Select(r => new PreventionReadView(r.ReaderName, r.Purpose, r.AtUtc)).ToList() : null);
    }

    /// <summary>
    /// Records what happened to a person on record (<see cref="PreventionFileLifecycle"/>): a breach, a new
    /// offence, a new address (which moves the file when it lies on another beat), a move, the removal.
    /// </summary>
    public async Task<(PreventionWriteResult Result, FieldErrors Errors)> RecordEventAsync(ClaimsPrincipal user, long id, PreventionEventRequest input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var (result, entry, category) = await WritableAsync(user, id, cancellationToken);
        if (result != PreventionWriteResult.Done) return (result, errors);
        if (!Enum.TryParse<PreventionFileEvent>(input.Kind?.Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            PreventionMessages.Add(localizer, errors, new("kind", input.Kind is null ? PreventionProblem.Required : PreventionProblem.Invalid));
            return (PreventionWriteResult.Invalid, errors);
        }
        var reason = input.Reason?.Trim();
        if (reason?.Length > MaxReasonLength) PreventionMessages.Add(localizer, errors, new("reason", PreventionProblem.TooLong));
        var protocol = input.ProtocolReference?.Trim();
        if (protocol?.Length > MaxProtocolReferenceLength) PreventionMessages.Add(localizer, errors, new("protocolReference", PreventionProblem.TooLong));
        var point = input.Latitude is { } lat && input.Longitude is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        var hasAddress = input.AddressId is not null || point is not null;

        var decision = PreventionFileLifecycle.Decide(
            new PreventionFileFacts(entry!.State, entry.BeatId, entry.PutOnRecord, category!.RetentionAfterRemoval), kind,
            new PreventionFileEventInput(input.OccurredOn, reason, hasAddress ? "given" : null, input.ToBeatId, protocol), calendars.Today());
        if (!decision.Allowed) AddRefusal(errors, decision.Refusal);

        Place? newPlace = null;
        if (decision.Allowed && decision.Effects.ReplacesAddress)
            newPlace = await PlaceAsync(input.AddressId, point, input.AddressText, errors, cancellationToken);
        Beat? target = null;
        if (decision.Allowed && decision.Effects.MovesToBeatId is { } toBeat)
        {
            // A move hands the file to another beat of its district; a person who moves to another district is a change of address.
            target = await db.Beats.AsNoTracking().SingleOrDefaultAsync(b => b.Id == toBeat && b.IsActive && b.DistrictId == entry.DistrictId, cancellationToken);
            if (target is null) PreventionMessages.Add(localizer, errors, new("toBeatId", PreventionProblem.Invalid));
        }
        if (errors.Count > 0) return (PreventionWriteResult.Invalid, errors);

        var effects = decision.Effects;
        var by = PreventionScope.UserId(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var occurred = input.OccurredOn!.Value;
        db.PreventionEvents.Add(new PreventionEvent
        {
            EntryId = entry.Id, Kind = kind, OccurredOn = occurred, ByUserId = by, AtUtc = now,
            ProtectedNote = protection.ProtectTextOrNull(kind == PreventionFileEvent.AddressChanged ? newPlace!.Text : reason),
            FromBeatId = target is null ? null : entry.BeatId, ToBeatId = target?.Id,
            ProtocolReference = effects.LinksProtocol ? protocol : null,
        });
        if (newPlace is not null)
        {
            (entry.AddressId, entry.Latitude, entry.Longitude, entry.AddressText) = (newPlace.AddressId, newPlace.Latitude, newPlace.Longitude, newPlace.Text);
            // A new address on another beat moves the file there, as its own event, so a move is always explicit in the history.
            if (newPlace.BeatId != entry.BeatId)
            {
                db.PreventionEvents.Add(new PreventionEvent
                {
                    EntryId = entry.Id, Kind = PreventionFileEvent.MovedToBeat, OccurredOn = occurred, ByUserId = by, AtUtc = now,
                    FromBeatId = entry.BeatId, ToBeatId = newPlace.BeatId,
                });
                (entry.BeatId, entry.DistrictId) = (newPlace.BeatId, newPlace.DistrictId);
            }
        }
        if (target is not null) (entry.BeatId, entry.DistrictId) = (target.Id, target.DistrictId);
        if (effects.CancelsOpenActions)
        {
            foreach (var open in await db.PreventionActions.Where(a => a.EntryId == entry.Id && a.DoneOn == null && a.CancelledAtUtc == null).ToListAsync(cancellationToken))
                open.CancelledAtUtc = now;
        }
        if (effects.RemovedOn is { } removedOn)
        {
            entry.RemovedOn = removedOn;
            entry.ProtectedRemovalReason = protection.ProtectTextOrNull(reason);
            entry.PurgeDueOn = effects.PurgeDueOn;
        }
        entry.State = decision.To;
        return await SaveFileAsync(entry, errors, cancellationToken);
    }

    /// <summary>
    /// Saves a change to a file (its events, its plan) with the file's version raised, so two changes racing on one
    /// file (a double tap on "done", a visit recorded while the file is removed) cannot both land: the second is
    /// answered 409 and writes nothing. The kept days are dropped once it is saved.
    /// </summary>
    internal async Task<(PreventionWriteResult Result, FieldErrors Errors)> SaveFileAsync(PreventionEntry entry, FieldErrors errors, CancellationToken cancellationToken)
    {
        entry.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (PreventionWriteResult.Conflict, errors);
        }
        days.Changed();
        return (PreventionWriteResult.Done, errors);
    }

    /// <summary>The entry and its category when the caller may read it; null (404) otherwise.</summary>
    internal async Task<(PreventionEntry Entry, PreventionCategoryRecord Category, PreventionActor Actor)?> ReadableAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var row = await db.PreventionEntries.AsNoTracking().Where(e => e.Id == id)
            .Join(db.PreventionCategories, e => e.CategoryId, c => c.Id, (e, c) => new { Entry = e, Category = c }).SingleOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var actor = await scope.ActorAsync(user, cancellationToken);
        return PreventionAccess.Read(actor, Scope(row.Entry.BeatId, row.Entry.DistrictId, row.Category)).Allowed ? (row.Entry, row.Category, actor) : null;
    }

    /// <summary>The tracked entry when the caller may change it: NotFound outside his scope, Forbidden for an administrator, who reads but does not do police work.</summary>
    internal async Task<(PreventionWriteResult Result, PreventionEntry? Entry, PreventionCategoryRecord? Category)> WritableAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var readable = await ReadableAsync(user, id, cancellationToken);
        if (readable is null) return (PreventionWriteResult.NotFound, null, null);
        if (!MayWrite(readable.Value.Actor, Scope(readable.Value.Entry.BeatId, readable.Value.Entry.DistrictId, readable.Value.Category)))
            return (PreventionWriteResult.Forbidden, null, null);
        var entry = await db.PreventionEntries.SingleAsync(e => e.Id == id, cancellationToken);
        return (PreventionWriteResult.Done, entry, readable.Value.Category);
    }

    /// <summary>The register rows the actor may see, mirroring <see cref="PreventionAccess"/>; null for whoever sees none.</summary>
    internal IQueryable<PreventionEntry>? InScope(PreventionActor actor)
    {
        var entries = db.PreventionEntries.AsNoTracking();
        var district = actor.DistrictId ?? -1;
        var beats = actor.BeatIds.ToList();
        return actor.Kind switch
        {
            PreventionActorKind.Admin => entries,
            PreventionActorKind.Inspector => entries.Where(e => beats.Contains(e.BeatId)),
            PreventionActorKind.Supervisor => entries.Where(e => e.DistrictId == district),
            PreventionActorKind.JuvenileInspector => entries.Where(e => e.DistrictId == district && db.PreventionCategories.Any(c => c.Id == e.CategoryId && c.Juvenile)),
            PreventionActorKind.WomenProtectionOfficer => entries.Where(e => e.DistrictId == district && db.PreventionCategories.Any(c => c.Id == e.CategoryId && c.DomesticViolenceOffender)),
            _ => null,
        };
    }

    /// <summary>How access sees a register entry: a DV offender's file is part of the DV work the women-protection officer reads.</summary>
    internal static PreventionRecordScope Scope(int beatId, int districtId, PreventionCategoryRecord category) =>
        new(beatId, districtId, Juvenile: category.Juvenile, DomesticViolenceCase: category.DomesticViolenceOffender);

    /// <summary>Who changes a file: whoever reads it, but the administrator, who runs the platform rather than the caseload.</summary>
    internal static bool MayWrite(PreventionActor actor, PreventionRecordScope record) =>
        actor.Kind != PreventionActorKind.Admin && PreventionAccess.Read(actor, record).Allowed;

    internal PreventionActionView ActionView(PreventionAction a, DateOnly today, IReadOnlyDictionary<int, Officer> officers) => new(
        a.Id, a.Kind.ToString(), a.Recurring, a.Due, a.DoneOn,
        a.CancelledAtUtc is not null ? "Cancelled" : PreventionPlanSchedule.Status(a.Due, a.DoneOn, today).ToString(),
        a.Place, protection.UnprotectText(a.ProtectedNote),
        a.DoneByOfficerId is { } officer && officers.TryGetValue(officer, out var o) ? text.OfficerName(o) : null);

    /// <summary>
    /// Possible duplicates across the city (index lookups on the keyed IIN hash and the folded name with birth date;
    /// the rule decides which count). One the supervisor may read is named and linked, and its read logged; one
    /// elsewhere is shown only as "in another district" with the district's code, so the check crosses districts
    /// without showing anyone's file outside them.
    /// </summary>
    private async Task<IReadOnlyList<PreventionDuplicateView>> DuplicatesAsync(PreventionEntry entry, PreventionActor actor, string reader, CancellationToken cancellationToken)
    {
        var candidates = await db.PreventionEntries.AsNoTracking()
            .Where(e => e.Id != entry.Id && ((entry.IinHash != null && e.IinHash == entry.IinHash) || (e.NameKey == entry.NameKey && e.BirthDate == entry.BirthDate)))
            .Join(db.PreventionCategories, e => e.CategoryId, c => c.Id, (e, c) => new { Entry = e, Category = c })
            .Join(db.Beats, x => x.Entry.BeatId, b => b.Id, (x, b) => new { x.Entry.Id, x.Entry.IinHash, x.Entry.FullName, x.Entry.BirthDate, x.Entry.BeatId, x.Entry.DistrictId, x.Category, b.Code })
            .Join(db.Districts, x => x.DistrictId, d => d.Id, (x, d) => new { x.Id, x.IinHash, x.FullName, x.BirthDate, x.BeatId, x.DistrictId, x.Category, x.Code, District = d.Code })
            .Take(50).ToListAsync(cancellationToken);
        var found = PreventionDuplicates.Find(new PreventionPersonKey(entry.Id, entry.IinHash, entry.FullName, entry.BirthDate),
            candidates.Select(c => new PreventionPersonKey(c.Id, c.IinHash, c.FullName, c.BirthDate)));
        var views = new List<PreventionDuplicateView>();
        foreach (var d in found)
        {
            var c = candidates.Single(x => x.Id == d.EntryId);
            if (PreventionAccess.Read(actor, Scope(c.BeatId, c.DistrictId, c.Category)).Allowed)
            {
                views.Add(new PreventionDuplicateView(c.Id, d.Reason.ToString(), c.FullName, c.BirthDate, c.Code, c.District));
                await log.RecordReadAsync(reader, new PersonalRecord(RecordKind, c.Id.ToString(CultureInfo.InvariantCulture)), "shown as a possible duplicate", cancellationToken);
            }
            else
            {
                views.Add(new PreventionDuplicateView(null, d.Reason.ToString(), null, null, null, c.District));
            }
        }
        return views;
    }

    private sealed record Place(int? AddressId, double Latitude, double Longitude, string Text, int BeatId, int DistrictId);

    /// <summary>
    /// Where a person lives: a gazetteer address, or a map point with what the inspector wrote beside it
    /// (else the nearest gazetteer address, else the coordinates), on the beat that holds it.
    /// </summary>
    private async Task<Place?> PlaceAsync(int? addressId, GeoPoint? point, string? typed, FieldErrors errors, CancellationToken cancellationToken)
    {
        double latitude, longitude;
        string line;
        if (addressId is { } id)
        {
            var address = await db.Addresses.AsNoTracking().Include(a => a.Street).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (address is null)
            {
                PreventionMessages.Add(localizer, errors, new("address", PreventionProblem.Invalid));
                return null;
            }
            (latitude, longitude, line) = (address.Latitude, address.Longitude, text.AddressLine(address));
        }
        else if (point is { } p)
        {
            (latitude, longitude) = (p.Latitude, p.Longitude);
            line = !string.IsNullOrWhiteSpace(typed) ? typed.Trim()
                : (await addresses.NearestAsync(latitude, longitude, cancellationToken))?.Line
                  ?? string.Create(CultureInfo.InvariantCulture, $"{latitude:F5}, {longitude:F5}");
        }
        else
        {
            PreventionMessages.Add(localizer, errors, new("address", PreventionProblem.Required));
            return null;
        }
        var beat = await territory.LocateAsync(latitude, longitude, cancellationToken);
        if (beat is null)
        {
            errors.Add("address", localizer["Prevention.AddressOnNoBeat"]);
            return null;
        }
        return new Place(addressId, latitude, longitude, line, beat.Id, beat.DistrictId);
    }

    private void AddRefusal(FieldErrors errors, PreventionFileRefusal refusal)
    {
        switch (refusal)
        {
            case PreventionFileRefusal.NotFromThisState: errors.Add("kind", localizer["Prevention.FileRemoved"]); break;
            case PreventionFileRefusal.DateRequired: PreventionMessages.Add(localizer, errors, new("occurredOn", PreventionProblem.Required)); break;
            case PreventionFileRefusal.DateInFuture: PreventionMessages.Add(localizer, errors, new("occurredOn", PreventionProblem.InFuture)); break;
            case PreventionFileRefusal.DateBeforeRecord: PreventionMessages.Add(localizer, errors, new("occurredOn", PreventionProblem.BeforeStart)); break;
            case PreventionFileRefusal.ReasonRequired: PreventionMessages.Add(localizer, errors, new("reason", PreventionProblem.Required)); break;
            case PreventionFileRefusal.AddressRequired: PreventionMessages.Add(localizer, errors, new("address", PreventionProblem.Required)); break;
            case PreventionFileRefusal.TargetBeatRequired: PreventionMessages.Add(localizer, errors, new("toBeatId", PreventionProblem.Required)); break;
            case PreventionFileRefusal.SameBeat: errors.Add("toBeatId", localizer["Prevention.SameBeat"]); break;
        }
    }
}

/// <summary>Turns the rules' field problems into sentences in the caller's language that start with the field's label.</summary>
internal static class PreventionMessages
{
    public static void Add(IStringLocalizer localizer, FieldErrors errors, PreventionFieldError error) =>
        errors.Add(error.Field, localizer[$"Prevention.Problem.{error.Problem}", localizer[$"Prevention.Field.{error.Field}"].Value]);
}

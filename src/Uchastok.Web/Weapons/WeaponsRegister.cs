using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Identity;
using Uchastok.Rules.Weapons;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Weapons;

public sealed record HolderEditRequest(string? Name, string? Address);

/// <summary>
/// The register of weapons in civil circulation: holders on a beat, their weapons and permits. The page and the API
/// call these; every holder shown is a logged read (record kind <see cref="HolderRecordKind"/>), out of scope is "not found".
/// </summary>
public sealed class WeaponsRegister(
    UchastokDbContext db, WeaponsScope scope, WeaponsProtection protection, SearchHashes hashes, PersonalDataLog log,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const string HolderRecordKind = "weapons-holder";
    public const int PageSize = 50;

    public async Task<(WeaponHolderView? Holder, FieldErrors Errors)> AddAsync(WeaponHolderRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var input = request.ToInput();
        var errors = Localize(WeaponHolderRules.Validate(input));
        var beat = errors.ContainsKey("beat") ? null : (await scope.BeatsAsync(user, cancellationToken)).FirstOrDefault(b => string.Equals(b.Code, input.Beat!.Trim(), StringComparison.OrdinalIgnoreCase));
        if (beat is null && !errors.ContainsKey("beat")) errors.Add("beat", localizer["Weapons.Problem.BeatNotYours"]);
        if (errors.Count > 0) return (null, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = await NewHolderAsync(input, beat!, user.FindFirstValue(ClaimTypes.NameIdentifier), null, now, cancellationToken);
        db.WeaponHolders.Add(holder);
        await db.SaveChangesAsync(cancellationToken);
        db.CivilWeapons.Add(NewWeapon(input, holder.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(user, holder.Id, "a holder just added", cancellationToken), errors);
    }

    public async Task<(WeaponHolderView? Holder, FieldErrors Errors)> AddWeaponAsync(long holderId, CivilWeaponRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var holder = await scope.Holders(user).SingleOrDefaultAsync(h => h.Id == holderId, cancellationToken);
        if (holder is null) return (null, errors);
        // The holder's part is already on the register; the rule checks the weapon's part with the holder's filled in.
        var input = new WeaponHolderInput(WeaponsNames.Of(holder.Kind), holder.Name, null, holder.Bin, holder.Address, "beat",
            request.WeaponKind, request.Make, request.Model, request.Calibre, request.SerialNumber, request.PermitNumber, request.Issuer, request.ValidFrom, request.ValidTo);
        errors = Localize(WeaponHolderRules.Validate(input));
        if (errors.Count > 0) return (null, errors);
        db.CivilWeapons.Add(NewWeapon(input, holder.Id, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(user, holder.Id, "a weapon just added", cancellationToken), errors);
    }

    public async Task<(WeaponHolderView? Holder, FieldErrors Errors)> EditAsync(long holderId, HolderEditRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var holder = await scope.Holders(user).AsTracking().SingleOrDefaultAsync(h => h.Id == holderId, cancellationToken);
        if (holder is null) return (null, errors);
        foreach (var (field, value, max) in new[] { ("name", request.Name, WeaponHolderRules.NameMax), ("address", request.Address, WeaponHolderRules.AddressMax) })
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(field, localizer["Weapons.Problem.Required"]);
            else if (value.Trim().Length > max) errors.Add(field, localizer["Weapons.Problem.TooLong", max]);
        }
        if (errors.Count > 0) return (null, errors);
        holder.Name = request.Name!.Trim();
        holder.Address = request.Address!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(user, holder.Id, "a holder just changed", cancellationToken), errors);
    }

    /// <summary>Sets a permit's verification state, with who and when. Null: out of scope; an unknown state is a field error.</summary>
    public async Task<(WeaponHolderView? Holder, FieldErrors Errors)> VerifyAsync(long weaponId, string? verification, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var holderIds = scope.Holders(user).Select(h => h.Id);
        var weapon = await db.CivilWeapons.AsNoTracking().Where(w => w.Id == weaponId && holderIds.Contains(w.HolderId)).Select(w => new { w.Id, w.HolderId }).SingleOrDefaultAsync(cancellationToken);
        if (weapon is null) return (null, errors);
        if (!WeaponsNames.TryParse<PermitVerification>(verification, out var state))
        {
            errors.Add("verification", localizer["Weapons.Problem.UnknownVerification", string.Join(", ", WeaponsNames.All<PermitVerification>())]);
            return (null, errors);
        }
        // Set in one statement: who and when go with the state, and "unverified" clears them.
        var by = state == PermitVerification.Unverified ? null : user.FindFirstValue(ClaimTypes.NameIdentifier);
        DateTime? at = state == PermitVerification.Unverified ? null : clock.GetUtcNow().UtcDateTime;
        await db.CivilWeapons.Where(w => w.Id == weapon.Id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Verification, state).SetProperty(w => w.VerifiedByUserId, by).SetProperty(w => w.VerifiedAtUtc, at), cancellationToken);
        return (await GetAsync(user, weapon.HolderId, "a permit's verification just set", cancellationToken), errors);
    }

    /// <summary>The holders the caller reads, by name, a page at a time; a search by exact IIN goes by its keyed hash. Every holder shown is logged.</summary>
    public async Task<WeaponHolderPage> ListAsync(ClaimsPrincipal user, string? beat, string? search, int page, string purpose, CancellationToken cancellationToken)
    {
        var holders = scope.Holders(user);
        if (!string.IsNullOrWhiteSpace(beat)) holders = holders.Where(h => db.Beats.Any(b => b.Id == h.BeatId && b.Code == beat.Trim()));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var typed = search.Trim();
            if (Iin.IsValid(typed))
            {
                var hash = await hashes.HashAsync(WeaponsProtection.IinHashKind, typed, cancellationToken);
                holders = holders.Where(h => h.IinHash == hash);
            }
            else holders = holders.Where(h => h.Bin == typed || h.Name.Contains(typed) || db.CivilWeapons.Any(w => w.HolderId == h.Id && (w.SerialNumber == typed || w.PermitNumber == typed)));
        }
        var total = await holders.CountAsync(cancellationToken);
        var today = KazakhstanTime.Today(clock);
        var rows = await holders.OrderBy(h => h.Name).ThenBy(h => h.Id).Skip(Math.Max(0, page) * PageSize).Take(PageSize)
            .Join(db.Beats, h => h.BeatId, b => b.Id, (h, b) => new
            {
                h.Id, h.Kind, h.Name, h.MaskedIin, h.Bin, h.Address, b.Code,
                Weapons = db.CivilWeapons.Count(w => w.HolderId == h.Id),
                NextExpiry = db.CivilWeapons.Where(w => w.HolderId == h.Id && w.ValidTo >= today).Min(w => (DateOnly?)w.ValidTo),
                Forged = db.CivilWeapons.Any(w => w.HolderId == h.Id && w.Verification == PermitVerification.ForgedSuspected),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count > 0)
            await log.RecordReadsAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, rows.Select(r => (new PersonalRecord(HolderRecordKind, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (string?)null)), purpose, cancellationToken);
        return new WeaponHolderPage(rows.Select(r => new WeaponHolderRow(r.Id, WeaponsNames.Of(r.Kind), r.Name, r.MaskedIin, r.Bin, r.Address, r.Code, r.Weapons, r.NextExpiry, r.Forged)).ToList(), total);
    }

    /// <summary>A holder's file, or null outside the caller's scope; the read is logged with its purpose.</summary>
    public async Task<WeaponHolderView?> GetAsync(ClaimsPrincipal user, long id, string purpose, CancellationToken cancellationToken)
    {
        var holder = await scope.Holders(user).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (holder is null) return null;
        var beatCode = await db.Beats.Where(b => b.Id == holder.BeatId).Select(b => b.Code).SingleAsync(cancellationToken);
        var today = KazakhstanTime.Today(clock);
        var weapons = await (from w in db.CivilWeapons.AsNoTracking()
                             where w.HolderId == id
                             join u in db.Users on w.VerifiedByUserId equals u.Id into verifiers
                             from u in verifiers.DefaultIfEmpty()
                             orderby w.ValidTo, w.Id
                             select new { w, By = u == null ? null : u.DisplayName }).ToListAsync(cancellationToken);
        await log.RecordReadAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, new PersonalRecord(HolderRecordKind, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), purpose, cancellationToken);
        return new WeaponHolderView(holder.Id, WeaponsNames.Of(holder.Kind), holder.Name, holder.MaskedIin, holder.Bin, holder.Address, holder.BeatId, beatCode, holder.DistrictId, holder.CreatedAtUtc,
            weapons.Select(x => new CivilWeaponView(x.w.Id, WeaponsNames.Of(x.w.Kind), x.w.Make, x.w.Model, x.w.Calibre, x.w.SerialNumber, x.w.PermitNumber, x.w.Issuer,
                x.w.ValidFrom, x.w.ValidTo, PermitExpiry.Expired(x.w.ValidTo, today), WeaponsNames.Of(x.w.Verification), x.By, x.w.VerifiedAtUtc)).ToList());
    }

    internal async Task<WeaponHolder> NewHolderAsync(WeaponHolderInput input, WeaponsBeat beat, string? userId, long? importId, DateTime now, CancellationToken cancellationToken)
    {
        var iin = string.IsNullOrWhiteSpace(input.Iin) ? null : input.Iin.Trim();
        var kind = WeaponsNames.Parse<WeaponHolderKind>(input.HolderKind);
        return new WeaponHolder
        {
            Kind = kind, Name = input.Name!.Trim(), Address = input.Address!.Trim(), Bin = input.Bin?.Trim(), BeatId = beat.Id, DistrictId = beat.DistrictId,
            ProtectedIin = iin is null ? null : protection.ProtectIin(iin), MaskedIin = iin is null ? null : Iin.Mask(iin),
            IinHash = iin is null ? null : await hashes.HashAsync(WeaponsProtection.IinHashKind, iin, cancellationToken),
            CreatedAtUtc = now, CreatedByUserId = userId, ImportId = importId,
        };
    }

    internal static CivilWeapon NewWeapon(WeaponHolderInput input, long holderId, DateTime now)
    {
        var kind = WeaponsNames.Parse<CivilWeaponKind>(input.WeaponKind);
        return new CivilWeapon
        {
            HolderId = holderId, Kind = kind, Make = input.Make!.Trim(), Model = input.Model!.Trim(), Calibre = input.Calibre!.Trim(), SerialNumber = input.SerialNumber!.Trim(),
            PermitNumber = input.PermitNumber!.Trim(), Issuer = input.Issuer!.Trim(), ValidFrom = input.ValidFrom!.Value, ValidTo = input.ValidTo!.Value,
            Verification = PermitVerification.Unverified, CreatedAtUtc = now,
        };
    }

    private FieldErrors Localize(IEnumerable<(string Field, WeaponFieldProblem Problem)> problems)
    {
        var errors = new FieldErrors();
        foreach (var (field, problem) in problems)
            errors.Add(field, problem == WeaponFieldProblem.TooLong ? localizer["Weapons.Problem.TooLong", field is "name" or "address" or "issuer" ? 200 : 100] : localizer[$"Weapons.Problem.{problem}"]);
        return errors;
    }
}

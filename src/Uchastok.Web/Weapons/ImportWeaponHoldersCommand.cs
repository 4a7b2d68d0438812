using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Weapons;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Weapons;

/// <summary>
/// Imports holders and their weapons from CSV (columns <see cref="WeaponHolderRows.Columns"/>), one weapon a row. A row
/// that misses a field, has a bad one, names a beat that does not exist or is outside the caller's scope, or repeats a
/// permit and serial number already in the file is refused and reported with its row number and reason in the
/// reader's language; the rows taken are stored in one transaction, so a failure leaves nothing half-written. Rows of
/// the same holder (the same IIN, or BIN, or kind and name without either, on the same beat) make one holder.
/// </summary>
public sealed class ImportWeaponHoldersCommand(
    UchastokDbContext db, WeaponsScope scope, WeaponsRegister register, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<ImportWeaponHoldersCommand> logger)
{
    public const int MaxRows = 200_000;
    public const int MaxRefusalsKept = 1000;

    public async Task<HolderImportReport> ExecuteAsync(Stream csv, string fileName, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var rows = new List<(int Row, WeaponHolderInput Input)>();
        var refusals = new List<HolderRowRefused>();
        var file = await CsvRows.ReadAsync(csv, WeaponHolderRows.Required, MaxRows, trimHeader: true, (row, field) =>
        {
            var (input, refusal) = WeaponHolderRows.Read(row, field);
            if (input is not null) rows.Add((row, input));
            else refusals.Add(refusal!);
        }, cancellationToken);
        if (file.Problem is { } problem)
            return FileProblem($"Weapons.Import.{problem}", problem == CsvFileProblem.TooManyRows ? MaxRows.ToString("N0", CultureInfo.CurrentCulture) : file.MissingColumns);
        var read = file.Rows;

        var beats = await scope.AllBeatsAsync(cancellationToken);
        var actor = WeaponsScope.Actor(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        var import = new WeaponHolderImport { FileName = Shorten(Path.GetFileName(fileName)), ImportedAtUtc = now, ImportedByUserId = userId, RefusalsJson = "[]" };
        var holders = new Dictionary<string, WeaponHolder>(StringComparer.Ordinal);
        var weapons = new List<(WeaponHolder Holder, WeaponHolderInput Input)>();
        var permits = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // A weapon already on the register (the same permit and serial number) is not added again: importing the same
        // export twice must not double the register and its expiry reminders.
        var registered = (await db.CivilWeapons.AsNoTracking().Select(w => new { w.PermitNumber, w.SerialNumber }).ToListAsync(cancellationToken))
            .Select(w => PermitKey(w.PermitNumber, w.SerialNumber)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, input) in rows)
        {
            if (!beats.TryGetValue(input.Beat!.Trim(), out var beat)) { refusals.Add(new HolderRowRefused(row, HolderRowRefusal.UnknownBeat, "beat")); continue; }
            if (!WeaponsAccess.Reads(actor, beat.DistrictId, beat.InspectorId)) { refusals.Add(new HolderRowRefused(row, HolderRowRefusal.OutsideScope, "beat")); continue; }
            var permit = PermitKey(input.PermitNumber!, input.SerialNumber!);
            if (registered.Contains(permit)) { refusals.Add(new HolderRowRefused(row, HolderRowRefusal.AlreadyOnRegister, "permit_number")); continue; }
            if (!permits.Add(permit)) { refusals.Add(new HolderRowRefused(row, HolderRowRefusal.DuplicateInFile, "permit_number")); continue; }
            var key = $"{beat.Id}\u0001{input.HolderKind!.Trim().ToLowerInvariant()}\u0001{input.Iin?.Trim() ?? input.Bin?.Trim() ?? input.Name!.Trim().ToLowerInvariant()}";
            if (!holders.TryGetValue(key, out var holder))
                holders[key] = holder = await register.NewHolderAsync(input, beat, userId, null, now, cancellationToken);
            weapons.Add((holder, input));
        }
        refusals.Sort((a, b) => a.Row.CompareTo(b.Row));
        import.RowsRead = read;
        import.RowsTaken = weapons.Count;
        import.RowsRefused = refusals.Count;
        var kept = refusals.Take(MaxRefusalsKept).Select(View).ToList();
        import.RefusalsJson = JsonSerializer.Serialize(kept.Select(r => new { r.Row, r.Reason, r.Field }));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.WeaponHolderImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var holder in holders.Values) holder.ImportId = import.Id;
            db.WeaponHolders.AddRange(holders.Values);
            await db.SaveChangesAsync(cancellationToken);
            db.CivilWeapons.AddRange(weapons.Select(w => WeaponsRegister.NewWeapon(w.Input, w.Holder.Id, now)));
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Weapon holders imported from {File} by {UserId}: {Read} rows, {Taken} taken ({Holders} holders), {Refused} refused", import.FileName, userId, read, weapons.Count, holders.Count, refusals.Count);
        return new HolderImportReport(import.Id, read, weapons.Count, refusals.Count, kept, null);
    }

    private HolderImportRefusalView View(HolderRowRefused refusal) =>
        new(refusal.Row, WeaponsNames.Of(refusal.Reason), refusal.Field, localizer[$"Weapons.Refusal.{refusal.Reason}", refusal.Field]);

    private HolderImportReport FileProblem(string key, string? detail = null) =>
        new(null, 0, 0, 0, [], detail is null ? localizer[key] : localizer[key, detail]);

    private static string PermitKey(string permitNumber, string serialNumber) => $"{permitNumber.Trim()}\u0001{serialNumber.Trim()}";

    private static string Shorten(string name) => name.Length > 200 ? name[..200] : name;
}

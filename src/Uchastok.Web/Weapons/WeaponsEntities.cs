using Uchastok.Rules.Weapons;

namespace Uchastok.Web.Weapons;

/// <summary>
/// A holder of weapons in civil circulation on a beat: a person or an organisation. The IIN is a sensitive field
/// (ADR 0010): encrypted, masked for display and found by a keyed hash of its own kind; the address is plain (lists
/// sort and search by it) but read only by those <see cref="WeaponsAccess"/> lets in, every read logged.
/// </summary>
public sealed class WeaponHolder
{
    public long Id { get; set; }
    public WeaponHolderKind Kind { get; set; }
    public required string Name { get; set; }
    public string? ProtectedIin { get; set; }
    public string? MaskedIin { get; set; }
    public string? IinHash { get; set; }
    public string? Bin { get; set; }
    public required string Address { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    /// <summary>The import that brought the holder in, when it came from a file.</summary>
    public long? ImportId { get; set; }
}

/// <summary>A weapon of a holder with its permit or licence: dates as entered or imported, and whether the permit was checked.</summary>
public sealed class CivilWeapon
{
    public long Id { get; set; }
    public long HolderId { get; set; }
    public CivilWeaponKind Kind { get; set; }
    public required string Make { get; set; }
    public required string Model { get; set; }
    public required string Calibre { get; set; }
    public required string SerialNumber { get; set; }
    public required string PermitNumber { get; set; }
    public required string Issuer { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public PermitVerification Verification { get; set; }
    public string? VerifiedByUserId { get; set; }
    public DateTime? VerifiedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One CSV import of holders: who, when, how many rows read, taken and refused, and the first refusals kept.</summary>
public sealed class WeaponHolderImport
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public string? ImportedByUserId { get; set; }
    public int RowsRead { get; set; }
    public int RowsTaken { get; set; }
    public int RowsRefused { get; set; }
    public required string RefusalsJson { get; set; }
}

/// <summary>A place on the beat where an organisation keeps weapons; the next inspection is due by <see cref="InspectionSchedule"/>.</summary>
public sealed class StorageSite
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Organisation { get; set; }
    public required string Address { get; set; }
    public StorageSiteKind Kind { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateOnly? LastInspectedOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByUserId { get; set; }
}

/// <summary>An inspection of a storage site: its day, the checklist's answers (JSON, item code → answer), who recorded it.</summary>
public sealed class StorageInspection
{
    public long Id { get; set; }
    public long SiteId { get; set; }
    public DateOnly InspectedOn { get; set; }
    public required string ChecklistJson { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public int BreachCount { get; set; }
}

/// <summary>A breach found at an inspection, with what was required and by when; the board counts those not yet due-dated past.</summary>
public sealed class StorageBreach
{
    public long Id { get; set; }
    public long InspectionId { get; set; }
    public long SiteId { get; set; }
    public required string Text { get; set; }
    public required string Requirement { get; set; }
    public DateOnly RequirementDue { get; set; }
}

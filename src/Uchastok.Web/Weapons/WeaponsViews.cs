using Uchastok.Rules.Weapons;

namespace Uchastok.Web.Weapons;

/// <summary>A holder and one weapon with its permit, as the API and the page's form send it (kebab-case kinds, ISO dates).</summary>
public sealed record WeaponHolderRequest(
    string? HolderKind, string? Name, string? Iin, string? Bin, string? Address, string? Beat,
    string? WeaponKind, string? Make, string? Model, string? Calibre, string? SerialNumber,
    string? PermitNumber, string? Issuer, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public WeaponHolderInput ToInput() => new(HolderKind, Name, Iin, Bin, Address, Beat, WeaponKind, Make, Model, Calibre, SerialNumber, PermitNumber, Issuer, ValidFrom, ValidTo);
}

/// <summary>A weapon with its permit, added to a holder already on the register.</summary>
public sealed record CivilWeaponRequest(string? WeaponKind, string? Make, string? Model, string? Calibre, string? SerialNumber, string? PermitNumber, string? Issuer, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record PermitVerificationRequest(string? Verification);

public sealed record WeaponHolderRow(long Id, string Kind, string Name, string? MaskedIin, string? Bin, string Address, string BeatCode, int Weapons, DateOnly? NextExpiry, bool ForgedSuspected);

public sealed record WeaponHolderPage(IReadOnlyList<WeaponHolderRow> Holders, int Total);

public sealed record CivilWeaponView(long Id, string Kind, string Make, string Model, string Calibre, string SerialNumber, string PermitNumber, string Issuer,
    DateOnly ValidFrom, DateOnly ValidTo, bool Expired, string Verification, string? VerifiedBy, DateTime? VerifiedAtUtc);

/// <summary>A holder as his file shows him: the IIN masked (the full one is never sent), the address, the weapons.</summary>
public sealed record WeaponHolderView(long Id, string Kind, string Name, string? MaskedIin, string? Bin, string Address, int BeatId, string BeatCode, int DistrictId,
    DateTime CreatedAtUtc, IReadOnlyList<CivilWeaponView> Weapons);

public sealed record HolderImportRefusalView(int Row, string Reason, string Field, string Message);

public sealed record HolderImportReport(long? ImportId, int RowsRead, int RowsTaken, int RowsRefused, IReadOnlyList<HolderImportRefusalView> Refusals, string? FileProblem);

public sealed record StorageSiteRequest(string? Name, string? Organisation, string? Address, string? Kind, string? Beat);

public sealed record BreachRequest(string? Text, string? Requirement, DateOnly? RequirementDue);

public sealed record StorageInspectionRequest(DateOnly? InspectedOn, Dictionary<string, string>? Checklist, List<BreachRequest>? Breaches);

public sealed record StorageSiteRow(long Id, string Name, string Organisation, string Address, string Kind, string BeatCode, DateOnly? LastInspectedOn, DateOnly? NextDue, bool Overdue, int OpenRequirements);

public sealed record ChecklistAnswerView(string Code, string Item, string Answer);

public sealed record BreachView(long Id, string Text, string Requirement, DateOnly RequirementDue);

public sealed record StorageInspectionView(long Id, DateOnly InspectedOn, string RecordedBy, IReadOnlyList<ChecklistAnswerView> Checklist, IReadOnlyList<BreachView> Breaches);

public sealed record StorageSiteView(long Id, string Name, string Organisation, string Address, string Kind, int BeatId, string BeatCode, int DistrictId,
    DateOnly RegisteredOn, DateOnly? LastInspectedOn, DateOnly? NextDue, bool Overdue, int? IntervalDays, string? IntervalSource, bool MayInspect, IReadOnlyList<StorageInspectionView> Inspections);

public sealed record ChecklistItemView(string Code, string Item);

/// <summary>The settings in force, with their sources, for the pages and the API (null: not set by the administrator).</summary>
public sealed record WeaponsTermsView(int? PermitExpiryReminderDays, string? PermitExpiryReminderDaysSource, IReadOnlyList<WeaponsIntervalView> InspectionIntervals,
    IReadOnlyList<ChecklistItemView> Checklist, string? ChecklistSource);

public sealed record WeaponsIntervalView(string Kind, int? Days, string? Source);

public sealed record ExpiringPermitView(long HolderId, string HolderName, string BeatCode, string Kind, string PermitNumber, DateOnly ValidTo);

public sealed record OverdueSiteView(long SiteId, string Name, string BeatCode, DateOnly NextDue);

/// <summary>The inspector's day: permits expiring within the reminder's days, and storage sites whose inspection is overdue.</summary>
public sealed record WeaponsDayView(int? ReminderDays, IReadOnlyList<ExpiringPermitView> ExpiringPermits, IReadOnlyList<OverdueSiteView> OverdueSites);

/// <summary>The district board's figures: sites overdue, requirements whose due date has passed, the overdue sites.</summary>
public sealed record WeaponsBoardView(int Sites, int OverdueSites, int BreachesLastYear, int RequirementsPastDue, IReadOnlyList<OverdueSiteView> Overdue);

namespace Uchastok.Web.WeaponSeizures;

/// <summary>A seizure as sent to the API and posted by the form; dates as yyyy-MM-dd.</summary>
public sealed record WeaponSeizureRequest(
    string? SeizedOn, double? Lat, double? Lon, string? Address, IReadOnlyList<WeaponSeizureItemRequest>? Items,
    IReadOnlyList<int>? Determinants, long? ProtocolId, string? ProtocolNumber, string? IncidentNumber);

public sealed record WeaponSeizureItemRequest(string? Category, int? Count, string? Type, string? Make, string? Model, string? Calibre, string? Series, string? Number);

/// <summary>Links a seizure recorded with a typed protocol number to the protocol now in Uchastok.</summary>
public sealed record WeaponSeizureProtocolRequest(long? ProtocolId);

public sealed record SeizureCategoryView(string Code, string Name, bool Firearm, IReadOnlyList<string> Required);

public sealed record SeizureDeterminantView(int Code, string Name);

/// <summary>The categories and determinants in the reader's language, for a client's form.</summary>
public sealed record SeizureCatalogueView(IReadOnlyList<SeizureCategoryView> Categories, IReadOnlyList<SeizureDeterminantView> Determinants);

public sealed record SeizureItemCount(string Category, string Name, int Count);

/// <summary>A seizure in a list: no place, so a list is no read of personal data.</summary>
public sealed record WeaponSeizureSummary(
    long Id, DateOnly SeizedOn, string Quarter, int DistrictId, string District, int? BeatId, string? Beat,
    IReadOnlyList<SeizureItemCount> Items, IReadOnlyList<int> Determinants, long? ProtocolId, string? ProtocolNumber, string? IncidentNumber);

public sealed record WeaponSeizureItemView(string Category, string Name, int Count, string? Type, string? Make, string? Model, string? Calibre, string? Series, string? Number);

public sealed record WeaponSeizurePlace(string? Address, double? Latitude, double? Longitude);

/// <summary>A seizure in full, its place included; each read is logged.</summary>
public sealed record WeaponSeizureView(
    long Id, DateOnly SeizedOn, string Quarter, int DistrictId, string District, int? BeatId, string? Beat, WeaponSeizurePlace Place,
    IReadOnlyList<WeaponSeizureItemView> Items, IReadOnlyList<SeizureDeterminantView> Determinants,
    long? ProtocolId, string? ProtocolNumber, string? IncidentNumber, DateTime CreatedAtUtc);

/// <summary>One row of the paper's table: a district, items per category (in the columns' order), weapons (firearms) and cases.</summary>
public sealed record SeizureTableRowView(int DistrictId, string District, IReadOnlyList<int> ByCategory, int Weapons, int Cases);

public sealed record SeizureTableView(string Quarter, IReadOnlyList<SeizureTableRowView> Rows, IReadOnlyList<int> Totals, int TotalWeapons, int TotalCases);

/// <summary>Cases coded with each determinant (1–10, in order) in one district.</summary>
public sealed record DeterminantRowView(int DistrictId, string District, IReadOnlyList<int> ByDeterminant);

/// <summary>The supervisor's dashboard: the paper's table per quarter, newest first, and the determinants by district.</summary>
public sealed record SeizureDashboardView(
    IReadOnlyList<SeizureCategoryView> Columns, IReadOnlyList<SeizureTableView> Quarters,
    IReadOnlyList<SeizureDeterminantView> Determinants, IReadOnlyList<DeterminantRowView> DeterminantsByDistrict, IReadOnlyList<int> DeterminantTotals);

/// <summary>A public count: null when it is 1–4 (the small-count rule), 0 shown as 0.</summary>
public sealed record PublicSeizureCount(string Category, string Name, int? Count);

public sealed record PublicSeizureQuarter(string Quarter, IReadOnlyList<PublicSeizureCount> Counts);

/// <summary>Seized items by category for the whole city, ended quarters only.</summary>
public sealed record PublicSeizureFigures(IReadOnlyList<PublicSeizureQuarter> Quarters, int MinimumCount);

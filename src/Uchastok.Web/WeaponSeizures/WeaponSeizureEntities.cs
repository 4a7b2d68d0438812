namespace Uchastok.Web.WeaponSeizures;

/// <summary>
/// One seizure of weapons or related items (issue 21, C17): when, where (its beat and district; the place itself
/// encrypted), the protocol that recorded it or its number as typed, the registered offence's number, what was seized
/// and the causes it was coded with. No person is named here: the offender and witnesses are the protocol's.
/// </summary>
public sealed class WeaponSeizure
{
    public long Id { get; set; }
    public int DistrictId { get; set; }
    /// <summary>The beat at the place when it was recorded; a typed address the gazetteer places on a beat has one too.</summary>
    public int? BeatId { get; set; }
    public DateOnly SeizedOn { get; set; }
    /// <summary>The quarter of <see cref="SeizedOn"/> ("2026-Q4"), kept so the dashboard groups by a column on both databases.</summary>
    public required string Quarter { get; set; }
    /// <summary>The address line and the point as JSON, encrypted (ADR 0010): a cache's address is a target, and may be a home.</summary>
    public required string ProtectedPlace { get; set; }
    /// <summary>The protocol in Uchastok that recorded the seizure (of the same district), once there is one.</summary>
    public long? ProtocolId { get; set; }
    /// <summary>The protocol's number as typed, while the paper protocol is not in Uchastok.</summary>
    public string? ProtocolNumber { get; set; }
    /// <summary>The registered offence: its number in the register of pre-trial investigations (ЕРДР), digits only; optional.</summary>
    public string? IncidentNumber { get; set; }
    public required string RecordedByUserId { get; set; }
    public int? RecordedByOfficerId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<WeaponSeizureItem> Items { get; set; } = [];
    public List<WeaponSeizureDeterminant> Determinants { get; set; } = [];
}

/// <summary>One line of what was seized: a category of the paper's list, how many, and the identifying fields its category asks for.</summary>
public sealed class WeaponSeizureItem
{
    public long Id { get; set; }
    public long SeizureId { get; set; }
    /// <summary>Its position in the seizure (0-based), so the items read back in the order entered.</summary>
    public int Position { get; set; }
    public required string Category { get; set; }
    public int Count { get; set; }
    public string? Type { get; set; }
    public string? Make { get; set; }
    public string? Model { get; set; }
    public string? Calibre { get; set; }
    public string? Series { get; set; }
    public string? Number { get; set; }
}

/// <summary>One of the ten determinants (<c>SeizureDeterminants</c>) a seizure case is coded with.</summary>
public sealed class WeaponSeizureDeterminant
{
    public long SeizureId { get; set; }
    public int Code { get; set; }
}

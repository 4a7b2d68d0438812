using Uchastok.Rules.Territory;

namespace Uchastok.Web.Territory;

/// <summary>A district (аудан) of the city, with its real outline and official population.</summary>
public sealed class District
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }
    public int Population { get; set; }
    public required string BoundaryGeoJson { get; set; }
}

/// <summary>A beat (участок / учаске): the territory one district inspector serves.</summary>
public sealed class Beat
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int Number { get; set; }
    public string? Name { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public int Population { get; set; }
    public required string BoundaryGeoJson { get; set; }
    public double AreaSquareKilometres { get; set; }
    public double CentreLatitude { get; set; }
    public double CentreLongitude { get; set; }
    /// <summary>Beats dropped by a later import stay, inactive, so that records pointing at them keep their meaning.</summary>
    public bool IsActive { get; set; } = true;
    public int? InspectorId { get; set; }
    public Officer? Inspector { get; set; }
    public int? ReceptionPointId { get; set; }
    public ReceptionPoint? ReceptionPoint { get; set; }
}

public enum OfficerPosition
{
    DistrictInspector,
    SeniorDistrictInspector,
    HeadOfDistrictService,
}

/// <summary>A police officer of the local police service: the public face of a beat.</summary>
public sealed class Officer
{
    public int Id { get; set; }
    public required string Surname { get; set; }
    public required string GivenName { get; set; }
    public string Patronymic { get; set; } = string.Empty;
    public PoliceRank Rank { get; set; }
    public OfficerPosition Position { get; set; }
    /// <summary>The service phone residents call; not a private number.</summary>
    public required string Phone { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
}

/// <summary>A reception point (УПП): where residents meet their inspector in person.</summary>
public sealed class ReceptionPoint
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public int Number { get; set; }
    public int AddressId { get; set; }
    public Address Address { get; set; } = null!;
    /// <summary>Opening hours in the OpenStreetMap subset that <see cref="OpeningHours"/> reads.</summary>
    public required string Hours { get; set; }
}

/// <summary>A street of the gazetteer, named in the three languages.</summary>
public sealed class Street
{
    public int Id { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }
    public Rules.Territory.DemoCity.StreetKind Kind { get; set; }
    /// <summary>The three names normalised by <see cref="AddressQuery.Normalize"/>, separated by '|'.</summary>
    public required string SearchKey { get; set; }
}

/// <summary>A house on a street, with the point residents are located at.</summary>
public sealed class Address
{
    public int Id { get; set; }
    public int StreetId { get; set; }
    public Street Street { get; set; } = null!;
    public required string HouseNumber { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

/// <summary>
/// A counter raised by every change of beat outlines. Each web node compares it with the
/// revision its in-memory locator was built from, so an import made on one node (or from the
/// command line) reaches every node's lookups.
/// </summary>
public sealed class TerritoryRevision
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long Number { get; set; }
}

/// <summary>
/// A small area: the building block beats are made of for workload and beat design (C7) — in the
/// demo city a quarter of a generated beat, elsewhere a block or polling district. It keeps its
/// outline when beats change; <see cref="BeatId"/> is the active beat that holds it.
/// </summary>
public sealed class SmallArea
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public int? BeatId { get; set; }
    public Beat? Beat { get; set; }
    public int Population { get; set; }
    public required string BoundaryGeoJson { get; set; }
    public double AreaSquareKilometres { get; set; }
    public double CentreLatitude { get; set; }
    public double CentreLongitude { get; set; }
    /// <summary>Rural land: travel counts double in the workload (<c>WorkloadWeights.RuralFactor</c>).</summary>
    public bool IsRural { get; set; }
}

namespace Uchastok.Web.BeatDesign;

/// <summary>
/// A recorded incident (from police.uk-style or other files), placed in its small area for the
/// workload; its beat is the small area's, whatever version of the beats is in force.
/// </summary>
public sealed class Incident
{
    public long Id { get; set; }
    public int ImportId { get; set; }
    public required string Type { get; set; }
    public DateOnly OccurredOn { get; set; }
    /// <summary>The time of day, when the source gives one; police.uk's files give only the month, so most have none.</summary>
    public TimeOnly? OccurredAt { get; set; }
    /// <summary>
    /// The category code the type maps to (<see cref="IncidentCategorySettings"/>); empty only for rows imported before
    /// categories existed, until the start-up fills them.
    /// </summary>
    public string Category { get; set; } = string.Empty;
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int SmallAreaId { get; set; }
    public int DistrictId { get; set; }
    /// <summary>The source's own id (police.uk's Crime ID), when it has one.</summary>
    public string? ExternalId { get; set; }
}

/// <summary>One imported file: what was read, taken and refused, and why, row by row.</summary>
public sealed class IncidentImport
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string Format { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public string? ImportedByUserId { get; set; }
    public int RowsRead { get; set; }
    public int RowsTaken { get; set; }
    public int RowsRefused { get; set; }
    /// <summary>The refused rows (at most the first 1,000) as JSON: row number, reason, value.</summary>
    public required string RefusalsJson { get; set; }
}

public enum DesignRunState
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
    Approved,
}

/// <summary>
/// One run of the optimiser for a district, as a supervisor asked for it: the parameters, where it
/// stands, and when done the proposed plan with the measures of today's beats and of the proposal.
/// </summary>
public sealed class DesignRun
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public string? RequestedByUserId { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public int Beats { get; set; }
    public int Seed { get; set; }
    public bool MinimalChange { get; set; }
    public bool KeepReceptionPoints { get; set; }
    public int TimeLimitSeconds { get; set; }
    public DesignRunState State { get; set; }
    public double Progress { get; set; }
    public string? Phase { get; set; }
    /// <summary>The territory revision the run started from: a plan is approved only onto the territory it was made for.</summary>
    public long TerritoryRevision { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    /// <summary>The proposal: for each small area id, the index (0..k−1) of its new beat.</summary>
    public string? PlanJson { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public string? Error { get; set; }
}

public enum BeatVersionState
{
    /// <summary>Approved, waiting for its effective date.</summary>
    Scheduled,
    Active,
    Superseded,
    /// <summary>Its date came, but the territory had changed since the run: not applied.</summary>
    Failed,
}

/// <summary>
/// A version of a district's beats: the outlines as GeoJSON, from when they apply and who approved
/// them. The history is kept; routing always uses the beats of the active version.
/// </summary>
public sealed class BeatVersion
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public int Number { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public BeatVersionState State { get; set; }
    public int? RunId { get; set; }
    public string? ApprovedByUserId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>The beats of the version as a GeoJSON FeatureCollection (code, population, small areas).</summary>
    public required string BeatsGeoJson { get; set; }
    public int BeatCount { get; set; }
    public string? Note { get; set; }
}

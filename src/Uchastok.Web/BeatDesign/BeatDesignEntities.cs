namespace Uchastok.Web.BeatDesign;

/// <summary>A recorded incident (from police.uk-style or other files), placed in its small area and beat for the workload.</summary>
public sealed class Incident
{
    public long Id { get; set; }
    public int ImportId { get; set; }
    public required string Type { get; set; }
    public DateOnly OccurredOn { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int SmallAreaId { get; set; }
    public int? BeatId { get; set; }
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

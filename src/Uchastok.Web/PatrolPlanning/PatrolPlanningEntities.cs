using Uchastok.Rules.PatrolPlanning;

namespace Uchastok.Web.PatrolPlanning;

/// <summary>
/// The patrol suggestion of one beat for one calendar month (issue 20): made once from the forecast over the beat's
/// incidents before the month, then kept as made, so that the month can later be compared with what was suggested.
/// The grid it was made on is kept with it: a cell means the same square when the comparison is read.
/// </summary>
public sealed class PatrolSuggestionSet
{
    public int Id { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    /// <summary>The first day of the month the suggestion is for.</summary>
    public DateOnly Period { get; set; }
    public DateTime GeneratedAtUtc { get; set; }
    public string? GeneratedByUserId { get; set; }
    /// <summary>The forecaster's name and parameters (<c>ICrimeForecaster.Name</c>), as it was when the set was made.</summary>
    public required string Method { get; set; }
    public double GridOriginLongitude { get; set; }
    public double GridOriginLatitude { get; set; }
    public double CellMetres { get; set; }
    /// <summary>How many cells the beat covers, and how many of the beat's incidents before the month the forecast saw.</summary>
    public int BeatCells { get; set; }
    public int HistoryIncidents { get; set; }
    /// <summary>How many of those had a time of day (the hours are named from these only).</summary>
    public int TimedIncidents { get; set; }
    public List<PatrolSuggestion> Suggestions { get; set; } = [];
}

/// <summary>One suggested 250 m cell: the forecast's share for it, the supervisor's answer and what was done there.</summary>
public sealed class PatrolSuggestion
{
    public int Id { get; set; }
    public int SetId { get; set; }
    public int Rank { get; set; }
    public int Column { get; set; }
    public int Row { get; set; }
    public double CentreLatitude { get; set; }
    public double CentreLongitude { get; set; }
    public double ExpectedShare { get; set; }
    /// <summary>The busiest hour bands, busiest first, as "18–21,00–03"; null when no incident in the cell had a time.</summary>
    public string? HourBands { get; set; }
    public int TimedIncidents { get; set; }
    public PatrolDecision Decision { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    /// <summary>Patrol hours spent in the cell in the month, as the inspector or supervisor recorded them.</summary>
    public double? PatrolHours { get; set; }
    public string? PatrolNote { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTime? RecordedAtUtc { get; set; }
}

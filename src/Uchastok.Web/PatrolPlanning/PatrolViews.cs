namespace Uchastok.Web.PatrolPlanning;

/// <summary>A district's beats for a month, each with where its suggestion stands.</summary>
public sealed record PatrolDistrictView(int DistrictId, string DistrictCode, string DistrictName, string Period, bool MayGenerate, IReadOnlyList<PatrolBeatSummary> Beats);

public sealed record PatrolBeatSummary(int BeatId, string BeatCode, int BeatNumber, bool HasSuggestion, int Cells, int Accepted, int Rejected, int Pending);

/// <summary>One beat and month: the suggestion if one was made, and what the caller may do with it.</summary>
public sealed record PatrolBeatView(int BeatId, string BeatCode, int DistrictId, string Period, bool MayGenerate, bool MayDecide, bool MayRecord, PatrolSetView? Suggestion);

public sealed record PatrolSetView(int Id, DateTime GeneratedAtUtc, string Method, int BeatCells, int HistoryIncidents, int TimedIncidents, IReadOnlyList<PatrolSuggestionView> Cells);

/// <summary>
/// One suggested 250 m cell. Hour bands are "18–21" (local time), busiest first, empty when no incident there had a time.
/// Polygon is the cell's square, a closed ring of [longitude, latitude] (WGS84), as the hotspot map's cells.
/// </summary>
public sealed record PatrolSuggestionView(int Id, int Rank, double Latitude, double Longitude, double ExpectedShare, IReadOnlyList<string> HourBands, int TimedIncidents,
    string Decision, string? Reason, DateTime? DecidedAtUtc, double? PatrolHours, string? PatrolNote, DateTime? RecordedAtUtc, string MapUrl, IReadOnlyList<double[]> Polygon);

/// <summary>A past (or running) month against its suggestion: the beat's incidents, and per group of cells the expected and actual share.</summary>
public sealed record PatrolComparisonView(int BeatId, string BeatCode, string Period, bool MonthComplete, int BeatIncidents,
    PatrolComparisonGroupView All, PatrolComparisonGroupView Accepted, PatrolComparisonGroupView Rejected, PatrolComparisonGroupView Pending, IReadOnlyList<PatrolComparedCellView> Cells);

/// <summary>
/// A district's month against its suggestions: each beat that had one (as its own comparison counts it) and the beats
/// pooled (<see cref="Uchastok.Rules.PatrolPlanning.PatrolComparisonRules.Pool"/>: the beats' totals and cells added
/// up, so an incident in a square suggested for a neighbouring beat counts for both; the expected share weighted by
/// each beat's total of the month).
/// </summary>
public sealed record PatrolDistrictComparisonView(int DistrictId, string DistrictName, string Period, bool MonthComplete, int BeatIncidents,
    PatrolComparisonGroupView All, PatrolComparisonGroupView Accepted, PatrolComparisonGroupView Rejected, IReadOnlyList<PatrolBeatComparisonRow> Beats);

public sealed record PatrolBeatComparisonRow(int BeatId, string BeatCode, int BeatIncidents, PatrolComparisonGroupView All, PatrolComparisonGroupView Accepted, PatrolComparisonGroupView Rejected);

public sealed record PatrolComparisonGroupView(int Cells, double ExpectedShare, int Incidents, double? ActualShare, double PatrolHours);

public sealed record PatrolComparedCellView(int Rank, double ExpectedShare, string Decision, int Incidents, double? PatrolHours);

/// <summary>The risk zones of the caller's beats (or the one asked for): from this month's suggestion when one was made, otherwise straight from the forecast.</summary>
public sealed record RiskZonesList(string Period, IReadOnlyList<RiskZonesView> Beats);

/// <summary>Source: <c>suggestion</c> (this month's, with its decisions; rejected cells left out) or <c>forecast</c> (none was made: the forecast's top cells, not stored).</summary>
public sealed record RiskZonesView(int BeatId, string BeatCode, string Source, IReadOnlyList<RiskZoneView> Zones);

public sealed record RiskZoneView(int Rank, double Latitude, double Longitude, double ExpectedShare, IReadOnlyList<string> HourBands, string? Decision, string MapUrl);

public sealed record PatrolDecisionRequest(string? Decision, string? Reason);

public sealed record PatrolWorkRequest(double? Hours, string? Note);

public sealed record PatrolGeneratedView(int DistrictId, string Period, int Made);

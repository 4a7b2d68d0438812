namespace Uchastok.Web.CrimeAnalytics;

/// <summary>What a hotspot map or chart covers: <c>beat</c>, <c>district</c> or <c>city</c>.</summary>
public enum HotspotScopeKind { Beat, District, City }

/// <summary>A request as read and checked: the area, the months (first days) and the category (null: all).</summary>
public sealed record HotspotFilter(HotspotScopeKind Scope, int? Id, DateOnly From, DateOnly To, string? Category);

/// <summary>The area a filter names, once the caller may see it.</summary>
public sealed record HotspotArea(HotspotScopeKind Scope, int? Id, string Name, int? DistrictId, IReadOnlyList<int>? SmallAreaIds);

public sealed record HotspotCategoryView(string Code, string Name, string Source);

public sealed record HotspotCellView(int Column, int Row, int Count, double? Density, double CentreLatitude, double CentreLongitude, IReadOnlyList<double[]> Polygon);

/// <summary>
/// A hotspot map: counts on the grid (and kernel density when asked), with the area and period it covers. When more
/// cells than <see cref="CrimeAnalyticsSettings.MapCellLimit"/> would be sent, <paramref name="Cells"/> holds the busiest
/// of them and <paramref name="Capped"/> says so; <paramref name="CellsWithIncidents"/> counts all with an incident.
/// </summary>
public sealed record HotspotMapView(
    string Scope, int? Id, string AreaName, string From, string To, string? Category, string? CategoryName,
    double CellMetres, double? BandwidthMetres, int Total, IReadOnlyList<HotspotCellView> Cells,
    int CellsWithIncidents, bool Capped);

public sealed record MonthCount(string Month, int Count);

public sealed record WeekdayCount(int Weekday, int Count);

public sealed record HourCount(int Hour, int Count);

/// <summary>
/// Counts by month, and by weekday (1 = Monday) and hour from the incidents that have a time of day only;
/// <see cref="WithTime"/> says how many those are, and <see cref="HasTimes"/> whether there are any.
/// </summary>
public sealed record HotspotCountsView(
    string Scope, int? Id, string AreaName, string From, string To, string? Category, int Total, int WithTime, bool HasTimes,
    IReadOnlyList<MonthCount> ByMonth, IReadOnlyList<WeekdayCount> ByWeekday, IReadOnlyList<HourCount> ByHour);

/// <summary>An area the caller may choose on the page.</summary>
public sealed record HotspotChoice(HotspotScopeKind Scope, int? Id, string Name);

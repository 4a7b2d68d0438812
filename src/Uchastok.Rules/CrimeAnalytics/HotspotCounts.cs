namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>A cell of a hotspot map with its count and, when asked, its kernel density (incidents per km²).</summary>
public sealed record HotspotCell(GridCell Cell, int Count, double? Density);

/// <summary>
/// Incidents counted on the crime grid for a hotspot map, and the kernel density beside them. The density reuses
/// <see cref="KernelDensityForecaster"/> (the same kernel the forecast evaluation measured) over the counted cells
/// and their neighbours within its reach, scaled to incidents per km² so the layer's numbers mean something to a
/// reader: Σ density × cell area equals the number of incidents (up to the kernel's cut and the map's edge).
/// </summary>
public static class HotspotCounts
{
    /// <summary>The default bandwidth: two cells, so a single point spreads over its neighbours and no further.</summary>
    public const double DefaultBandwidthMetres = 500;

    public static IReadOnlyList<HotspotCell> Count(CrimeGrid grid, IEnumerable<(double Longitude, double Latitude)> points, double? bandwidthMetres = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var counts = new Dictionary<GridCell, int>();
        foreach (var (lon, lat) in points)
        {
            var cell = grid.CellOf(lon, lat);
            counts[cell] = counts.GetValueOrDefault(cell) + 1;
        }
        if (bandwidthMetres is not { } h)
            return counts.OrderBy(c => c.Key).Select(c => new HotspotCell(c.Key, c.Value, null)).ToList();
        if (counts.Count == 0) return [];

        var kernel = new KernelDensityForecaster(h, 1);
        var reach = (int)Math.Ceiling(3 * h / grid.CellMetres);
        var cells = new HashSet<GridCell>();
        foreach (var cell in counts.Keys)
            for (var dy = -reach; dy <= reach; dy++)
                for (var dx = -reach; dx <= reach; dx++)
                    if (kernel.Kernel(Math.Sqrt(dx * dx + dy * dy) * grid.CellMetres) > 0) cells.Add(new GridCell(cell.Column + dx, cell.Row + dy));
        var area = new StudyArea(grid, cells);
        var history = CountHistory.FromIncidents(area.Count, 1, counts.SelectMany(c => Enumerable.Repeat((0, area.IndexOf(c.Key)), c.Value)));
        var scores = kernel.Forecast(history, area);
        // The forecaster leaves out the kernel's constant (it ranks); a map shows amounts, so the weights are normalised here.
        var totalWeight = 0.0;
        for (var dy = -reach; dy <= reach; dy++)
            for (var dx = -reach; dx <= reach; dx++)
                totalWeight += kernel.Kernel(Math.Sqrt(dx * dx + dy * dy) * grid.CellMetres);
        var cellSquareKilometres = grid.CellMetres * grid.CellMetres / 1_000_000;
        var result = new List<HotspotCell>();
        for (var i = 0; i < area.Count; i++)
        {
            var count = counts.GetValueOrDefault(area[i]);
            if (count == 0 && scores[i] <= 0) continue;
            result.Add(new HotspotCell(area[i], count, scores[i] / totalWeight / cellSquareKilometres));
        }
        return result;
    }
}

/// <summary>Counts of incidents by month, by weekday and by hour of day, for the charts beside a hotspot map.</summary>
public sealed record IncidentHistogram(
    IReadOnlyList<(int Year, int Month, int Count)> ByMonth, IReadOnlyList<int> ByWeekday, IReadOnlyList<int> ByHour, int Total, int WithTime);

public static class IncidentHistograms
{
    /// <summary>
    /// Months from <paramref name="fromMonth"/> to <paramref name="toMonth"/> (their first days), each present even
    /// when empty, so a chart's gaps are real. Weekday (Monday first) and hour come only from incidents with a time of
    /// day: a source without times (police.uk gives the month, its "day" is always the 1st) would otherwise pile every
    /// incident onto one weekday and midnight. Incidents outside the months are not counted.
    /// </summary>
    public static IncidentHistogram Build(DateOnly fromMonth, DateOnly toMonth, IEnumerable<(DateOnly Day, TimeOnly? Time)> incidents)
    {
        var first = new DateOnly(fromMonth.Year, fromMonth.Month, 1);
        var last = new DateOnly(toMonth.Year, toMonth.Month, 1);
        if (last < first) throw new ArgumentException("The last month comes before the first.", nameof(toMonth));
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        var byMonth = new int[months];
        var byWeekday = new int[7];
        var byHour = new int[24];
        int total = 0, withTime = 0;
        foreach (var (day, time) in incidents)
        {
            var index = (day.Year - first.Year) * 12 + day.Month - first.Month;
            if (index < 0 || index >= months) continue;
            byMonth[index]++;
            total++;
            if (time is not { } t) continue;
            withTime++;
            byWeekday[((int)day.DayOfWeek + 6) % 7]++;
            byHour[t.Hour]++;
        }
        return new IncidentHistogram(
            Enumerable.Range(0, months).Select(i => { var m = first.AddMonths(i); return (m.Year, m.Month, byMonth[i]); }).ToList(),
            byWeekday, byHour, total, withTime);
    }
}

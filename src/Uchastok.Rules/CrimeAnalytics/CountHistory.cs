namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// Incident counts per month (0 = the first month of the data) and study-area cell. A forecaster
/// receives <see cref="Before"/>(target month): a view that refuses to show the target month or any
/// later one, so no forecast can see what it is judged against.
/// </summary>
public sealed class CountHistory
{
    private readonly int[][] counts;

    private CountHistory(int[][] counts, int cellCount, int months)
    {
        this.counts = counts;
        CellCount = cellCount;
        Months = months;
    }

    /// <summary>From (month, cell index) pairs; a cell index of -1 (outside the area) is skipped.</summary>
    public static CountHistory FromIncidents(int cellCount, int months, IEnumerable<(int Month, int Cell)> incidents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellCount);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var counts = new int[months][];
        for (var m = 0; m < months; m++) counts[m] = new int[cellCount];
        foreach (var (month, cell) in incidents)
        {
            if (cell < 0) continue;
            if (month < 0 || month >= months) throw new ArgumentOutOfRangeException(nameof(incidents), $"Month {month} is outside 0..{months - 1}.");
            if (cell >= cellCount) throw new ArgumentOutOfRangeException(nameof(incidents), $"Cell {cell} is outside 0..{cellCount - 1}.");
            counts[month][cell]++;
        }
        return new CountHistory(counts, cellCount, months);
    }

    public int CellCount { get; }

    /// <summary>How many months this view shows: months 0..Months-1. The next month is the one to forecast.</summary>
    public int Months { get; }

    /// <summary>The months before <paramref name="month"/> only.</summary>
    public CountHistory Before(int month)
    {
        if (month < 0 || month > Months) throw new ArgumentOutOfRangeException(nameof(month), $"Month {month} is outside 0..{Months}.");
        return new CountHistory(counts, CellCount, month);
    }

    /// <summary>The counts of one month, by cell index.</summary>
    public ReadOnlySpan<int> Month(int month)
    {
        if (month < 0 || month >= Months)
            throw new ArgumentOutOfRangeException(nameof(month), $"Month {month} is not in this history (0..{Months - 1}): a forecast may not look at its own month or later.");
        return counts[month];
    }

    public int Total(int month)
    {
        var total = 0;
        foreach (var n in Month(month)) total += n;
        return total;
    }
}

namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// How good a ranking of cells is against one month's incidents. The flagged cells at a share s of
/// the area are the first ceil(s · N) cells of the ranking, N being the study area's cells.
/// Hit rate: the share of the month's incidents (inside the area) in the flagged cells.
/// PAI (Chainey et al. 2008): hit rate over the flagged share of the area, (n/N_incidents) / (a/A),
/// with a/A = flagged cells / N, all cells having the same size.
/// </summary>
public static class ForecastMeasures
{
    /// <summary>
    /// Cell indices from the highest score to the lowest; equal scores in cell-index order (row,
    /// then column), which depends on nothing but the grid, so ties never look at the outcome.
    /// </summary>
    public static int[] Rank(ReadOnlySpan<double> scores)
    {
        for (var i = 0; i < scores.Length; i++)
            if (double.IsNaN(scores[i])) throw new ArgumentException($"Score of cell {i} is not a number.", nameof(scores));
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var copy = scores.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byScore = copy[b].CompareTo(copy[a]);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>How many cells are flagged at a share of the area: ceil(share · cells), at least one.</summary>
    public static int FlaggedCells(int cellCount, double share)
    {
        if (!(share > 0 && share <= 1)) throw new ArgumentOutOfRangeException(nameof(share), "A share is in (0, 1].");
        // The small tolerance keeps 0.05 · 200 at 10 cells despite floating point.
        return Math.Max(1, (int)Math.Ceiling(share * cellCount - 1e-9));
    }

    public static ForecastScore Score(IReadOnlyList<int> ranking, ReadOnlySpan<int> actual, double share)
    {
        if (ranking.Count != actual.Length) throw new ArgumentException("The ranking and the counts cover different cells.", nameof(ranking));
        var flagged = FlaggedCells(actual.Length, share);
        var total = 0L;
        foreach (var n in actual) total += n;
        var hits = 0L;
        for (var i = 0; i < flagged; i++) hits += actual[ranking[i]];
        var hitRate = total == 0 ? 0 : hits / (double)total;
        var areaShare = flagged / (double)actual.Length;
        return new ForecastScore(share, flagged, hits, total, hitRate, hitRate / areaShare);
    }
}

public sealed record ForecastScore(double Share, int FlaggedCells, long Hits, long Incidents, double HitRate, double Pai);

/// <summary>A mean with its two-sided 95 % Student-t interval (mean ± t(0.975, n−1) · s / √n).</summary>
public sealed record MeanInterval(double Mean, double Low, double High, int Count)
{
    // t(0.975, df) for df = 1..30; beyond 30 the normal 1.96 is within 2 %.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static double TQuantile975(int degreesOfFreedom) =>
        degreesOfFreedom < 1 ? throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom))
        : degreesOfFreedom <= T975.Length ? T975[degreesOfFreedom - 1] : 1.96;

    public static MeanInterval Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var mean = values.Average();
        if (values.Count == 1) return new MeanInterval(mean, double.NaN, double.NaN, 1);
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        var half = TQuantile975(values.Count - 1) * Math.Sqrt(variance / values.Count);
        return new MeanInterval(mean, mean - half, mean + half, values.Count);
    }
}

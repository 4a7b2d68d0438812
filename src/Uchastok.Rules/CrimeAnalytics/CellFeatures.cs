namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// The per-cell features a learned forecaster (the gradient-boosted model of issue 20) ranks cells by,
/// computed from the months before the forecast month only (<see cref="CountHistory.Before"/>), so a
/// model trained on earlier months' features and their next-month counts sees no more than any other
/// forecaster. For the month T = <c>history.Months</c> and cell c:
/// counts at lags 1, 2, 3, 6 and 12 months, n_c(T−k) (0 before the data start); the 12- and 36-month
/// sums; the 12-month sums of the 3×3 and 5×5 blocks of cells centred on c (c included; cells outside the
/// study area count 0); the recency-weighted count (half-life 6 months, the tuned recency default); the
/// kernel density score (Gaussian, h = 150 m, last 12 months, the tuned kernel); and the calendar month of
/// T (1..12), the only feature that is the same for every cell: it lets the model scale by season.
/// Plain C#, no I/O, so the features are checked by hand in the rules tests.
/// </summary>
public sealed class CellFeatures
{
    /// <summary>The feature names, in column order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "lag1", "lag2", "lag3", "lag6", "lag12", "sum12", "sum36", "block3x3", "block5x5", "recency6", "kde150", "monthOfYear",
    ];

    public const int Count = 12;

    private static readonly int[] Lags = [1, 2, 3, 6, 12];
    private readonly RecencyWeightedForecaster recency = new(6);
    private readonly KernelDensityForecaster density = new(150, 12);

    /// <param name="firstCalendarMonth">The calendar month (1..12) of month 0 of the histories given.</param>
    public CellFeatures(int firstCalendarMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstCalendarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstCalendarMonth, 12);
        FirstCalendarMonth = firstCalendarMonth;
    }

    public int FirstCalendarMonth { get; }

    /// <summary>The calendar month (1..12) of a month index.</summary>
    public int CalendarMonth(int month) => (FirstCalendarMonth - 1 + month) % 12 + 1;

    /// <summary>
    /// The features for month <c>history.Months</c>: row-major, <see cref="Count"/> values per cell, cell
    /// by cell in the area's index order.
    /// </summary>
    public float[] Build(CountHistory history, StudyArea area)
    {
        if (area.Count != history.CellCount) throw new ArgumentException("The history and the area cover different cells.", nameof(area));
        var cells = history.CellCount;
        var target = history.Months;
        var features = new float[cells * Count];

        for (var l = 0; l < Lags.Length; l++)
        {
            var month = target - Lags[l];
            if (month < 0) continue;
            var counts = history.Month(month);
            for (var c = 0; c < cells; c++) features[c * Count + l] = counts[c];
        }
        var sum12 = new RecentCountForecaster(12).Forecast(history, area);
        var sum36 = new RecentCountForecaster(36).Forecast(history, area);
        var recent = recency.Forecast(history, area);
        var kde = density.Forecast(history, area);
        var monthOfYear = CalendarMonth(target);
        for (var c = 0; c < cells; c++)
        {
            var cell = area[c];
            double block3 = 0, block5 = 0;
            for (var dy = -2; dy <= 2; dy++)
                for (var dx = -2; dx <= 2; dx++)
                {
                    var other = area.IndexOf(new GridCell(cell.Column + dx, cell.Row + dy));
                    if (other < 0) continue;
                    block5 += sum12[other];
                    if (Math.Abs(dx) <= 1 && Math.Abs(dy) <= 1) block3 += sum12[other];
                }
            var row = c * Count;
            features[row + 5] = (float)sum12[c];
            features[row + 6] = (float)sum36[c];
            features[row + 7] = (float)block3;
            features[row + 8] = (float)block5;
            features[row + 9] = (float)recent[c];
            features[row + 10] = (float)kde[c];
            features[row + 11] = monthOfYear;
        }
        return features;
    }
}

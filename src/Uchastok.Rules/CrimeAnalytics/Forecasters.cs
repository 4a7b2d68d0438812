namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// A forecast of the next month: given the counts of every month before it
/// (<see cref="CountHistory.Before"/>), a score per study-area cell, higher meaning more incidents
/// expected. Only the ranking of scores is judged (hit rate, PAI).
/// </summary>
public interface ICrimeForecaster
{
    /// <summary>The method and its parameters, for tables.</summary>
    string Name { get; }

    /// <summary>Scores for month <c>history.Months</c>, by cell index.</summary>
    double[] Forecast(CountHistory history, StudyArea area);
}

/// <summary>Baseline: the count of the last <c>Months</c> months per cell (12: last year; 1: last month).</summary>
public sealed class RecentCountForecaster(int months) : ICrimeForecaster
{
    public int Months { get; } = months > 0 ? months : throw new ArgumentOutOfRangeException(nameof(months));
    public string Name => Months == 1 ? "last month's count" : $"last {Months} months' count";

    public double[] Forecast(CountHistory history, StudyArea area)
    {
        var scores = new double[history.CellCount];
        for (var m = Math.Max(0, history.Months - Months); m < history.Months; m++)
        {
            var counts = history.Month(m);
            for (var c = 0; c < scores.Length; c++) scores[c] += counts[c];
        }
        return scores;
    }
}

/// <summary>
/// Recency-weighted count: Σ_k w^(k−1) · n(T−k) over every earlier month k = 1, 2, …, with
/// w = 2^(−1/half-life): a month half-life months older counts half as much.
/// </summary>
public sealed class RecencyWeightedForecaster(double halfLifeMonths) : ICrimeForecaster
{
    public double HalfLifeMonths { get; } = halfLifeMonths > 0 ? halfLifeMonths : throw new ArgumentOutOfRangeException(nameof(halfLifeMonths));
    public string Name => $"recency-weighted count (half-life {HalfLifeMonths:0.#} months)";

    public double[] Forecast(CountHistory history, StudyArea area)
    {
        var scores = new double[history.CellCount];
        var decay = Math.Pow(2, -1 / HalfLifeMonths);
        // Oldest first: scores ← decay · scores + n(m), so the last month has weight 1.
        for (var m = 0; m < history.Months; m++)
        {
            var counts = history.Month(m);
            for (var c = 0; c < scores.Length; c++) scores[c] = scores[c] * decay + counts[c];
        }
        return scores;
    }
}

public enum KernelShape { Gaussian, Quartic }

/// <summary>
/// Kernel density over cells: score(c) = Σ_c' x(c') · K(d(c, c') / h), where x is the last
/// <c>WindowMonths</c> months' count of cell c' (or the recency-weighted count when a half-life is
/// given), d the distance between the cells' centres and h the bandwidth. Gaussian K(u) = exp(−u²/2),
/// cut at u = 3 (the rest is under 1.2 % of the mass); quartic K(u) = (1 − u²)² for u &lt; 1. The
/// normalising constant is left out: it does not change the ranking. Incidents sit at their cell's
/// centre (police.uk points are anonymised to map points anyway, often further than a cell apart).
/// </summary>
public sealed class KernelDensityForecaster : ICrimeForecaster
{
    public KernelDensityForecaster(double bandwidthMetres, int windowMonths, KernelShape shape = KernelShape.Gaussian, double? halfLifeMonths = null)
    {
        if (!(bandwidthMetres > 0)) throw new ArgumentOutOfRangeException(nameof(bandwidthMetres));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowMonths);
        if (halfLifeMonths is { } h && !(h > 0)) throw new ArgumentOutOfRangeException(nameof(halfLifeMonths));
        BandwidthMetres = bandwidthMetres;
        WindowMonths = windowMonths;
        Shape = shape;
        HalfLifeMonths = halfLifeMonths;
    }

    public double BandwidthMetres { get; }
    public int WindowMonths { get; }
    public KernelShape Shape { get; }
    public double? HalfLifeMonths { get; }

    public string Name => HalfLifeMonths is { } h
        ? $"kernel density ({Shape.ToString().ToLowerInvariant()}, h = {BandwidthMetres:0} m, recency-weighted, half-life {h:0.#} months)"
        : $"kernel density ({Shape.ToString().ToLowerInvariant()}, h = {BandwidthMetres:0} m, last {WindowMonths} months)";

    public double Kernel(double distanceMetres)
    {
        var u = distanceMetres / BandwidthMetres;
        return Shape switch
        {
            KernelShape.Gaussian => u <= 3 ? Math.Exp(-u * u / 2) : 0,
            _ => u < 1 ? (1 - u * u) * (1 - u * u) : 0,
        };
    }

    public double[] Forecast(CountHistory history, StudyArea area)
    {
        if (area.Count != history.CellCount) throw new ArgumentException("The history and the area cover different cells.", nameof(area));
        var mass = HalfLifeMonths is { } h
            ? new RecencyWeightedForecaster(h).Forecast(history, area)
            : new RecentCountForecaster(WindowMonths).Forecast(history, area);
        var reach = (int)Math.Ceiling((Shape == KernelShape.Gaussian ? 3 : 1) * BandwidthMetres / area.Grid.CellMetres);
        var offsets = new List<(int Dx, int Dy, double Weight)>();
        for (var dy = -reach; dy <= reach; dy++)
            for (var dx = -reach; dx <= reach; dx++)
            {
                var weight = Kernel(Math.Sqrt(dx * dx + dy * dy) * area.Grid.CellMetres);
                if (weight > 0) offsets.Add((dx, dy, weight));
            }
        var scores = new double[history.CellCount];
        for (var source = 0; source < mass.Length; source++)
        {
            if (mass[source] == 0) continue;
            var cell = area[source];
            foreach (var (dx, dy, weight) in offsets)
            {
                var target = area.IndexOf(new GridCell(cell.Column + dx, cell.Row + dy));
                if (target >= 0) scores[target] += mass[source] * weight;
            }
        }
        return scores;
    }
}

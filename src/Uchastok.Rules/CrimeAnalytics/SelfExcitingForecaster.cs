namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// A self-exciting point process on the grid (ETAS as Mohler et al. 2015 used it in their field
/// trial, in discrete months because police.uk gives only the month): the expected count of cell c in
/// month t is
///   λ_c(t) = μ_c + θ · Σ_{s&lt;t} g(t − s) · n_c(s),   g(k) = (1 − β) · β^(k−1), k ≥ 1,
/// a steady background μ_c per cell plus offspring of the cell's earlier incidents: each incident
/// triggers θ further incidents on average, spread over the following months by a geometric decay
/// (β = e^(−ω), mean lag 1/(1 − β) months). Fitted by expectation–maximisation on the last
/// <c>TrainingMonths</c> months before the forecast month (burglary is not stationary over 14 years):
/// E-step: each month's count is split into background and triggered parts in proportion μ_c and
/// θ·g·n; M-step: μ_c = background total / T; θ = triggered total / Σ n_c(s)·(1 − β^(T−1−s)) (the
/// offspring that could fall inside the window); 1 − β = triggered total / Σ triggered lags (the
/// geometric fit, leaving out the window's end, as is usual). The sums run in O(cells · months) per
/// step through two running sums, S_c(t) = β·S_c(t−1) + n_c(t−1) and L_c(t) = β·(L_c(t−1) + S_c(t−1)) + n_c(t−1).
/// The forecast is λ_c(T) for the month after the window.
/// </summary>
public sealed class SelfExcitingForecaster(int trainingMonths, int iterations = 60) : ICrimeForecaster
{
    public int TrainingMonths { get; } = trainingMonths >= 2 ? trainingMonths : throw new ArgumentOutOfRangeException(nameof(trainingMonths));
    public int Iterations { get; } = iterations > 0 ? iterations : throw new ArgumentOutOfRangeException(nameof(iterations));
    public string Name => $"self-exciting process (ETAS, trained on the last {TrainingMonths} months)";

    /// <summary>The parameters of the last fit (for tables and tests).</summary>
    public SelfExcitingFit Fit(CountHistory history)
    {
        var start = Math.Max(0, history.Months - TrainingMonths);
        var months = history.Months - start;
        if (months < 2) throw new ArgumentException("The self-exciting process needs at least two months of history.", nameof(history));
        var cells = history.CellCount;
        var n = new int[months][];
        for (var t = 0; t < months; t++) n[t] = history.Month(start + t).ToArray();

        var mu = new double[cells];
        var totalEvents = 0.0;
        for (var c = 0; c < cells; c++)
        {
            for (var t = 0; t < months; t++) mu[c] += n[t][c];
            totalEvents += mu[c];
            // Start with half of each cell's mean as background and the other half to be explained by triggering.
            mu[c] = mu[c] / months / 2;
        }
        double theta = 0.5, beta = 0.5;
        if (totalEvents == 0) return new SelfExcitingFit(mu, 0, beta, start, months);

        var background = new double[cells];
        var s = new double[cells];
        var l = new double[cells];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(background);
            Array.Clear(s);
            Array.Clear(l);
            double triggered = 0, triggeredLags = 0, exposure = 0;
            var g0 = theta * (1 - beta);
            for (var t = 0; t < months; t++)
            {
                var row = n[t];
                if (t > 0)
                {
                    var previous = n[t - 1];
                    for (var c = 0; c < cells; c++)
                    {
                        l[c] = beta * (l[c] + s[c]) + previous[c];
                        s[c] = beta * s[c] + previous[c];
                    }
                }
                for (var c = 0; c < cells; c++)
                {
                    var count = row[c];
                    if (count == 0) continue;
                    var trigger = g0 * s[c];
                    var lambda = mu[c] + trigger;
                    if (lambda <= 0) { background[c] += count; continue; }
                    background[c] += count * mu[c] / lambda;
                    triggered += count * trigger / lambda;
                    triggeredLags += count * g0 * l[c] / lambda;
                }
            }
            for (var t = 0; t < months; t++)
            {
                var within = 1 - Math.Pow(beta, months - 1 - t);
                if (within <= 0) continue;
                var row = n[t];
                var sum = 0L;
                for (var c = 0; c < cells; c++) sum += row[c];
                exposure += sum * within;
            }
            for (var c = 0; c < cells; c++) mu[c] = background[c] / months;
            theta = exposure > 0 ? triggered / exposure : 0;
            // Keep the process stable (θ < 1) and the decay strictly inside (0, 1).
            theta = Math.Min(theta, 0.999);
            beta = triggeredLags > 0 ? Math.Clamp(1 - triggered / triggeredLags, 1e-6, 1 - 1e-6) : beta;
        }
        return new SelfExcitingFit(mu, theta, beta, start, months);
    }

    public double[] Forecast(CountHistory history, StudyArea area)
    {
        var fit = Fit(history);
        var scores = (double[])fit.Background.Clone();
        // λ_c(T) = μ_c + θ(1 − β) Σ_{s<T} β^(T−1−s) n_c(s), over the training window.
        var s = new double[history.CellCount];
        for (var t = fit.Start; t < history.Months; t++)
        {
            var counts = history.Month(t);
            for (var c = 0; c < s.Length; c++) s[c] = fit.Beta * s[c] + counts[c];
        }
        var g0 = fit.Theta * (1 - fit.Beta);
        for (var c = 0; c < scores.Length; c++) scores[c] += g0 * s[c];
        return scores;
    }
}

/// <summary>A fitted self-exciting process: background per cell, offspring per incident θ, decay β, the window.</summary>
public sealed record SelfExcitingFit(double[] Background, double Theta, double Beta, int Start, int Months)
{
    public double MeanLagMonths => 1 / (1 - Beta);
}

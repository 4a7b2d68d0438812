using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Rules.Tests.CrimeAnalytics;

public sealed class ForecasterTests
{
    private static readonly CrimeGrid Grid = new(0, 51.5);

    /// <summary>Counts given as rows of months, columns of cells.</summary>
    private static CountHistory History(int[][] months) =>
        CountHistory.FromIncidents(months[0].Length, months.Length,
            months.SelectMany((row, m) => row.SelectMany((n, c) => Enumerable.Repeat((m, c), n))));

    private static StudyArea Row(int cells) => new(Grid, Enumerable.Range(0, cells).Select(c => new GridCell(c, 0)));

    private static readonly int[][] ThreeMonths = [[1, 0], [0, 2], [3, 0]];

    [Fact]
    public void RecentCount_SumsTheLastMonths()
    {
        Assert.Equal([3.0, 2.0], new RecentCountForecaster(2).Forecast(History(ThreeMonths), Row(2)));
        Assert.Equal([3.0, 0.0], new RecentCountForecaster(1).Forecast(History(ThreeMonths), Row(2)));
        Assert.Equal([4.0, 2.0], new RecentCountForecaster(12).Forecast(History(ThreeMonths), Row(2)));
    }

    [Fact]
    public void RecencyWeighted_HalvesPerHalfLife()
    {
        // Half-life 1 month: the last month counts 1, the one before 1/2, then 1/4.
        var scores = new RecencyWeightedForecaster(1).Forecast(History(ThreeMonths), Row(2));
        Assert.Equal(3 + 0 + 0.25, scores[0], 12);
        Assert.Equal(2 * 0.5, scores[1], 12);
    }

    [Fact]
    public void KernelDensity_SpreadsACellsCountToItsNeighbours()
    {
        // One incident in the middle of three cells in a row, 250 m apart.
        var history = History([[0, 1, 0]]);
        var gaussian = new KernelDensityForecaster(250, 12).Forecast(history, Row(3));
        Assert.Equal([Math.Exp(-0.5), 1, Math.Exp(-0.5)], gaussian, new Tolerance(1e-12));

        // Quartic, h = 400 m: u = 250 / 400 = 0.625, (1 − 0.625²)² = 0.371337890625.
        var quartic = new KernelDensityForecaster(400, 12, KernelShape.Quartic).Forecast(history, Row(3));
        Assert.Equal([0.371337890625, 1, 0.371337890625], quartic, new Tolerance(1e-12));

        // Beyond the quartic's support (h = 200 m < 250 m) nothing spreads.
        Assert.Equal([0.0, 1, 0], new KernelDensityForecaster(200, 12, KernelShape.Quartic).Forecast(history, Row(3)));
    }

    [Fact]
    public void KernelDensity_OnlyCountsTheWindow()
    {
        var history = History([[5, 0, 0], [0, 0, 1]]);
        var scores = new KernelDensityForecaster(250, 1).Forecast(history, Row(3));
        // Cell 0 is 500 m (u = 2) from month 1's incident; its own 5 incidents of month 0 are outside the window.
        Assert.Equal(Math.Exp(-2), scores[0], 12);
        Assert.Equal(Math.Exp(-0.5), scores[1], 12);
        Assert.Equal(1, scores[2], 12);
    }

    [Fact]
    public void SelfExciting_OneEmStepByHand()
    {
        // One cell with one incident in each of two months. Start: μ = 0.5, θ = 0.5, β = 0.5.
        // E-step, month 1: trigger θ(1 − β)·1 = 0.25, λ = 0.75: background 2/3, triggered 1/3, triggered lag 1/3.
        // M-step: μ = (1 + 2/3) / 2 = 5/6; θ = (1/3) / (1 · (1 − 0.5¹)) = 2/3; 1 − β = (1/3) / (1/3) = 1, so β at its floor.
        var forecaster = new SelfExcitingForecaster(trainingMonths: 24, iterations: 1);
        var history = History([[1], [1]]);
        var fit = forecaster.Fit(history);
        Assert.Equal(5.0 / 6, fit.Background[0], 12);
        Assert.Equal(2.0 / 3, fit.Theta, 12);
        Assert.Equal(1e-6, fit.Beta, 12);
        // Forecast: μ + θ(1 − β)·(β·n(0) + n(1)) ≈ 5/6 + 2/3 = 1.5.
        Assert.Equal(1.5, forecaster.Forecast(history, Row(1))[0], 5);
    }

    [Fact]
    public void SelfExciting_IncidentsWithNoEarlierIncidentsAreBackground()
    {
        // Two incidents in the first month and none after: nothing triggered them, and they triggered nothing
        // later, so θ = 0 and the forecast is the background 2 / 4 months.
        var forecaster = new SelfExcitingForecaster(trainingMonths: 24);
        var history = History([[2, 0], [0, 0], [0, 0], [0, 0]]);
        var fit = forecaster.Fit(history);
        Assert.Equal(0, fit.Theta, 12);
        Assert.Equal([0.5, 0], forecaster.Forecast(history, Row(2)), new Tolerance(1e-12));
    }

    [Fact]
    public void SelfExciting_EmReachesTheMaximumLikelihood()
    {
        // Bursts that halve month by month. A grid search over the Poisson log-likelihood (μ in steps of 0.05,
        // θ of 0.02, β of 0.05) puts the maximum at μ ≈ 2.05, θ ≈ 0.14, β ≈ 0: the bursts' first months, after
        // quiet ones, can only be background, so μ is large and θ small. EM must land there, and any small step
        // away from its answer must lower the likelihood (computed here directly, without the running sums).
        int[] x = [8, 4, 2, 1, 0, 0, 0, 0, 8, 4, 2, 1, 0, 0, 0, 0, 8, 4];
        var fit = new SelfExcitingForecaster(trainingMonths: 24, iterations: 200).Fit(History([.. x.Select(n => new[] { n })]));

        Assert.Equal(2.05, fit.Background[0], 0.1);
        Assert.Equal(0.14, fit.Theta, 0.02);
        Assert.InRange(fit.Beta, 0, 0.05);

        double LogLikelihood(double mu, double theta, double beta)
        {
            var total = 0.0;
            for (var t = 0; t < x.Length; t++)
            {
                var lambda = mu;
                for (var s = 0; s < t; s++) lambda += theta * (1 - beta) * Math.Pow(beta, t - 1 - s) * x[s];
                total += x[t] * Math.Log(lambda) - lambda;
            }
            return total;
        }
        var best = LogLikelihood(fit.Background[0], fit.Theta, fit.Beta);
        foreach (var (dm, dt, db) in new[] { (0.05, 0.0, 0.0), (-0.05, 0, 0), (0, 0.01, 0), (0, -0.01, 0), (0, 0, 0.01) })
            Assert.True(LogLikelihood(fit.Background[0] + dm, fit.Theta + dt, fit.Beta + db) < best, $"a step ({dm}, {dt}, {db}) should lower the likelihood");
    }

    [Fact]
    public void SelfExciting_UsesOnlyItsTrainingWindow()
    {
        // The first month lies outside a two-month window and is not seen at all.
        var fit = new SelfExcitingForecaster(trainingMonths: 2).Fit(History([[9], [1], [0]]));
        Assert.Equal(1, fit.Start);
        Assert.Equal(0.5, fit.Background[0], 12);
    }

    [Fact]
    public void History_NeverShowsTheForecastMonth()
    {
        var history = History(ThreeMonths);
        var before = history.Before(2);
        Assert.Equal(2, before.Months);
        Assert.Equal(1, before.Total(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => before.Month(2).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => history.Before(4));
    }

    [Fact]
    public void History_SkipsIncidentsOutsideTheArea()
    {
        var history = CountHistory.FromIncidents(2, 1, [(0, 0), (0, -1), (0, 1), (0, 1)]);
        Assert.Equal([1, 2], history.Month(0).ToArray());
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double obj) => 0;
    }
}

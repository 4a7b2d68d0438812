using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Rules.Tests.CrimeAnalytics;

public sealed class BlendForecasterTests
{
    private static readonly CrimeGrid Grid = new(0, 51.5);

    private static CountHistory History(int[][] months) =>
        CountHistory.FromIncidents(months[0].Length, months.Length,
            months.SelectMany((row, m) => row.SelectMany((n, c) => Enumerable.Repeat((m, c), n))));

    private static StudyArea Row(int cells) => new(Grid, Enumerable.Range(0, cells).Select(c => new GridCell(c, 0)));

    [Fact]
    public void Forecast_AddsEachPartsSharesByWeight()
    {
        var history = History([[1, 0], [0, 2], [3, 0]]);
        // Last month [3, 0] as shares [1, 0]; the last two months [3, 2] as shares [0.6, 0.4].
        var blend = new BlendForecaster([(new RecentCountForecaster(1), 0.5), (new RecentCountForecaster(2), 0.5)]);
        var scores = blend.Forecast(history, Row(2));
        Assert.Equal(0.8, scores[0], 12);
        Assert.Equal(0.2, scores[1], 12);
        Assert.Equal("blend (0.5 × last month's count + 0.5 × last 2 months' count)", blend.Name);
    }

    [Fact]
    public void Forecast_SkipsZeroWeightsAndEmptyParts()
    {
        var history = History([[0, 0], [0, 1]]);
        // The throwing part has no weight, so it is never asked; the first month's part is all zeros and adds nothing.
        var blend = new BlendForecaster([(new Throwing(), 0), (new RecentCountForecaster(1), 2), (new FirstMonth(), 1)]);
        Assert.Equal([0.0, 2.0], blend.Forecast(history, Row(2)));
    }

    [Fact]
    public void Constructor_RefusesBadWeights()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlendForecaster([(new RecentCountForecaster(1), -0.1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlendForecaster([(new RecentCountForecaster(1), double.NaN)]));
        Assert.Throws<ArgumentException>(() => new BlendForecaster([(new RecentCountForecaster(1), 0)]));
        Assert.Throws<ArgumentException>(() => new BlendForecaster([]));
    }

    private sealed class Throwing : ICrimeForecaster
    {
        public string Name => "throws";
        public double[] Forecast(CountHistory history, StudyArea area) => throw new InvalidOperationException("A part with no weight was computed.");
    }

    private sealed class FirstMonth : ICrimeForecaster
    {
        public string Name => "first month";
        public double[] Forecast(CountHistory history, StudyArea area) => [.. history.Month(0).ToArray().Select(n => (double)n)];
    }
}

using Uchastok.CrimeModel;
using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.CrimeModel.Tests;

public sealed class BoostedTreeForecasterTests
{
    private static readonly CrimeGrid Grid = new(0, 51.5);

    private static CountHistory History(int[][] months) =>
        CountHistory.FromIncidents(months[0].Length, months.Length,
            months.SelectMany((row, m) => row.SelectMany((n, c) => Enumerable.Repeat((m, c), n))));

    private static StudyArea Row(int cells) => new(Grid, Enumerable.Range(0, cells).Select(c => new GridCell(c * 4, 0)));

    [Fact]
    public void TrainingSet_PairsEachMonthsCountsWithFeaturesFromTheMonthsBefore()
    {
        // Three months, two cells: examples for months 1 and 2 (month 0 has nothing before it), one per cell.
        var history = History([[1, 0], [0, 2], [3, 0]]);
        var examples = new BoostedTreeForecaster(firstCalendarMonth: 1, trainingMonths: 12).TrainingSet(history, Row(2));
        Assert.Equal(4, examples.Count);
        // Month 1's labels are its counts; its lag-1 feature is month 0's count.
        Assert.Equal([0f, 2f], [examples[0].Label, examples[1].Label]);
        Assert.Equal([1f, 0f], [examples[0].Features[0], examples[1].Features[0]]);
        // Month 2's labels, with month 1 as lag 1 and month 0 as lag 2.
        Assert.Equal([3f, 0f], [examples[2].Label, examples[3].Label]);
        Assert.Equal([0f, 2f], [examples[2].Features[0], examples[3].Features[0]]);
        Assert.Equal([1f, 0f], [examples[2].Features[1], examples[3].Features[1]]);
        // A window of one month keeps the last month only.
        Assert.Equal(2, new BoostedTreeForecaster(1, trainingMonths: 1).TrainingSet(history, Row(2)).Count);
    }

    [Theory]
    [InlineData(BoostingObjective.Tweedie)]
    [InlineData(BoostingObjective.SquaredError)]
    public void Forecast_RanksASteadyHotspotFirst_AndLearnsAnAlternatingCell(BoostingObjective objective)
    {
        // Four cells a kilometre apart (no shared neighbourhood): every month cell 2 has 3 incidents, cell 0 one,
        // cell 1 none, and cell 3 one in the odd months only. The model learns from lag 1 that cell 3 is quiet after
        // a busy month and busy after a quiet one.
        var months = Enumerable.Range(0, 24).Select(m => new[] { 1, 0, 3, m % 2 }).ToArray();
        var forecaster = new BoostedTreeForecaster(firstCalendarMonth: 1, trainingMonths: 12, objective: objective, trees: 20, leaves: 4, minimumExamplesPerLeaf: 2);

        // Month 24 follows a busy month 23: cell 3 expects nothing, like cell 1.
        var afterBusy = forecaster.Forecast(History(months), Row(4));
        Assert.Equal([2, 0], ForecastMeasures.Rank(afterBusy)[..2]);
        Assert.Equal(afterBusy[1], afterBusy[3], 6);
        // Month 23 follows a quiet month 22: cell 3 expects an incident, more than after a busy month.
        var afterQuiet = forecaster.Forecast(History(months[..23]), Row(4));
        Assert.True(afterQuiet[3] > afterBusy[3] + 0.1, $"after a quiet month {afterQuiet[3]}, after a busy one {afterBusy[3]}");
        Assert.True(afterQuiet[3] > afterQuiet[1] + 0.1);
        Assert.Equal(2, ForecastMeasures.Rank(afterQuiet)[0]);
    }

    [Fact]
    public void Forecast_IsRepeatable()
    {
        var months = Enumerable.Range(0, 18).Select(m => new[] { m % 3, 1, (m * 7) % 4, 0, m % 2 }).ToArray();
        var forecaster = new BoostedTreeForecaster(firstCalendarMonth: 5, trainingMonths: 10, trees: 10, leaves: 3, minimumExamplesPerLeaf: 2);
        Assert.Equal(forecaster.Forecast(History(months), Row(5)), forecaster.Forecast(History(months), Row(5)));
    }

    [Fact]
    public void Forecast_NeedsTwoMonths() =>
        Assert.Throws<ArgumentException>(() => new BoostedTreeForecaster(1).Forecast(History([[1, 2]]), Row(2)));

    [Fact]
    public void Constructor_RefusesBadParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoostedTreeForecaster(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoostedTreeForecaster(1, trainingMonths: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoostedTreeForecaster(1, leaves: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoostedTreeForecaster(1, learningRate: 0));
    }
}

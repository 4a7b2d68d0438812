using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Rules.Tests.CrimeAnalytics;

public sealed class ForecastMeasuresTests
{
    [Fact]
    public void Rank_HighestFirst_TiesByCellIndex()
    {
        Assert.Equal([1, 2, 0, 3], ForecastMeasures.Rank([1, 3, 3, 0]));
        Assert.Equal([0, 1, 2], ForecastMeasures.Rank([0, 0, 0]));
    }

    [Fact]
    public void Rank_RefusesNaN() => Assert.Throws<ArgumentException>(() => ForecastMeasures.Rank([1, double.NaN]));

    [Theory]
    [InlineData(26_088, 0.01, 261)]
    [InlineData(26_088, 0.05, 1305)]
    [InlineData(200, 0.05, 10)]
    [InlineData(10, 0.01, 1)]
    [InlineData(150, 0.01, 2)]
    public void FlaggedCells_IsTheCeilingOfTheShare(int cells, double share, int flagged) =>
        Assert.Equal(flagged, ForecastMeasures.FlaggedCells(cells, share));

    [Fact]
    public void Score_HitRateAndPai_ByHand()
    {
        // Ten cells; the month has 8 incidents: 3 in cell 1, 1 in cell 2, 4 in cell 7.
        int[] actual = [0, 3, 1, 0, 0, 0, 0, 4, 0, 0];
        int[] ranking = [1, 2, 0, 3, 4, 5, 6, 7, 8, 9];

        var at10 = ForecastMeasures.Score(ranking, actual, 0.1);
        Assert.Equal(1, at10.FlaggedCells);
        Assert.Equal(3, at10.Hits);
        Assert.Equal(8, at10.Incidents);
        Assert.Equal(0.375, at10.HitRate, 12);
        Assert.Equal(3.75, at10.Pai, 12); // 0.375 of the incidents on 0.1 of the area

        var at20 = ForecastMeasures.Score(ranking, actual, 0.2);
        Assert.Equal(0.5, at20.HitRate, 12);
        Assert.Equal(2.5, at20.Pai, 12);
    }

    [Fact]
    public void Score_AMonthWithoutIncidents_HitsNothing()
    {
        var score = ForecastMeasures.Score([0, 1], [0, 0], 0.5);
        Assert.Equal(0, score.HitRate);
        Assert.Equal(0, score.Pai);
    }

    [Fact]
    public void MeanInterval_IsTheStudentTInterval()
    {
        // Mean 2, standard deviation 1, n = 3: 2 ± 4.303 / √3.
        var m = MeanInterval.Of([1, 2, 3]);
        Assert.Equal(2, m.Mean, 12);
        Assert.Equal(2 - 4.303 / Math.Sqrt(3), m.Low, 9);
        Assert.Equal(2 + 4.303 / Math.Sqrt(3), m.High, 9);
        Assert.Equal(2.201, MeanInterval.TQuantile975(11));
    }
}

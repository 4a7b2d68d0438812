using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Rules.Tests.CrimeAnalytics;

public sealed class CellFeaturesTests
{
    private static readonly CrimeGrid Grid = new(0, 51.5);

    private static CountHistory History(int[][] months) =>
        CountHistory.FromIncidents(months[0].Length, months.Length,
            months.SelectMany((row, m) => row.SelectMany((n, c) => Enumerable.Repeat((m, c), n))));

    private static StudyArea Row(int cells) => new(Grid, Enumerable.Range(0, cells).Select(c => new GridCell(c, 0)));

    private static float Feature(float[] features, int cell, string name) =>
        features[cell * CellFeatures.Count + CellFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void Build_ComputesEveryFeatureByHand()
    {
        // Three cells in a row, 250 m apart; 13 months (0 = a December), so the forecast month 13 is a January.
        var months = Enumerable.Range(0, 13).Select(_ => new int[3]).ToArray();
        months[0] = [1, 0, 0];   // lag 13: only in the 36-month sum
        months[1] = [0, 0, 4];   // lag 12
        months[7] = [0, 1, 0];   // lag 6
        months[10] = [0, 2, 0];  // lag 3
        months[11] = [0, 0, 1];  // lag 2
        months[12] = [3, 0, 0];  // lag 1
        var f = new CellFeatures(firstCalendarMonth: 12).Build(History(months), Row(3));

        Assert.Equal(3 * CellFeatures.Count, f.Length);
        Assert.Equal([3f, 0, 0], [Feature(f, 0, "lag1"), Feature(f, 1, "lag1"), Feature(f, 2, "lag1")]);
        Assert.Equal([0f, 0, 1], [Feature(f, 0, "lag2"), Feature(f, 1, "lag2"), Feature(f, 2, "lag2")]);
        Assert.Equal([0f, 2, 0], [Feature(f, 0, "lag3"), Feature(f, 1, "lag3"), Feature(f, 2, "lag3")]);
        Assert.Equal([0f, 1, 0], [Feature(f, 0, "lag6"), Feature(f, 1, "lag6"), Feature(f, 2, "lag6")]);
        Assert.Equal([0f, 0, 4], [Feature(f, 0, "lag12"), Feature(f, 1, "lag12"), Feature(f, 2, "lag12")]);
        // Months 1..12: 3, 1 + 2, 4 + 1; months 0..12 add month 0's incident to cell 0.
        Assert.Equal([3f, 3, 5], [Feature(f, 0, "sum12"), Feature(f, 1, "sum12"), Feature(f, 2, "sum12")]);
        Assert.Equal([4f, 3, 5], [Feature(f, 0, "sum36"), Feature(f, 1, "sum36"), Feature(f, 2, "sum36")]);
        // 3×3 block: the cell and its neighbours in the area (3 + 3, 3 + 3 + 5, 3 + 5); 5×5: all three cells.
        Assert.Equal([6f, 11, 8], [Feature(f, 0, "block3x3"), Feature(f, 1, "block3x3"), Feature(f, 2, "block3x3")]);
        Assert.Equal([11f, 11, 11], [Feature(f, 0, "block5x5"), Feature(f, 1, "block5x5"), Feature(f, 2, "block5x5")]);
        // Recency, half-life 6: lag k weighs 2^(−(k−1)/6).
        Assert.Equal(3 + Math.Pow(2, -12 / 6.0), Feature(f, 0, "recency6"), 5);
        Assert.Equal(2 * Math.Pow(2, -2 / 6.0) + Math.Pow(2, -5 / 6.0), Feature(f, 1, "recency6"), 5);
        Assert.Equal(Math.Pow(2, -1 / 6.0) + 4 * Math.Pow(2, -11 / 6.0), Feature(f, 2, "recency6"), 5);
        // Kernel density, Gaussian h = 150 m on the 12-month counts: a neighbour 250 m off weighs exp(−(250/150)²/2);
        // 500 m is u = 3.33, beyond the cut at 3.
        var near = Math.Exp(-25.0 / 18);
        Assert.Equal(3 + 3 * near, Feature(f, 0, "kde150"), 5);
        Assert.Equal(3 + 8 * near, Feature(f, 1, "kde150"), 5);
        Assert.Equal(5 + 3 * near, Feature(f, 2, "kde150"), 5);
        Assert.All(Enumerable.Range(0, 3), c => Assert.Equal(1f, Feature(f, c, "monthOfYear")));
    }

    [Fact]
    public void Build_LagsBeforeTheDataStartAreZero()
    {
        var f = new CellFeatures(firstCalendarMonth: 3).Build(History([[2], [5]]), Row(1));
        Assert.Equal(5f, Feature(f, 0, "lag1"));
        Assert.Equal(2f, Feature(f, 0, "lag2"));
        Assert.Equal(0f, Feature(f, 0, "lag3"));
        Assert.Equal(0f, Feature(f, 0, "lag12"));
        Assert.Equal(7f, Feature(f, 0, "sum36"));
        // Month 0 is a March, so month 2 is a May.
        Assert.Equal(5f, Feature(f, 0, "monthOfYear"));
    }

    [Fact]
    public void CalendarMonth_WrapsAtTheYearEnd()
    {
        var features = new CellFeatures(firstCalendarMonth: 12);
        Assert.Equal(12, features.CalendarMonth(0));
        Assert.Equal(1, features.CalendarMonth(1));
        Assert.Equal(12, features.CalendarMonth(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellFeatures(13));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellFeatures(0));
    }
}

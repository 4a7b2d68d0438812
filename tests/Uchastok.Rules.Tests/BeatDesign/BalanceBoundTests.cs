using Uchastok.Rules.BeatDesign;

namespace Uchastok.Rules.Tests.BeatDesign;

public sealed class BalanceBoundTests
{
    [Fact]
    public void AnAreaHeavierThanTheMean_IsTheBound()
    {
        var loads = Enumerable.Repeat(100.0, 36).ToList();
        loads[0] = 2000;
        var problem = Grids.Problem(6, 6, 4, loads);

        var bound = BalanceBound.Of(problem);

        Assert.Equal(2000 / (5500 / 4.0), bound.HeaviestArea, 9);
        Assert.Equal(1, bound.PieceCount);
        Assert.Equal(bound.HeaviestArea, bound.Value, 9);
    }

    [Theory]
    // Two pieces of loads 3 and 1 (a river between them). With two beats each piece has one: the heavier carries 3 against a mean of 2.
    [InlineData(2, 1.5)]
    // With four, the heavier piece takes three beats and every beat carries 1: the pieces cost nothing.
    [InlineData(4, 1.0)]
    // With three, 3 | 1 is split 2 + 1 beats: 1.5 each on one bank against a mean of 4/3.
    [InlineData(3, 1.125)]
    public void PiecesOfTheMap_ShareTheBeatsSoThatTheHeaviestBeatIsLightest(int beats, double expected)
    {
        // Areas 0–2 (load 1 each) and 3 (load 1) are two pieces: 0–1–2 in a row, 3 alone.
        var squares = Grids.Squares(1, 4);
        var adjacency = AreaAdjacency.FromPairs(4, [new AdjacentPair(0, 1, 100), new AdjacentPair(1, 2, 100)]);
        var problem = new DesignProblem(Enumerable.Repeat(1.0, 4).ToList(), squares.Select(s => s.Area).ToList(), squares.Select(s => s.Length).ToList(),
            squares.Select(s => (s.Centroid.X, s.Centroid.Y)).ToList(), [1, 1, 1, 1], adjacency, beats);

        var bound = BalanceBound.Of(problem);

        Assert.Equal(2, bound.PieceCount);
        Assert.Equal(expected, bound.Pieces, 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NoPlanTheOptimiserFinds_IsBetterThanTheBound(int seed)
    {
        var random = new Random(seed);
        var loads = Grids.RandomLoads(64, seed);
        // A few indivisible heavy areas: a market, a station.
        for (var i = 0; i < 3; i++) loads[random.Next(64)] = 600 + random.NextDouble() * 600;
        var problem = Grids.Problem(8, 8, 10, loads);

        var result = BeatOptimiser.Optimise(problem, new OptimiserOptions(Seed: seed, IterationsPerArea: 2000));

        Assert.Equal(BalanceBound.Of(problem), result.Bound);
        Assert.True(result.GapToBound >= -1e-9, $"max/mean {result.Metrics.MaxOverMean:F4} below the bound {result.Bound.Value:F4}");
    }

    [Fact]
    public void FairShares_WaterLevel_SetsApartWhatIsHeavierThanTheRestWouldCarry()
    {
        Assert.Equal(2.0, FairShare.WaterLevel([5, 1, 1], 9), 9);
        Assert.Equal(3.0, FairShare.WaterLevel([1, 1, 1], 9), 9);
        Assert.Equal(2.5, FairShare.WaterLevel([4, 3.9, 0.5, 0.5], 12.9), 9);
    }
}

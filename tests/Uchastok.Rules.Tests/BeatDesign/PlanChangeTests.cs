using Uchastok.Rules.BeatDesign;

namespace Uchastok.Rules.Tests.BeatDesign;

public sealed class PlanChangeTests
{
    // Four 2 × 2 quadrants of a 4 × 4 grid, numbered 0..3 row by row.
    private static readonly List<int> Quadrants = Enumerable.Range(0, 16).Select(i => (i / 4 / 2 * 2) + (i % 4 / 2)).ToList();
    private static readonly List<int> Hundreds = Enumerable.Repeat(100, 16).ToList();

    [Fact]
    public void Of_TheSameBeatsNumberedOtherwise_MovesNothing()
    {
        var renumbered = Quadrants.Select(b => 3 - b).ToList();

        var change = PlanChange.Of(Quadrants, renumbered, Hundreds);

        Assert.Equal(0, change.AreasMoved);
        Assert.Equal(0, change.ResidentsMoved);
        Assert.All(change.Moved, Assert.False);
        Assert.Equal(new Dictionary<int, int> { [3] = 0, [2] = 1, [1] = 2, [0] = 3 }, change.Kept);
    }

    [Fact]
    public void Of_OneAreaHandedToTheNeighbour_MovesThatAreaOnly_WhateverTheNumbers()
    {
        // Area 1 (top row, second column) leaves quadrant 0 for quadrant 1; the proposal also numbers its beats from 10.
        var proposal = Quadrants.Select((b, i) => 10 + (i == 1 ? 1 : b)).ToList();
        var residents = Hundreds.Select((r, i) => i == 1 ? 250 : r).ToList();

        var change = PlanChange.Of(Quadrants, proposal, residents);

        Assert.Equal(1, change.AreasMoved);
        Assert.Equal(250, change.ResidentsMoved);
        Assert.True(change.Moved[1]);
        Assert.Equal(0, change.Kept[10]);
    }

    [Fact]
    public void Of_FewerBeats_MovesTheAreasOfTheBeatsThatEnd_AndAreasWithoutABeatNever()
    {
        // Quadrant 3 is shared out between quadrants 1 and 2; area 0 had no beat today.
        var today = Quadrants.Select((b, i) => i == 0 ? -1 : b).ToList();
        var proposal = Quadrants.Select((b, i) => b != 3 ? b : i % 4 == 2 ? 2 : 1).ToList();

        var change = PlanChange.Of(today, proposal, Hundreds);

        Assert.Equal(4, change.AreasMoved);
        Assert.Equal(400, change.ResidentsMoved);
        Assert.False(change.Moved[0]);
        Assert.DoesNotContain(3, change.Kept.Values);
    }

    [Fact]
    public void PlanMetrics_OfARenumberedPlan_CountNothingMoved()
    {
        var problem = Grids.Problem(4, 4, 4, current: Quadrants);

        var metrics = PlanMetrics.Of(problem, Quadrants.Select(b => (b + 1) % 4).ToList());

        Assert.Equal(0, metrics.AreasMoved);
        Assert.Equal(0, metrics.ResidentsMoved);
    }

    [Theory]
    [InlineData(-1e-10, 1e-12)]
    [InlineData(1e-10, -1e-12)]
    [InlineData(0, 0)]
    public void PolsbyPopper_OfAnEmptyBeatsRoundingResidue_IsZero(double area, double perimeter) =>
        Assert.Equal(0, PlanMetrics.PolsbyPopper(area, perimeter));
}

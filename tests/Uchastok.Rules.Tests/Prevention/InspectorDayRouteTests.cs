using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class InspectorDayRouteTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);

    /// <summary>A reception point in Almaty; about 111 m per 0.001° of latitude.</summary>
    private static readonly GeoPoint Reception = new(43.2380, 76.9450);

    private static GeoPoint North(double thousandths) => new(Reception.Latitude + thousandths / 1000, Reception.Longitude);

    private static DayActionCandidate Action(long id, DateOnly due, GeoPoint? point, DateOnly? done = null) =>
        new(id, PreventionActionKind.Visit, due, done, point);

    private static long[] Ids(IReadOnlyList<DayStop> stops) => stops.Select(s => s.Action.ActionId).ToArray();

    [Fact]
    public void Build_KeepsOnlyActionsDueTodayOrOverdueAndNotDone()
    {
        var stops = InspectorDayRoute.Build(
        [
            Action(1, Today, North(1)),
            Action(2, Today.AddDays(-3), North(2)),
            Action(3, Today.AddDays(1), North(3)),
            Action(4, Today.AddDays(-1), North(4), done: Today.AddDays(-1)),
        ], Today, Reception);

        Assert.Equal([1L, 2L], Ids(stops));
        Assert.False(stops[0].Overdue);
        Assert.True(stops[1].Overdue);
        Assert.Equal([1, 2], stops.Select(s => s.Order));
    }

    [Fact]
    public void Build_VisitsTheNearestNextStopFromTheReceptionPoint()
    {
        // On a line north of the reception point at 5, 1, 3 and 8 thousandths of a degree: the route goes 1, 3, 5, 8 whatever the due dates.
        var stops = InspectorDayRoute.Build(
        [
            Action(10, Today.AddDays(-9), North(5)),
            Action(11, Today, North(1)),
            Action(12, Today.AddDays(-1), North(3)),
            Action(13, Today.AddDays(-20), North(8)),
        ], Today, Reception);

        Assert.Equal([11L, 12L, 10L, 13L], Ids(stops));
        Assert.Equal(111.2, stops[0].MetresFromPrevious!.Value, 0.5);
        Assert.Equal(222.4, stops[1].MetresFromPrevious!.Value, 0.5);
    }

    [Fact]
    public void Build_NearestNeighbourIsGreedy_NotAlwaysTheShortestTour()
    {
        // North at 1 and 10, south at 2 (thousandths of a degree): greedy takes 1, then 2 south, then 10 (16 units);
        // going south first would be 14. The rule is nearest neighbour, as documented, not the shortest tour.
        var stops = InspectorDayRoute.Build(
        [
            Action(1, Today, North(1)),
            Action(2, Today, North(-2)),
            Action(3, Today, North(10)),
        ], Today, Reception);

        Assert.Equal([1L, 2L, 3L], Ids(stops));
        Assert.Equal(16 * 111.195, stops.Sum(s => s.MetresFromPrevious!.Value), 1.0);
    }

    [Fact]
    public void Build_EntriesWithoutAPoint_GoLastByDueDateThenId()
    {
        var stops = InspectorDayRoute.Build(
        [
            Action(5, Today, null),
            Action(4, Today.AddDays(-2), null),
            Action(6, Today, null),
            Action(7, Today, North(1)),
        ], Today, Reception);

        Assert.Equal([7L, 4L, 5L, 6L], Ids(stops));
        Assert.Null(stops[1].MetresFromPrevious);
    }

    [Fact]
    public void Build_StopsAtTheSamePlace_AreOrderedByDueDateThenIdWhateverTheInputOrder()
    {
        DayActionCandidate[] actions =
        [
            Action(30, Today, North(2)),
            Action(21, Today.AddDays(-1), North(2)),
            Action(20, Today.AddDays(-1), North(2)),
            Action(40, Today, North(1)),
        ];

        var forward = Ids(InspectorDayRoute.Build(actions, Today, Reception));
        var backward = Ids(InspectorDayRoute.Build(actions.Reverse(), Today, Reception));

        Assert.Equal([40L, 20L, 21L, 30L], forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Build_WithoutAReceptionPoint_StartsAtTheEarliestDueStopWithAPoint()
    {
        var stops = InspectorDayRoute.Build(
        [
            Action(1, Today, North(1)),
            Action(2, Today.AddDays(-5), North(9)),
            Action(3, Today.AddDays(-1), North(8)),
        ], Today, receptionPoint: null);

        Assert.Equal([2L, 3L, 1L], Ids(stops));
        Assert.Null(stops[0].MetresFromPrevious);
    }

    [Fact]
    public void Build_NothingDue_IsEmpty()
    {
        Assert.Empty(InspectorDayRoute.Build([Action(1, Today.AddDays(1), North(1))], Today, Reception));
    }

    [Fact]
    public void Distance_KnownPairs_MatchTheGreatCircle()
    {
        // One degree of longitude on the equator and Almaty–Astana (974 km).
        Assert.Equal(111_195, InspectorDayRoute.Distance(new(0, 0), new(0, 1)), 1.0);
        Assert.Equal(974_103, InspectorDayRoute.Distance(new(43.2380, 76.9450), new(51.1694, 71.4491)), 1.0);
        Assert.Equal(0, InspectorDayRoute.Distance(Reception, Reception));
        Assert.Equal(InspectorDayRoute.Distance(Reception, North(3)), InspectorDayRoute.Distance(North(3), Reception), 1e-9);
    }
}

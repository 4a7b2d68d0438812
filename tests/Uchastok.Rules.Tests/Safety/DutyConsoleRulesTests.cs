using Uchastok.Rules.Safety;

namespace Uchastok.Rules.Tests.Safety;

public sealed class DutyConsoleRulesTests
{
    private static readonly DateTime Received = new(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc);
    private static readonly EscalationTimes Times = EscalationTimes.Default;

    [Theory]
    [InlineData(0, 59.999, null)]
    [InlineData(0, 60, 1)]
    [InlineData(1, 60, null)] // level 1 taken: level 2 not yet
    [InlineData(1, 119.999, null)]
    [InlineData(1, 120, 2)]
    [InlineData(0, 500, 1)] // a job away for long still takes level 1 first, never 2 before 1
    [InlineData(2, 10_000, null)] // never past the last level
    public void Due_TakesTheNextLevelWhenItsTimeHasCome(int taken, double secondsLater, int? expected) =>
        Assert.Equal(expected, Times.Due(Received, false, taken, Received.AddSeconds(secondsLater)));

    [Fact]
    public void Due_NothingOnceAcknowledgedOrClosed() =>
        Assert.Null(Times.Due(Received, true, 0, Received.AddHours(1)));

    [Fact]
    public void Due_FollowsTheSettings()
    {
        var times = new EscalationTimes(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
        Assert.Null(times.Due(Received, false, 0, Received.AddMinutes(4)));
        Assert.Equal(1, times.Due(Received, false, 0, Received.AddMinutes(5)));
        Assert.Null(times.Due(Received, false, 1, Received.AddMinutes(14)));
        Assert.Equal(2, times.Due(Received, false, 1, Received.AddMinutes(15)));
        Assert.Equal(Received.AddMinutes(15), times.DueAt(Received, 2));
        Assert.Equal(Received, times.ReceivedBefore(Received.AddMinutes(15), 2));
    }

    [Theory]
    [InlineData("patrol-sent", ConsoleOutcome.PatrolSent)]
    [InlineData(" Passed-To-Inspector ", ConsoleOutcome.PassedToInspector)]
    [InlineData("became-appeal", ConsoleOutcome.BecameAppeal)]
    [InlineData("no-offence", ConsoleOutcome.NoOffence)]
    public void Outcomes_AreReadByTheirApiNames(string name, ConsoleOutcome expected)
    {
        Assert.Equal(expected, ConsoleOutcomes.Parse(name));
        Assert.Equal(name.Trim().ToLowerInvariant(), ConsoleOutcomes.ApiName(expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("PatrolSent")]
    [InlineData("no offence")]
    public void Outcomes_AnythingElseIsRefused(string? name) => Assert.Null(ConsoleOutcomes.Parse(name));

    [Fact]
    public void Order_UnacknowledgedFirst_ThenInHand_ThenClosed_NewestFirstInEach()
    {
        var items = new (long Id, bool Ack, bool Closed, int Minute)[]
        {
            (1, false, false, 1), (2, true, false, 9), (3, false, false, 5), (4, true, true, 10), (5, true, false, 2), (6, false, false, 5),
        };
        var sorted = ConsoleOrder.Sort(items, i => ConsoleOrder.Tier(i.Ack, i.Closed), i => Received.AddMinutes(i.Minute), i => i.Id).Select(i => i.Id);
        Assert.Equal([6, 3, 1, 2, 5, 4], sorted);
    }
}

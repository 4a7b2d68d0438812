using Uchastok.Rules.Safety;

namespace Uchastok.Rules.Tests.Safety;

public sealed class AcknowledgementTimesTests
{
    private static TimeSpan[] Seconds(params int[] seconds) => seconds.Select(s => TimeSpan.FromSeconds(s)).ToArray();

    [Fact]
    public void Percentiles_OfNoTimes_AreNoFigure_NotZero()
    {
        Assert.Null(AcknowledgementTimes.Median([]));
        Assert.Null(AcknowledgementTimes.Ninetieth([]));
    }

    [Fact]
    public void Percentiles_OfOneTime_AreThatTime()
    {
        Assert.Equal(TimeSpan.FromSeconds(42), AcknowledgementTimes.Median(Seconds(42)));
        Assert.Equal(TimeSpan.FromSeconds(42), AcknowledgementTimes.Ninetieth(Seconds(42)));
    }

    [Fact]
    public void Median_OfAnEvenCount_IsTheMeanOfTheMiddleTwo_InAnyOrder() =>
        Assert.Equal(TimeSpan.FromSeconds(25), AcknowledgementTimes.Median(Seconds(40, 10, 30, 20)));

    [Fact]
    public void Median_OfAnOddCount_IsTheMiddleOne() =>
        Assert.Equal(TimeSpan.FromSeconds(30), AcknowledgementTimes.Median(Seconds(90, 10, 30)));

    [Fact]
    public void Ninetieth_InterpolatesBetweenTheNearestRanks()
    {
        // Ten times 10 s … 100 s: rank 0.9 × 9 = 8.1, so 90 s + 0.1 × 10 s.
        Assert.Equal(TimeSpan.FromSeconds(91), AcknowledgementTimes.Ninetieth(Seconds(10, 20, 30, 40, 50, 60, 70, 80, 90, 100)));
        // Two times: 0.9 of the way from the first to the second.
        Assert.Equal(TimeSpan.FromSeconds(100), AcknowledgementTimes.Ninetieth(Seconds(10, 110)));
    }

    [Fact]
    public void Percentile_Extremes_AreTheSmallestAndLargest()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), AcknowledgementTimes.Percentile(Seconds(7, 5, 9), 0));
        Assert.Equal(TimeSpan.FromSeconds(9), AcknowledgementTimes.Percentile(Seconds(7, 5, 9), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AcknowledgementTimes.Percentile(Seconds(1), 1.5));
    }

    [Fact]
    public void Waited_IsFromReceivedToTheFirstAcknowledgement_NoneWhileUnacknowledged_NeverNegative()
    {
        var received = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.FromSeconds(75), AcknowledgementTimes.Waited(received, received.AddSeconds(75)));
        Assert.Null(AcknowledgementTimes.Waited(received, null));
        Assert.Equal(TimeSpan.Zero, AcknowledgementTimes.Waited(received, received.AddSeconds(-2)));
    }
}

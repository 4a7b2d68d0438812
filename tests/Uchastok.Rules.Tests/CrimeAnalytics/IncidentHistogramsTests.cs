using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Rules.Tests.CrimeAnalytics;

public sealed class IncidentHistogramsTests
{
    [Fact]
    public void Build_CountsEveryMonthOfThePeriod_EmptyOnesToo_AndLeavesOutTheRest()
    {
        var histogram = IncidentHistograms.Build(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1),
            [(new DateOnly(2026, 1, 31), null), (new DateOnly(2026, 3, 1), null), (new DateOnly(2026, 3, 15), null), (new DateOnly(2025, 12, 31), null), (new DateOnly(2026, 4, 1), null)]);

        Assert.Equal([(2026, 1, 1), (2026, 2, 0), (2026, 3, 2)], histogram.ByMonth);
        Assert.Equal(3, histogram.Total);
        Assert.Equal(0, histogram.WithTime);
    }

    [Fact]
    public void Build_WeekdayAndHour_ComeOnlyFromIncidentsWithATime()
    {
        // 2026-03-02 is a Monday, 2026-03-08 a Sunday.
        var histogram = IncidentHistograms.Build(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1),
        [
            (new DateOnly(2026, 3, 2), new TimeOnly(23, 59)),
            (new DateOnly(2026, 3, 2), new TimeOnly(0, 0)),
            (new DateOnly(2026, 3, 8), new TimeOnly(14, 30)),
            (new DateOnly(2026, 3, 1), null),
        ]);

        Assert.Equal(4, histogram.Total);
        Assert.Equal(3, histogram.WithTime);
        Assert.Equal([2, 0, 0, 0, 0, 0, 1], histogram.ByWeekday);
        Assert.Equal(1, histogram.ByHour[0]);
        Assert.Equal(1, histogram.ByHour[14]);
        Assert.Equal(1, histogram.ByHour[23]);
        Assert.Equal(3, histogram.ByHour.Sum());
    }

    [Fact]
    public void Build_AReversedPeriod_IsRefused() =>
        Assert.Throws<ArgumentException>(() => IncidentHistograms.Build(new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1), []));
}

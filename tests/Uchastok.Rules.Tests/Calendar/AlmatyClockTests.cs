using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Tests.Calendar;

public sealed class AlmatyClockTests
{
    [Theory]
    [InlineData("2024-02-29T17:59:59Z", 6)]
    [InlineData("2024-02-29T18:00:00Z", 5)]
    [InlineData("2010-07-01T12:00:00Z", 6)]
    [InlineData("2026-12-07T12:00:00Z", 5)]
    public void TheOffset_IsSixHoursUntilKazakhstansSingleZone_AndFiveFrom1March2024(string utc, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), AlmatyClock.OffsetAt(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AtTheChange_TheClockWentBackFromMidnightTo23()
    {
        var before = AlmatyClock.WallClock(new DateTimeOffset(2024, 2, 29, 17, 59, 0, TimeSpan.Zero));
        var after = AlmatyClock.WallClock(new DateTimeOffset(2024, 2, 29, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2024, 2, 29, 23, 59, 0), before);
        Assert.Equal(new DateTime(2024, 2, 29, 23, 0, 0), after);
    }
}

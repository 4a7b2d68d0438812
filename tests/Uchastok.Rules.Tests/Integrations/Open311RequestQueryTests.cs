using Uchastok.Rules.Appeals;
using Uchastok.Rules.Integrations;

namespace Uchastok.Rules.Tests.Integrations;

public sealed class Open311RequestQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_NothingGiven_IsTheMostRecent90Days()
    {
        var (query, problems) = Open311RequestQuery.Parse(null, "", "  ", null, null, Now);

        Assert.Empty(problems);
        Assert.Equal(Now, query!.End);
        Assert.Equal(Now.AddDays(-90), query.Start);
        Assert.Empty(query.ServiceCodes);
        Assert.Empty(query.Statuses);
    }

    [Fact]
    public void Parse_OnlyOneEnd_RunsNinetyDaysFromIt()
    {
        var (fromStart, _) = Open311RequestQuery.Parse(null, null, "2026-01-01T00:00:00Z", null, null, Now);
        var (fromEnd, _) = Open311RequestQuery.Parse(null, null, null, "2026-06-30T00:00:00+05:00", null, Now);

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), fromStart!.End);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(5)), fromEnd!.Start);
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", null)]
    [InlineData("2026-01-01T00:00:00Z", "2026-04-01T00:00:01Z", Open311QueryProblem.SpanTooLong)]
    [InlineData("2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", Open311QueryProblem.EndBeforeStart)]
    [InlineData("2026-01-01T00:00:00", "2026-02-01T00:00:00Z", Open311QueryProblem.BadDate)]
    [InlineData("yesterday", null, Open311QueryProblem.BadDate)]
    public void Parse_Range_IsAtMost90DaysAndCarriesAnOffset(string start, string? end, Open311QueryProblem? expected)
    {
        var (query, problems) = Open311RequestQuery.Parse(null, null, start, end, null, Now);

        if (expected is null)
        {
            Assert.NotNull(query);
            Assert.Empty(problems);
        }
        else
        {
            Assert.Null(query);
            Assert.Equal(expected, Assert.Single(problems).Kind);
        }
    }

    [Fact]
    public void Parse_Ids_OverrideTheRange_AndListsAreTrimmedAndDeduplicated()
    {
        var (query, problems) = Open311RequestQuery.Parse(" ALM-2026-000001, ALM-2026-000002,ALM-2026-000001 ", "noise, theft", "2020-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "OPEN,closed", Now);

        Assert.Empty(problems);
        Assert.Equal(["ALM-2026-000001", "ALM-2026-000002"], query!.ServiceRequestIds);
        Assert.Equal(["noise", "theft"], query.ServiceCodes);
        Assert.Equal(["open", "closed"], query.Statuses);
    }

    [Fact]
    public void Parse_UnknownStatus_IsNamed()
    {
        var (query, problems) = Open311RequestQuery.Parse(null, null, null, null, "open,pending", Now);

        Assert.Null(query);
        var problem = Assert.Single(problems);
        Assert.Equal(("status", Open311QueryProblem.BadStatus, "pending"), (problem.Parameter, problem.Kind, problem.Value));
    }

    [Theory]
    [InlineData(AppealState.Registered, "open")]
    [InlineData(AppealState.Assigned, "open")]
    [InlineData(AppealState.InProgress, "open")]
    [InlineData(AppealState.Extended, "open")]
    [InlineData(AppealState.Answered, "closed")]
    [InlineData(AppealState.Closed, "closed")]
    [InlineData(AppealState.Forwarded, "closed")]
    [InlineData(AppealState.LeftWithoutConsideration, "closed")]
    public void Status_OpenUntilDecided(AppealState state, string status)
    {
        Assert.Equal(status, Open311Status.For(state));
        Assert.Contains(state, Open311Status.States(status));
    }

    [Theory]
    [InlineData("2026-12-01T12:30:00+05:00", 7, 30)]
    [InlineData("2026-12-01T07:30:00Z", 7, 30)]
    [InlineData("2026-12-01T07:30:00.250Z", 7, 30)]
    [InlineData("2026-12-01", -5, 0)]
    public void W3cDateTime_ReadsOffsetsAndBareDatesInKazakhstanTime(string text, int utcHour, int minute)
    {
        Assert.True(W3cDateTime.TryParse(text, out var value));
        var utc = value.UtcDateTime;
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(utcHour).AddMinutes(minute), new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void W3cDateTime_WritesKazakhstanTimeWithItsOffset()
    {
        Assert.Equal("2026-12-01T12:00:00+05:00", W3cDateTime.Format(new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2026-12-23T23:59:59+05:00", W3cDateTime.EndOfDay(new DateOnly(2026, 12, 23)));
        Assert.False(W3cDateTime.TryParse("2026-12-01T12:00:00", out _));
    }
}

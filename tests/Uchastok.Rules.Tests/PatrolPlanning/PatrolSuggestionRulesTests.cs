using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Rules.PatrolPlanning;

namespace Uchastok.Rules.Tests.PatrolPlanning;

public sealed class PatrolSuggestionRulesTests
{
    // A beat of four cells in a row: indices 0..3 are columns 0..3 of row 0.
    private static readonly StudyArea Beat = new(new CrimeGrid(0, 60), [new GridCell(0, 0), new GridCell(1, 0), new GridCell(2, 0), new GridCell(3, 0)]);

    private static CountHistory History(int months, params PastIncident[] incidents) =>
        CountHistory.FromIncidents(Beat.Count, months, incidents.Select(i => (i.Month, i.Cell)));

    [Fact]
    public void Suggest_RanksByForecastAndGivesEachCellItsShareOfTheBeat()
    {
        // Last 12 months' count: cell 2 has 3, cell 0 has 2, cell 3 has 1, cell 1 none. Total 6.
        PastIncident[] incidents = [new(0, 2, null), new(1, 2, null), new(2, 2, null), new(0, 0, null), new(2, 0, null), new(1, 3, null)];

        var top = PatrolSuggestionRules.Suggest(new RecentCountForecaster(12), History(3, incidents), Beat, incidents, topCells: 2);

        Assert.Equal([2, 0], top.Select(c => c.Cell));
        Assert.Equal([1, 2], top.Select(c => c.Rank));
        Assert.Equal(3.0 / 6, top[0].ExpectedShare, 12);
        Assert.Equal(2.0 / 6, top[1].ExpectedShare, 12);
        Assert.Equal(new GridCell(2, 0), top[0].GridCell);
        Assert.All(top, c => Assert.Empty(c.HourBands));
    }

    [Fact]
    public void Suggest_NeverOffersACellWithNothingExpected_AndBreaksTiesByCellIndex()
    {
        PastIncident[] incidents = [new(0, 3, null), new(0, 1, null)];

        var top = PatrolSuggestionRules.Suggest(new RecentCountForecaster(12), History(1, incidents), Beat, incidents, topCells: 4);

        Assert.Equal([1, 3], top.Select(c => c.Cell));
        Assert.Equal(0.5, top[0].ExpectedShare, 12);
    }

    [Fact]
    public void Suggest_WithNoHistory_SuggestsNothing()
    {
        Assert.Empty(PatrolSuggestionRules.Suggest(CrimeForecasters.Default(), History(0), Beat, []));
        Assert.Empty(PatrolSuggestionRules.Suggest(CrimeForecasters.Default(), History(4), Beat, []));
    }

    [Fact]
    public void Suggest_WithTheDefaultForecaster_WeighsRecentMonthsMore()
    {
        // Half-life 6: cell 0's incident 12 months back weighs 1/4 of cell 1's last-month incident.
        PastIncident[] incidents = [new(0, 0, null), new(12, 1, null)];

        var top = PatrolSuggestionRules.Suggest(CrimeForecasters.Default(), History(13, incidents), Beat, incidents);

        Assert.Equal([1, 0], top.Select(c => c.Cell));
        Assert.Equal(1 / 1.25, top[0].ExpectedShare, 9);
        Assert.Equal(0.25 / 1.25, top[1].ExpectedShare, 9);
    }

    [Fact]
    public void Suggest_NamesTheTwoBusiestHourBandsOfEachCell_FromTimedIncidentsOnly()
    {
        // Cell 2: 19 h, 20 h, 22 h, 2 h, one without a time → 18–21 (2), then 00–03 and 21–24 tie (1 each): the earlier wins.
        PastIncident[] incidents = [new(0, 2, 19), new(1, 2, 20), new(1, 2, 22), new(2, 2, 2), new(2, 2, null), new(0, 1, null)];

        var top = PatrolSuggestionRules.Suggest(new RecentCountForecaster(12), History(3, incidents), Beat, incidents, topCells: 2);

        Assert.Equal(2, top[0].Cell);
        Assert.Equal(["18–21", "00–03"], top[0].HourBands.Select(b => b.ToString()));
        Assert.Equal(4, top[0].TimedIncidents);
        Assert.Empty(top[1].HourBands);
        Assert.Equal(0, top[1].TimedIncidents);
    }

    [Fact]
    public void Suggest_IgnoresTheHoursOfTheMonthBeingPlanned()
    {
        PastIncident[] incidents = [new(0, 2, 10), new(1, 2, 23)];

        var top = PatrolSuggestionRules.Suggest(new RecentCountForecaster(12), History(1, incidents[0]), Beat, incidents);

        Assert.Equal(["09–12"], top[0].HourBands.Select(b => b.ToString()));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(23, 7)]
    public void HourBand_Of_CutsTheDayInThreeHourBands(int hour, int band) => Assert.Equal(band, HourBand.Of(hour).Index);

    [Fact]
    public void HourBand_Of_RefusesAnHourOutsideTheDay() => Assert.Throws<ArgumentOutOfRangeException>(() => HourBand.Of(24));

    [Fact]
    public void Compare_SplitsExpectedAndActualSharesByDecision()
    {
        ComparedCell[] cells =
        [
            new(1, 0.30, PatrolDecision.Accepted, 2, 6),
            new(2, 0.20, PatrolDecision.Rejected, 3, null),
            new(3, 0.10, PatrolDecision.Accepted, 0, 1.5),
            new(4, 0.05, PatrolDecision.Pending, 1, null),
        ];

        var comparison = PatrolComparisonRules.Compare(cells, beatIncidents: 10);

        Assert.Equal(10, comparison.BeatIncidents);
        Assert.Equal(new ComparisonGroup(4, 0.65, 6, 0.6, 7.5), comparison.All with { ExpectedShare = Math.Round(comparison.All.ExpectedShare, 9) });
        Assert.Equal(2, comparison.Accepted.Cells);
        Assert.Equal(0.40, comparison.Accepted.ExpectedShare, 9);
        Assert.Equal(2, comparison.Accepted.Incidents);
        Assert.Equal(0.2, comparison.Accepted.ActualShare!.Value, 9);
        Assert.Equal(7.5, comparison.Accepted.PatrolHours);
        Assert.Equal(new ComparisonGroup(1, 0.20, 3, 0.3, 0), comparison.Rejected);
        Assert.Equal(new ComparisonGroup(1, 0.05, 1, 0.1, 0), comparison.Pending);
    }

    [Fact]
    public void Compare_AMonthWithNoIncidents_HasNoActualShare()
    {
        var comparison = PatrolComparisonRules.Compare([new(1, 0.5, PatrolDecision.Accepted, 0, null)], 0);

        Assert.Null(comparison.Accepted.ActualShare);
        Assert.Equal(0.5, comparison.Accepted.ExpectedShare);
    }

    [Fact]
    public void Pool_AddsCountsAndWeighsTheExpectedShareByEachBeatsIncidents()
    {
        // Beat A: 10 incidents, its cells expected 60 % and got 3; beat B: 30 incidents, expected 20 % and got 12.
        var a = PatrolComparisonRules.Compare([new(1, 0.4, PatrolDecision.Accepted, 2, 4), new(2, 0.2, PatrolDecision.Rejected, 1, null)], 10);
        var b = PatrolComparisonRules.Compare([new(1, 0.2, PatrolDecision.Pending, 12, null)], 30);

        var pooled = PatrolComparisonRules.Pool([a, b]);

        Assert.Equal(40, pooled.BeatIncidents);
        Assert.Equal(3, pooled.All.Cells);
        Assert.Equal(15, pooled.All.Incidents);
        // Expected incidents in the cells: 0.6 × 10 + 0.2 × 30 = 12 of 40; actual 15 of 40.
        Assert.Equal(0.3, pooled.All.ExpectedShare, 9);
        Assert.Equal(0.375, pooled.All.ActualShare!.Value, 9);
        Assert.Equal(4, pooled.All.PatrolHours);
        Assert.Equal(0.1, pooled.Accepted.ExpectedShare, 9);
        Assert.Equal(2.0 / 40, pooled.Accepted.ActualShare!.Value, 9);
        Assert.Equal(1, pooled.Pending.Cells);
    }

    [Fact]
    public void Pool_WithNoIncidentsAnywhere_TakesThePlainMean_AndHasNoActualShare()
    {
        var pooled = PatrolComparisonRules.Pool([
            PatrolComparisonRules.Compare([new(1, 0.5, PatrolDecision.Accepted, 0, null)], 0),
            PatrolComparisonRules.Compare([new(1, 0.3, PatrolDecision.Accepted, 0, null)], 0)]);

        Assert.Equal(0.4, pooled.All.ExpectedShare, 9);
        Assert.Null(pooled.All.ActualShare);
        Assert.Equal(0, PatrolComparisonRules.Pool([]).BeatIncidents);
    }

    [Fact]
    public void Compare_RefusesMoreIncidentsInTheCellsThanInTheBeat() =>
        Assert.Throws<ArgumentException>(() => PatrolComparisonRules.Compare([new(1, 0.5, PatrolDecision.Accepted, 3, null)], 2));

    [Theory]
    [InlineData("2026-12", 2026, 12)]
    [InlineData("2025-01", 2025, 1)]
    public void PatrolPeriod_Parse_ReadsAMonth(string text, int year, int month) => Assert.Equal(new DateOnly(year, month, 1), PatrolPeriod.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-12-01")]
    [InlineData("26-12")]
    [InlineData("1999-12")]
    [InlineData("+026-12")]
    public void PatrolPeriod_Parse_RefusesAnythingElse(string? text) => Assert.Null(PatrolPeriod.Parse(text));

    [Fact]
    public void PatrolPeriod_MonthsBetween_CountsCalendarMonths() =>
        Assert.Equal(13, PatrolPeriod.MonthsBetween(new DateOnly(2025, 11, 1), new DateOnly(2026, 12, 1)));
}

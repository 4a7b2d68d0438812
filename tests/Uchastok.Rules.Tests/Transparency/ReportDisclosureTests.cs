using Uchastok.Rules.Transparency;

namespace Uchastok.Rules.Tests.Transparency;

/// <summary>Quarterly totals published only where no subtraction gives back a count open data hides.</summary>
public sealed class ReportDisclosureTests
{
    private static readonly DateOnly Oct = new(2026, 10, 1), Nov = new(2026, 11, 1), Dec = new(2026, 12, 1);
    // District 1 has beats 11, 12, 13; district 2 has beat 21.
    private static readonly Dictionary<int, int> Beats = new() { [11] = 1, [12] = 1, [13] = 1, [21] = 2 };

    private static CountCell Cell(int beat, DateOnly month, int count) => new(beat, Beats[beat], month, count);

    [Fact]
    public void ABeatsTotal_IsWithheld_WhenItWouldGiveBackItsOneHiddenMonth()
    {
        // Beat 11: 7 + 3 + 6 = 16, but October and December are shown in open data, so 16 would reveal November's 3.
        // Beat 12: 2 + 4 = 6 over two hidden months: only their sum is revealed, as in any total.
        // Beat 13: 9, all in shown months.
        var result = ReportDisclosure.Publishable([Cell(11, Oct, 7), Cell(11, Nov, 3), Cell(11, Dec, 6), Cell(12, Oct, 2), Cell(12, Nov, 4), Cell(13, Dec, 9)], Beats);

        Assert.DoesNotContain(11, result.Beats);
        Assert.Contains(12, result.Beats);
        Assert.Contains(13, result.Beats);
        // District 1 minus its shown beats (12, 13) leaves beat 11, whose one hidden month would come back: withheld too.
        Assert.DoesNotContain(1, result.Districts);
    }

    [Fact]
    public void TotalsUnderFive_AreWithheld_AndADistrictToo_WhenItsOnlyWithheldBeatHasOneHiddenMonth()
    {
        // Beat 12 received 3 in one month: withheld. District 1 = 3 + 20 + 10: minus the shown beats it is beat 12's 3.
        var lone = ReportDisclosure.Publishable([Cell(11, Oct, 20), Cell(12, Nov, 3), Cell(13, Dec, 10), Cell(21, Oct, 8)], Beats);
        Assert.Equal([11, 13, 21], lone.Beats.Order());
        Assert.DoesNotContain(1, lone.Districts);
        Assert.Contains(2, lone.Districts);
        // The city minus district 2 is district 1, whose remainder is the one hidden cell: withheld as well.
        Assert.False(lone.City);

        // With two withheld beats of one hidden month each, the district reveals only their sum.
        var pair = ReportDisclosure.Publishable([Cell(11, Oct, 20), Cell(12, Nov, 3), Cell(13, Dec, 2), Cell(21, Oct, 8)], Beats);
        Assert.Equal([11, 21], pair.Beats.Order());
        Assert.Contains(1, pair.Districts);
        Assert.True(pair.City);
    }

    [Fact]
    public void AppealsWithoutABeat_CountAsOneHiddenFigure_OfTheirDistrict()
    {
        // District 2's appeals without a place: 2. With beat 21 shown, the district's total would give them back.
        var result = ReportDisclosure.Publishable([Cell(21, Oct, 8), new CountCell(null, 2, Nov, 2), Cell(11, Oct, 30), Cell(12, Oct, 30), Cell(13, Oct, 30)], Beats);

        Assert.Contains(21, result.Beats);
        Assert.DoesNotContain(2, result.Districts);
        Assert.Contains(1, result.Districts);
        Assert.False(result.City);
        // Five or more without a place are shown anyway: nothing is hidden.
        Assert.Contains(2, ReportDisclosure.Publishable([Cell(21, Oct, 8), new CountCell(null, 2, Nov, 6)], Beats).Districts);
    }

    [Fact]
    public void NothingHidden_AllTotalsOfFiveOrMore_AreShown()
    {
        var result = ReportDisclosure.Publishable([Cell(11, Oct, 5), Cell(12, Nov, 12), Cell(13, Dec, 40), Cell(21, Oct, 0)], Beats);

        Assert.Equal([11, 12, 13], result.Beats.Order());
        // District 2 received nothing: a total under five is never shown, but nothing is hidden by it either.
        Assert.Equal([1], result.Districts.Order());
        Assert.True(result.City);
    }
}

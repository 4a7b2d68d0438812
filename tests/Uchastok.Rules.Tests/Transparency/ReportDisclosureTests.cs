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
    public void NothingHidden_TotalsOfFiveOrMore_AndNothingAtAll_AreShown()
    {
        var result = ReportDisclosure.Publishable([Cell(11, Oct, 5), Cell(12, Nov, 12), Cell(13, Dec, 40), Cell(21, Oct, 0)], Beats);

        // Beat 21 and its district received nothing: 0 points at no one and is shown, as in open data.
        Assert.Equal([11, 12, 13, 21], result.Beats.Order());
        Assert.Equal([1, 2], result.Districts.Order());
        Assert.True(result.City);
    }

    [Fact]
    public void HiddenMonths_AllAtTheEdgeOfTheirRange_AreWithheld()
    {
        // 4 + 4 + 10 = 18: with October and November known to be 1–4, their 8 can only be 4 and 4.
        Assert.DoesNotContain(11, ReportDisclosure.Publishable([Cell(11, Oct, 4), Cell(11, Nov, 4), Cell(11, Dec, 10)], Beats).Beats);
        // 1 + 1 + 10 = 12: their 2 can only be 1 and 1.
        Assert.DoesNotContain(11, ReportDisclosure.Publishable([Cell(11, Oct, 1), Cell(11, Nov, 1), Cell(11, Dec, 10)], Beats).Beats);
        // 1 + 4 + 10 = 15: their 5 could be 1 and 4, 2 and 3, 3 and 2 or 4 and 1.
        Assert.Contains(11, ReportDisclosure.Publishable([Cell(11, Oct, 1), Cell(11, Nov, 4), Cell(11, Dec, 10)], Beats).Beats);
        // One level up: two withheld beats whose single hidden months are both 4 pin each other through the district.
        var district = ReportDisclosure.Publishable([Cell(11, Oct, 4), Cell(11, Nov, 20), Cell(12, Oct, 4), Cell(12, Dec, 20), Cell(13, Dec, 30)], Beats);
        Assert.DoesNotContain(1, district.Districts);
    }

    [Fact]
    public void AMeanRating_IsWithheld_WhenItsHiddenMonthsRatings_CanOnlyBeAllOnesOrAllFives()
    {
        CountCell Rated(int beat, DateOnly month, int ratings, int stars) => new(beat, Beats[beat], month, ratings, stars);
        // Two hidden months of two ratings each, all 1 star, beside ten ratings of 4: the mean would show the four were all 1s.
        var ones = ReportDisclosure.MeansPublishable([Rated(11, Oct, 2, 2), Rated(11, Nov, 2, 2), Rated(11, Dec, 10, 40)], Beats);
        Assert.DoesNotContain(11, ones.Beats);
        // The same count of ratings is still published: only the mean is withheld.
        Assert.Contains(11, ReportDisclosure.Publishable([Rated(11, Oct, 2, 2), Rated(11, Nov, 2, 2), Rated(11, Dec, 10, 40)], Beats).Beats);
        // Mixed stars in the hidden months: the mean can be shown.
        Assert.Contains(11, ReportDisclosure.MeansPublishable([Rated(11, Oct, 2, 7), Rated(11, Nov, 2, 5), Rated(11, Dec, 10, 40)], Beats).Beats);
    }
}

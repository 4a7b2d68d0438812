using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class DomesticViolenceRepeatTests
{
    private static readonly CalendarPeriod SixMonths = new(6, PeriodUnit.Months);
    private static readonly DvCaseSighting Current = new(100, new DateOnly(2027, 3, 15), "gazetteer:4411", PersonA: 5, PersonB: 9);

    [Fact]
    public void Find_SameAddressWithinTheWindow_IsFlagged()
    {
        var matches = DomesticViolenceRepeat.Find(Current, [new(1, new DateOnly(2026, 9, 15), "gazetteer:4411", 20, 21)], SixMonths);

        Assert.Equal([new DvRepeatMatch(1, new DateOnly(2026, 9, 15), DvRepeatReason.SameAddress)], matches);
    }

    [Fact]
    public void Find_SamePersonsInEitherOrderElsewhere_IsFlagged()
    {
        var matches = DomesticViolenceRepeat.Find(Current, [new(2, new DateOnly(2027, 1, 3), "gazetteer:9999", 9, 5)], SixMonths);

        Assert.Equal(DvRepeatReason.SamePersons, Assert.Single(matches).Reasons);
    }

    [Fact]
    public void Find_BothAddressAndPersons_CarriesBothReasons()
    {
        var matches = DomesticViolenceRepeat.Find(Current, [new(3, new DateOnly(2027, 2, 1), " gazetteer:4411 ", 5, 9)], SixMonths);

        Assert.Equal(DvRepeatReason.SameAddress | DvRepeatReason.SamePersons, Assert.Single(matches).Reasons);
    }

    [Fact]
    public void Find_OutsideTheWindow_OrOnlyOnePersonInCommon_IsNotFlagged()
    {
        DvCaseSighting[] others =
        [
            new(4, new DateOnly(2026, 9, 14), "gazetteer:4411", 5, 9), // a day before the window opens
            new(5, new DateOnly(2027, 9, 16), "gazetteer:4411", 5, 9), // a day after it closes
            new(6, new DateOnly(2027, 3, 1), "gazetteer:1234", 5, 77), // the same offender with someone else, elsewhere
            new(7, new DateOnly(2027, 3, 1), null, null, null),
        ];

        Assert.Empty(DomesticViolenceRepeat.Find(Current, others, SixMonths));
    }

    [Fact]
    public void Find_UnknownAddressOrPersons_NeverMatchEachOther()
    {
        var unknown = new DvCaseSighting(200, new DateOnly(2027, 3, 15), null, 5, null);

        Assert.Empty(DomesticViolenceRepeat.Find(unknown, [new(8, new DateOnly(2027, 3, 10), null, 5, null)], SixMonths));
    }

    [Fact]
    public void Find_ACaseEnteredLaterButWithinTheWindow_IsFlaggedAndTheCaseItselfIsNot()
    {
        var matches = DomesticViolenceRepeat.Find(Current, [Current, new(9, new DateOnly(2027, 9, 15), "gazetteer:4411", null, null)], SixMonths);

        Assert.Equal(9, Assert.Single(matches).CaseId);
    }

    [Fact]
    public void Find_WithoutAWindowSetting_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DomesticViolenceRepeat.Find(Current, [], default));
    }
}

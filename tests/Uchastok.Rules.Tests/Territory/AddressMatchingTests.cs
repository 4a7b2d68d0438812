using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Tests.Territory;

public sealed class AddressMatchingTests
{
    private static readonly string[] ToleBi = ["Төле би", "Толе би", "Tole bi"];
    private static readonly string[] Abay = ["Абай", "Абай", "Abay"];

    [Theory]
    [InlineData("толе би")]
    [InlineData("толеби")]
    [InlineData("Tolebi")]
    [InlineData("tole-bi")]
    [InlineData("ТӨЛЕ БИ")]
    public void Score_TheSameNameInAnySpellingOrSpacing_IsAnExactMatch(string typed) =>
        Assert.Equal(0, StreetNameMatch.Score(AddressQuery.Parse(typed)!.StreetKey, ToleBi));

    [Theory]
    [InlineData("толе бы")]
    [InlineData("tolbi")]
    [InlineData("Abai")]
    public void Score_ASlipOfTheFinger_StillMatches(string typed) =>
        Assert.NotEqual(StreetNameMatch.None, Math.Min(StreetNameMatch.Score(AddressQuery.Parse(typed)!.StreetKey, ToleBi), StreetNameMatch.Score(AddressQuery.Parse(typed)!.StreetKey, Abay)));

    [Fact]
    public void Score_PartOfAName_MatchesBelowTheWholeName_AndAnotherStreetDoesNot()
    {
        Assert.Equal(1, StreetNameMatch.Score("толе", ToleBi));
        Assert.Equal(StreetNameMatch.None, StreetNameMatch.Score("достык", ToleBi));
        Assert.Equal(StreetNameMatch.None, StreetNameMatch.Score("абай", ToleBi));
    }

    [Theory]
    [InlineData("Толе би 59 кв 12")]
    [InlineData("ул. Толе би, 59, кв. 12")]
    [InlineData("Төле би көшесі 59 пәтер 7")]
    [InlineData("Tole bi 59 apt 3")]
    [InlineData("Толе би 59, кв12")]
    public void Parse_AFlatAfterTheHouse_IsDropped_AndTheHouseKept(string typed)
    {
        var query = AddressQuery.Parse(typed)!;
        Assert.Equal("59", query.HouseNumber);
        Assert.Equal(0, StreetNameMatch.Score(query.StreetKey, ToleBi));
    }
}

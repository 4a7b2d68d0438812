using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Territory;

/// <summary>The address box as residents type into it: any spelling, a flat number, a street without a house.</summary>
public sealed class AddressSearchTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Theory]
    [InlineData("Толеби 59")]
    [InlineData("Tolebi 59")]
    [InlineData("Tole bi 59")]
    [InlineData("ул. Толе би, 59, кв. 12")]
    [InlineData("Төле би 59 пәтер 4")]
    public async Task Addresses_CommonSpellingsAndFlats_FindTheHouse(string typed)
    {
        using var client = factory.Client("ru");
        var hits = await (await client.GetAsync($"/api/v1/addresses?q={Uri.EscapeDataString(typed)}")).JsonAsync();
        var hit = Assert.Single(hits.EnumerateArray());
        Assert.True(hit.GetProperty("exactHouse").GetBoolean());
        Assert.Equal("ул. Толе би, 59", hit.GetProperty("line").GetString());
    }

    [Fact]
    public async Task Addresses_AStreetWithoutANumber_ThatCrossesBeats_SaysSo_AndTheFindPageAsksForTheNumber()
    {
        using var client = factory.Client("en");
        var hit = Assert.Single((await (await client.GetAsync("/api/v1/addresses?q=Tole%20bi")).JsonAsync()).EnumerateArray());
        Assert.False(hit.GetProperty("exactHouse").GetBoolean());
        Assert.True(hit.GetProperty("streetSpansBeats").GetBoolean());

        var page = await (await client.GetAsync("/?q=Tole%20bi")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"find-message\"", page);
        Assert.Contains("add the house number", page);
        Assert.DoesNotContain("id=\"beat-card\"", page);
    }

    [Fact]
    public async Task Streets_APartOfTheName_SuggestsTheStreet_InTheReadersLanguage()
    {
        using var client = factory.Client("kk");
        var streets = await (await client.GetAsync("/api/v1/streets?q=%D1%82%D0%BE%D0%BB%D0%B5")).JsonAsync();
        Assert.Contains(streets.EnumerateArray(), s => s.GetProperty("name").GetString()!.Contains("Төле би", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/streets?q=")).StatusCode);
    }
}

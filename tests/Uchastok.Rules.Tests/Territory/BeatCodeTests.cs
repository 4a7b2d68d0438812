using System.Text.Json;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Tests.Support;

namespace Uchastok.Rules.Tests.Territory;

public sealed class BeatCodeTests
{
    [Theory]
    [InlineData("ALM-001")]
    [InlineData("TUR-900")]
    [InlineData("E01000001")]
    [InlineData("1500000US060750314005")]
    [InlineData("АЛМ-12.3")]
    [InlineData("Х1")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void IsValid_CodesOfLettersDigitsHyphensAndDots_AreAccepted(string code) => Assert.True(BeatCode.IsValid(code));

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("A\"B")]
    [InlineData("A'B")]
    [InlineData("A&B")]
    [InlineData("A B")]
    [InlineData("A/B")]
    [InlineData("A_B")]
    [InlineData("-A")]
    [InlineData(".A")]
    [InlineData("A\n")]
    [InlineData("A\tB")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    [InlineData("")]
    public void IsValid_AnythingElse_IsRefused(string code) => Assert.False(BeatCode.IsValid(code));

    /// <summary>The area codes of the real data sets a city might import as beats: London's LSOAs and boroughs, San Francisco's block groups.</summary>
    [Theory]
    [InlineData("london/lsoa-2021.geojson", "LSOA21CD")]
    [InlineData("london/lsoa-2011.geojson", "LSOA11CD")]
    [InlineData("london/boroughs-2022.geojson", "LAD22CD")]
    [InlineData("sf/sf_blockgroups_population_crime.geojson", "GEO_ID")]
    public void IsValid_EveryCodeOfTheRealDataSets_IsAccepted(string file, string property)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Path, file)));
        var codes = document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty(property).ToString()).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(BeatCode.IsValid(code), code));
    }
}

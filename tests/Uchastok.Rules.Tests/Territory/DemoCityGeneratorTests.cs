using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Territory.DemoCity;
using Uchastok.Rules.Tests.Support;

namespace Uchastok.Rules.Tests.Territory;

public sealed class DemoCityGeneratorTests
{
    private static readonly Lazy<DemoCity> City = new(() => DemoCityGenerator.Generate(AlmatyDistrictSource.Load(SharedData.Path)));

    [Fact]
    public void Generate_AlmatyDistricts_GivesAboutFiveHundredBeatsOfThreeToFiveThousandResidents()
    {
        var city = City.Value;
        Assert.Equal(8, city.Districts.Count);
        Assert.InRange(city.Beats.Count, 450, 650);
        Assert.All(city.Beats, b => Assert.InRange(b.Population, 3000, 5000));
        foreach (var district in city.Districts)
            Assert.Equal(district.Population, city.Beats.Where(b => b.DistrictCode == district.Code).Sum(b => b.Population));
    }

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameCity()
    {
        var districts = AlmatyDistrictSource.Load(SharedData.Path).Where(d => d.Code == "almaly").ToList();
        var first = DemoCityGenerator.Generate(districts, seed: 7);
        var second = DemoCityGenerator.Generate(districts, seed: 7);
        Assert.Equal(first.Beats.Select(b => b.Boundary.ToText()), second.Beats.Select(b => b.Boundary.ToText()));
        Assert.Equal(first.Officers.Select(o => o.Name), second.Officers.Select(o => o.Name));
    }

    [Fact]
    public void Generate_Beats_PassTheImportValidationWithoutGapsOrOverlaps()
    {
        var city = City.Value;
        var result = BeatImportValidator.Validate(ToGeoJson(city), city.Districts.ToDictionary(d => d.Code, d => d.Boundary));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(10)));
        Assert.Equal(city.Beats.Count, result.Beats.Count);
    }

    [Fact]
    public void Generate_Gazetteer_HasThousandsOfAddressesInsideTheCity()
    {
        var city = City.Value;
        Assert.InRange(city.Addresses.Count, 2000, 12000);
        var locator = new BeatLocator(city.Beats.Select((b, i) => (i, b.Boundary)));
        var located = city.Addresses.Count(a => locator.Locate(a.Longitude, a.Latitude) is not null);
        Assert.Equal(city.Addresses.Count, located);
    }

    [Fact]
    public void Generate_TheInspectorOnesPoint_LiesInAnAlmalyBeatNearToleBi()
    {
        var city = City.Value;
        var locator = new BeatLocator(city.Beats.Select((b, i) => (i, b.Boundary)));
        var index = locator.Locate(76.9210, 43.2510);
        Assert.NotNull(index);
        Assert.Equal("almaly", city.Beats[index.Value].DistrictCode);
    }

    internal static string ToGeoJson(DemoCity city)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var features = city.Beats.Select(b => new Dictionary<string, object?>
        {
            ["type"] = "Feature",
            ["properties"] = new Dictionary<string, object?> { ["code"] = b.Code, ["district"] = b.DistrictCode, ["population"] = b.Population },
            ["geometry"] = JsonSerializer.SerializeToElement<Geometry>(b.Boundary, options),
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "FeatureCollection", ["features"] = features });
    }
}

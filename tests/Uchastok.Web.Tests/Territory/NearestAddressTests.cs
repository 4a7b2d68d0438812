using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Territory;

/// <summary>A pin on the map named by the gazetteer address nearest to it, in the reader's language.</summary>
public sealed class NearestAddressTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Nearest_ToAGazetteerAddress_NamesThatAddress_InEachLanguage()
    {
        using var en = factory.Client("en");
        var hit = (await (await en.GetAsync("/api/v1/addresses?q=Tole%20bi%2059")).JsonAsync()).EnumerateArray().First();
        var lat = hit.GetProperty("latitude").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lon = hit.GetProperty("longitude").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (language, street) in new[] { ("en", "Tole bi"), ("ru", "Толе би"), ("kk", "Төле би") })
        {
            using var client = factory.Client(language);
            var response = await client.GetAsync($"/api/v1/addresses/nearest?lat={lat}&lon={lon}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var nearest = await response.JsonAsync();
            Assert.Equal(hit.GetProperty("id").GetInt32(), nearest.GetProperty("id").GetInt32());
            Assert.Contains(street, nearest.GetProperty("line").GetString());
            Assert.Contains("59", nearest.GetProperty("line").GetString());
        }
    }

    [Fact]
    public async Task Nearest_FarFromAnyAddress_IsNoContent_AndBadCoordinatesAreRefused()
    {
        using var client = factory.Client("ru");
        var far = await client.GetAsync("/api/v1/addresses/nearest?lat=43.0000&lon=76.0000");
        Assert.Equal(HttpStatusCode.NoContent, far.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/addresses/nearest?lat=north&lon=76.9")).StatusCode);
    }

    [Fact]
    public async Task AppealDetail_ForAPinWithoutATypedAddress_CarriesTheNearestAddress_AndTheAppealsLanguage()
    {
        using var guest = factory.Client("kk");
        var (number, _, _) = await factory.FileAppealAsync(guest);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        var appeal = await inspector.AppealAsync(number);

        Assert.Equal("kk", appeal.GetProperty("language").GetString());
        Assert.False(string.IsNullOrEmpty(appeal.GetProperty("nearestAddress").GetString()));
    }
}

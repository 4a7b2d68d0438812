using System.Net;
using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Territory;

public sealed class LocateTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string InspectorOnePoint = "lat=43.2510&lon=76.9210";

    [Fact]
    public async Task Locate_InspectorOnesPoint_ReturnsTheAlmalyBeatWithItsInspectorAndReceptionPoint()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var me = await (await inspector.GetAsync("/api/v1/auth/me")).JsonAsync();

        using var client = factory.Client("en");
        var response = await client.GetAsync($"/api/v1/beats/locate?{InspectorOnePoint}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.StartsWith("ALM-", body.GetProperty("beat").GetProperty("code").GetString());
        Assert.Equal("Almaly", body.GetProperty("district").GetProperty("name").GetString());
        Assert.Equal(me.GetProperty("officerId").GetInt32(), body.GetProperty("inspector").GetProperty("id").GetInt32());
        Assert.StartsWith("+77", body.GetProperty("inspector").GetProperty("phone").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("inspector").GetProperty("rank").GetString()));
        var point = body.GetProperty("receptionPoint");
        Assert.False(string.IsNullOrEmpty(point.GetProperty("address").GetString()));
        Assert.False(string.IsNullOrEmpty(point.GetProperty("hours").GetString()));
        Assert.InRange(point.GetProperty("lat").GetDouble(), 43.0, 43.5);
        Assert.InRange(point.GetProperty("lon").GetDouble(), 76.6, 77.3);
    }

    [Theory]
    [InlineData("kk", "Алмалы ауданы", "Полиция")]
    [InlineData("ru", "Алмалинский район", "полиции")]
    [InlineData("en", "Almaly", "Police")]
    public async Task Locate_InEachLanguage_NamesDistrictAndRankInThatLanguage(string language, string district, string rankWord)
    {
        using var client = factory.Client(language);
        var body = await (await client.GetAsync($"/api/v1/beats/locate?{InspectorOnePoint}")).JsonAsync();
        Assert.Equal(district, body.GetProperty("district").GetProperty("name").GetString());
        Assert.Contains(rankWord, body.GetProperty("inspector").GetProperty("rank").GetString());
    }

    [Theory]
    [InlineData("ru", "не входит")]
    [InlineData("kk", "кірмейді")]
    [InlineData("en", "outside every beat")]
    public async Task Locate_PointOutsideEveryBeat_Returns404ProblemInTheRequestLanguage(string language, string words)
    {
        using var client = factory.Client(language);
        var response = await client.GetAsync("/api/v1/beats/locate?lat=51.5&lon=-0.12");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(words, (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("lat=abc&lon=76.92")]
    [InlineData("lat=91&lon=76.92")]
    [InlineData("lat=43.25&lon=181")]
    [InlineData("lat=43.25")]
    [InlineData("lat=NaN&lon=76.92")]
    [InlineData("lat=43,25&lon=76,92")]
    public async Task Locate_MalformedOrOutOfRangeCoordinates_Returns400Problem(string query)
    {
        using var client = factory.Client("ru");
        var response = await client.GetAsync($"/api/v1/beats/locate?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("широта", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NeighbourhoodEndpoints_ForTheLocatedBeat_AgreeWithEachOther()
    {
        using var client = factory.Client("en");
        var located = await (await client.GetAsync($"/api/v1/beats/locate?{InspectorOnePoint}")).JsonAsync();
        var beatId = located.GetProperty("beat").GetProperty("id").GetInt32();
        var districtId = located.GetProperty("district").GetProperty("id").GetInt32();

        var districts = await (await client.GetAsync("/api/v1/districts")).JsonAsync();
        Assert.Equal(8, districts.GetArrayLength());
        Assert.Contains(districts.EnumerateArray(), d => d.GetProperty("code").GetString() == "almaly" && d.GetProperty("population").GetInt32() == 224600);

        var beats = await (await client.GetAsync($"/api/v1/districts/{districtId}/beats")).JsonAsync();
        Assert.Contains(beats.EnumerateArray(), b => b.GetProperty("id").GetInt32() == beatId);
        Assert.All(beats.EnumerateArray(), b => Assert.InRange(b.GetProperty("population").GetInt32(), 3000, 5000));

        var detail = await (await client.GetAsync($"/api/v1/beats/{beatId}")).JsonAsync();
        Assert.Equal(located.GetProperty("beat").GetProperty("code").GetString(), detail.GetProperty("code").GetString());

        var boundaryResponse = await client.GetAsync($"/api/v1/beats/{beatId}/boundary");
        Assert.Equal("application/geo+json", boundaryResponse.Content.Headers.ContentType?.MediaType);
        var boundary = await boundaryResponse.JsonAsync();
        Assert.Equal("Feature", boundary.GetProperty("type").GetString());
        Assert.Contains(boundary.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });

        var team = await (await client.GetAsync($"/api/v1/beats/{beatId}/team")).JsonAsync();
        Assert.Contains(team.EnumerateArray(), o => o.GetProperty("id").GetInt32() == located.GetProperty("inspector").GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/beats/999999")]
    [InlineData("/api/v1/beats/999999/boundary")]
    [InlineData("/api/v1/beats/999999/team")]
    [InlineData("/api/v1/districts/999999/beats")]
    public async Task NeighbourhoodEndpoints_UnknownId_Return404Problem(string path)
    {
        using var client = factory.Client("kk");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Төле би 59")]
    [InlineData("ул. Толе би, 59")]
    [InlineData("59 Tole bi St")]
    public async Task AddressSearch_SameHouseInThreeSpellings_FindsTheSameAddress(string typed)
    {
        using var client = factory.Client("ru");
        var hits = await (await client.GetAsync($"/api/v1/addresses?q={Uri.EscapeDataString(typed)}")).JsonAsync();
        var hit = Assert.Single(hits.EnumerateArray());
        Assert.True(hit.GetProperty("exactHouse").GetBoolean());
        Assert.Equal("ул. Толе би, 59", hit.GetProperty("line").GetString());
    }

    [Fact]
    public async Task FindPage_AddressWithoutJavaScript_ShowsTheInspectorCard()
    {
        using var client = factory.Client("en");
        var located = await (await client.GetAsync("/api/v1/addresses?q=Tole%20bi%2059")).JsonAsync();
        var point = located[0];
        var expected = await (await client.GetAsync(
            $"/api/v1/beats/locate?lat={point.GetProperty("latitude").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}&lon={point.GetProperty("longitude").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}")).JsonAsync();

        var html = await client.GetStringAsync("/?q=Tole+bi+59");

        Assert.Contains("id=\"inspector-name\">" + expected.GetProperty("inspector").GetProperty("name").GetString() + "<", html);
        Assert.Contains("Your address: 59 Tole bi St", html);
    }

    [Fact]
    public async Task FindPage_UnknownAddress_SaysSoInTheChosenLanguage()
    {
        using var client = factory.Client("kk");
        var html = await client.GetStringAsync("/?q=" + Uri.EscapeDataString("Несуществующая 1"));
        Assert.Contains("мекенжайы табылмады", html);
        Assert.DoesNotContain("id=\"beat-card\"", html);
    }

    [Fact]
    public async Task Healthz_WhenDatabaseIsReady_Returns200()
    {
        using var client = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheNeighbourhoodEndpoints()
    {
        using var client = factory.Client();
        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/beats/locate", "/api/v1/districts", "/api/v1/districts/{districtId}/beats", "/api/v1/beats/{beatId}", "/api/v1/beats/{beatId}/boundary", "/api/v1/beats/{beatId}/team", "/api/v1/auth/login" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Theory]
    [InlineData("/culture/ru?returnUrl=%2F%3Fq%3Dx", "/?q=x")]
    [InlineData("/culture/en?returnUrl=%2F%2Fevil.example", "/")]
    [InlineData("/culture/kk?returnUrl=https%3A%2F%2Fevil.example", "/")]
    public async Task ChooseLanguage_RemembersItAndOnlyReturnsToLocalPages(string url, string expectedLocation)
    {
        using var client = factory.Client();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
    }
}

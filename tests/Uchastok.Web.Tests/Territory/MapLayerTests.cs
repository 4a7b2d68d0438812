using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Territory;

/// <summary>The layers Uchastok draws under its maps from its own data, served as files a browser keeps.</summary>
public sealed class MapLayerTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task BaseLayer_HoldsNamedDistrictsStreetsAndReceptionPoints_InThreeLanguages()
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/api/v1/map/base.geojson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var features = (await response.JsonAsync()).GetProperty("features").EnumerateArray().ToList();
        var kinds = features.GroupBy(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToDictionary(g => g.Key!, g => g.ToList());

        Assert.Equal(8, kinds["district"].Count);
        Assert.Contains(kinds["district"], d => d.GetProperty("properties").GetProperty("nameKk").GetString() == "Алмалы ауданы");
        Assert.True(kinds["street"].Count >= 50);
        var toleBi = Assert.Single(kinds["street"], s => s.GetProperty("properties").GetProperty("nameEn").GetString() == "Tole bi");
        Assert.Equal("LineString", toleBi.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("Толе би", toleBi.GetProperty("properties").GetProperty("nameRu").GetString());
        Assert.NotEmpty(kinds["reception"]);
    }

    [Fact]
    public async Task Layers_AskedForByTheirRevision_AreKeptAYear_AndAnUnchangedLayerIsNotSentAgain()
    {
        using var client = factory.Client();
        var beats = await client.GetAsync("/api/v1/map/beats.geojson");
        Assert.Equal(HttpStatusCode.OK, beats.StatusCode);
        Assert.Equal("public, max-age=300", beats.Headers.CacheControl!.ToString());
        var page = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        var versioned = System.Text.RegularExpressions.Regex.Match(page, "data-beat-layer=\"(/api/v1/map/beats.geojson\\?v=\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(versioned);

        var kept = await client.GetAsync(versioned);
        Assert.Contains("immutable", kept.Headers.CacheControl!.ToString());
        Assert.Contains("max-age=31536000", kept.Headers.CacheControl!.ToString());
        var beatCount = (await kept.JsonAsync()).GetProperty("features").GetArrayLength();
        Assert.True(beatCount > 100);

        using var again = new HttpRequestMessage(HttpMethod.Get, versioned);
        again.Headers.IfNoneMatch.Add(kept.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }
}

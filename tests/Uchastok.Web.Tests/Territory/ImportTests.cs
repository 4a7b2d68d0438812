using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Uchastok.Web.Territory;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Territory;

/// <summary>Beat import and export over the API, the page and the command line. Each class has its own database.</summary>
public sealed class ImportTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    [Fact]
    public async Task Import_TwoNeighbouringBeatsMerged_CreatesOneDeactivatesTwoAndRoutesTheirPointsToTheNewBeat()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var collection = await ExportAsync(admin, "turksib");
        var features = collection["features"]!.AsArray();
        var (first, second) = TouchingPair(features);
        var merged = Geometry(first).Union(Geometry(second));
        var insidePoint = Geometry(first).InteriorPoint;
        var mergedFeature = new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = new JsonObject { ["code"] = "TUR-900", ["district"] = "turksib", ["population"] = 8000, ["name"] = "Merged" },
            ["geometry"] = JsonNode.Parse(JsonSerializer.Serialize(merged, GeoJsonOptions)),
        };
        features.Remove(first);
        features.Remove(second);
        features.Add(mergedFeature);

        var response = await PostAsync(admin, collection.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(1, body.GetProperty("created").GetInt32());
        Assert.Equal(2, body.GetProperty("deactivated").GetInt32());
        Assert.Equal(features.Count - 1, body.GetProperty("updated").GetInt32());
        var located = await (await admin.GetAsync(string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/beats/locate?lat={insidePoint.Y}&lon={insidePoint.X}"))).JsonAsync();
        Assert.Equal("TUR-900", located.GetProperty("beat").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Import_ExportedDistrictUnchanged_UpdatesEveryBeatAndKeepsInspectors()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var before = await ExportAsync(admin, "medeu");

        var response = await PostAsync(admin, before.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(0, body.GetProperty("created").GetInt32());
        Assert.Equal(before["features"]!.AsArray().Count, body.GetProperty("updated").GetInt32());
        var after = await ExportAsync(admin, "medeu");
        Assert.Equal(Inspectors(before), Inspectors(after));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "SelfIntersection", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X-1","district":"zhetysu"},"geometry":{"type":"Polygon","coordinates":[[[76.90,43.30],[76.92,43.32],[76.92,43.30],[76.90,43.32],[76.90,43.30]]]}}]}""" },
        { "RingNotClosed", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X-1","district":"zhetysu"},"geometry":{"type":"Polygon","coordinates":[[[76.90,43.30],[76.92,43.30],[76.92,43.32],[76.90,43.32]]]}}]}""" },
        { "UnknownDistrict", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X-1","district":"atlantis"},"geometry":{"type":"Polygon","coordinates":[[[76.90,43.30],[76.92,43.30],[76.92,43.32],[76.90,43.32],[76.90,43.30]]]}}]}""" },
        { "NonWgs84Crs", """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[{"type":"Feature","properties":{"code":"X-1","district":"zhetysu"},"geometry":{"type":"Polygon","coordinates":[[[8560000,5350000],[8562000,5350000],[8562000,5352000],[8560000,5350000]]]}}]}""" },
        { "CoordinatesOutOfRange", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X-1","district":"zhetysu"},"geometry":{"type":"Polygon","coordinates":[[[8560000,5350000],[8562000,5350000],[8562000,5352000],[8560000,5350000]]]}}]}""" },
        { "NotFeatureCollection", """{"type":"Feature","properties":{},"geometry":null}""" },
        { "NotJson", "this is not json" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_BadFile_Returns422WithTheProblemAndChangesNothing(string problem, string file)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");
        var before = (await ExportAsync(admin, "zhetysu")).ToJsonString();

        var response = await PostAsync(admin, file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("problem").GetString() == problem);
        Assert.Contains("Ничего не изменено", body.GetProperty("detail").GetString());
        Assert.Equal(before, (await ExportAsync(admin, "zhetysu")).ToJsonString());
    }

    [Fact]
    public async Task Import_DistrictWithOneBeatLeftOut_IsRefusedAsAGapAndChangesNothing()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "kk");
        var collection = await ExportAsync(admin, "alatau");
        var before = collection.ToJsonString();
        collection["features"]!.AsArray().RemoveAt(3);

        var body = await (await PostAsync(admin, collection.ToJsonString())).JsonAsync();

        var gap = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("Gap", gap.GetProperty("problem").GetString());
        Assert.Contains("ешбір учаске қамтымаған", gap.GetProperty("message").GetString());
        Assert.Equal(before, (await ExportAsync(admin, "alatau")).ToJsonString());
    }

    [Fact]
    public async Task Import_BeatGrownOverItsNeighbour_IsRefusedAsAnOverlapNamingBothBeats()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var collection = await ExportAsync(admin, "bostandyk");
        var features = collection["features"]!.AsArray();
        var (first, second) = TouchingPair(features);
        first!["geometry"] = JsonNode.Parse(JsonSerializer.Serialize(Geometry(first).Union(Geometry(second)), GeoJsonOptions));

        var body = await (await PostAsync(admin, collection.ToJsonString())).JsonAsync();

        var overlap = Assert.Single(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("problem").GetString() == "Overlap");
        var codes = new[] { first["properties"]!["code"]!.GetValue<string>(), second!["properties"]!["code"]!.GetValue<string>() };
        Assert.Contains(overlap.GetProperty("code").GetString(), codes);
        Assert.Contains(codes, c => overlap.GetProperty("message").GetString()!.Contains(c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_DuplicateCodes_AreRefusedPerFeature()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var collection = await ExportAsync(admin, "nauryzbay");
        var features = collection["features"]!.AsArray();
        features[1]!["properties"]!["code"] = features[0]!["properties"]!["code"]!.GetValue<string>();

        var body = await (await PostAsync(admin, collection.ToJsonString())).JsonAsync();

        var duplicate = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("DuplicateCode", duplicate.GetProperty("problem").GetString());
        Assert.Equal(2, duplicate.GetProperty("feature").GetInt32());
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(document.cookie)>")]
    [InlineData("ALM-001\"><script>")]
    [InlineData("-leading-hyphen")]
    [InlineData("A-1 B")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public async Task Import_BeatCodeOfAnotherForm_IsRefusedAndChangesNothing(string code)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var collection = await ExportAsync(admin, "zhetysu");
        var before = collection.ToJsonString();
        collection["features"]![0]!["properties"]!["code"] = code;

        var response = await PostAsync(admin, collection.ToJsonString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("InvalidCode", error.GetProperty("problem").GetString());
        Assert.Equal(1, error.GetProperty("feature").GetInt32());
        Assert.DoesNotContain("<", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await ExportAsync(admin, "zhetysu")).ToJsonString());
    }

    [Theory]
    [InlineData("name", "\\uD800")]
    [InlineData("code", "ALM\\uDC00")]
    [InlineData("district", "\\uDBFF")]
    public async Task Import_LoneSurrogateInAText_Is422WithAClearMessageAndChangesNothing(string property, string escaped)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");
        var collection = await ExportAsync(admin, "zhetysu");
        var before = collection.ToJsonString();
        collection["features"]![1]!["properties"]![property] = "LONE-SURROGATE";
        // System.Text.Json will not write half a character; the escape goes into the text as a file would carry it.
        var body = collection.ToJsonString().Replace("LONE-SURROGATE", escaped, StringComparison.Ordinal);

        var response = await PostAsync(admin, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("UnreadableText", error.GetProperty("problem").GetString());
        Assert.Equal(2, error.GetProperty("feature").GetInt32());
        Assert.Contains("UTF-8", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await ExportAsync(admin, "zhetysu")).ToJsonString());
    }

    [Fact]
    public async Task Import_LoneSurrogateInTheCollectionsType_Is422()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var response = await PostAsync(admin, """{"type":"FeatureCollection\uD800","features":[]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("UnreadableText", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Import_WrongContentType_Returns415()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsync("/api/v1/beats/import", new StringContent("{}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Export_UnknownDistrict_Returns404()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/beats/export?district=atlantis")).StatusCode);
    }

    [Fact]
    public async Task CommandLine_ExportThenImportTheSameFile_SucceedsAndABadFileFailsWithReasons()
    {
        var file = Path.Combine(Path.GetTempPath(), $"beats-{Guid.NewGuid():N}.geojson");
        try
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            Assert.Equal(0, await TerritoryCommandLine.RunAsync(factory.Services, ["export", "--district", "almaly", "--out", file], output, errors));
            Assert.Contains("\"almaly\"", await File.ReadAllTextAsync(file));

            Assert.Equal(0, await TerritoryCommandLine.RunAsync(factory.Services, ["import", file], output, errors));

            await File.WriteAllTextAsync(file, """{"type":"FeatureCollection","features":[]}""");
            Assert.Equal(1, await TerritoryCommandLine.RunAsync(factory.Services, ["import", file], output, errors));
            Assert.Contains("has no features", errors.ToString());
            Assert.Equal(2, await TerritoryCommandLine.RunAsync(factory.Services, ["import", file + ".missing"], output, errors));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ImportPage_UploadedFileWithAGap_ShowsTheReasonAndChangesNothing()
    {
        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz", language: "en");
        using var api = await factory.SignedInAsync("admin@demo.kz");
        var collection = await ExportAsync(api, "auezov");
        var before = collection.ToJsonString();
        collection["features"]!.AsArray().RemoveAt(0);

        var page = await admin.GetStringAsync("/territory/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(CookieSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(collection.ToJsonString())), "file", "auezov.geojson" },
        };
        var html = await (await admin.PostAsync("/territory/import", form)).Content.ReadAsStringAsync();

        Assert.Contains("id=\"import-errors\"", html);
        Assert.Contains("that no beat covers", html);
        Assert.Equal(before, (await ExportAsync(api, "auezov")).ToJsonString());
    }

    private static async Task<JsonObject> ExportAsync(HttpClient admin, string district)
    {
        var response = await admin.GetAsync($"/api/v1/beats/export?district={district}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, string geoJson)
    {
        var content = new StringContent(geoJson, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        return admin.PostAsync("/api/v1/beats/import", content);
    }

    private static Geometry Geometry(JsonNode? feature) =>
        JsonSerializer.Deserialize<Geometry>(feature!["geometry"]!.ToJsonString(), GeoJsonOptions)!;

    /// <summary>Two beats that share an edge, so their union is one piece.</summary>
    private static (JsonNode First, JsonNode Second) TouchingPair(JsonArray features)
    {
        for (var i = 0; i < features.Count; i++)
            for (var j = i + 1; j < features.Count; j++)
            {
                var a = Geometry(features[i]);
                var b = Geometry(features[j]);
                if (a.Intersection(b).Length > 0.001) return (features[i]!, features[j]!);
            }
        throw new InvalidOperationException("No touching beats.");
    }

    private static List<string?> Inspectors(JsonObject collection) =>
        collection["features"]!.AsArray().Select(f => f!["properties"]!["inspectorId"]?.ToJsonString()).ToList();
}

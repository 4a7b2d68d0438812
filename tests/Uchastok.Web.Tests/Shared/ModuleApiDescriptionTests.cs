using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// The OpenAPI document describes what the community, evaluation and transparency endpoints answer:
/// every success with a body has a schema, and files say their media type.
/// </summary>
public sealed class ModuleApiDescriptionTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Theory]
    [InlineData("Community")]
    [InlineData("Evaluation")]
    [InlineData("Open data")]
    [InlineData("Reports")]
    public async Task EverySuccessWithABody_OfTheModulesEndpoints_HasASchema(string tag)
    {
        var operations = Operations(await DocumentAsync(), tag).ToList();
        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            var successes = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(successes.Count > 0, $"{name}: no success response described");
            foreach (var response in successes.Where(r => r.Name != "204"))
            {
                // An IResult handler is described as a bare "200: OK" with no content; a typed one carries its schema.
                Assert.True(response.Value.TryGetProperty("content", out var content), $"{name} {response.Name}: no content");
                foreach (var media in content.EnumerateObject())
                    Assert.True(media.Value.TryGetProperty("schema", out _), $"{name} {response.Name} {media.Name}: no schema");
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/open-data/appeals.{format}", "application/json")]
    [InlineData("/api/v1/open-data/appeals.{format}", "text/csv; charset=utf-8")]
    [InlineData("/api/v1/open-data/incidents.{format}", "text/csv; charset=utf-8")]
    [InlineData("/api/v1/beats/{id}/meetings.ics", "text/calendar; charset=utf-8")]
    [InlineData("/api/v1/meetings/{id}.ics", "text/calendar; charset=utf-8")]
    [InlineData("/reports/{quarter}/city/{language}.pdf", "application/pdf")]
    [InlineData("/reports/{quarter}/{level}/{id}/{language}.pdf", "application/pdf")]
    public async Task FilesAndFormats_StateTheirMediaType(string path, string mediaType)
    {
        var ok = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("content").TryGetProperty(mediaType, out var media), $"{path}: no {mediaType}");
        Assert.True(media.TryGetProperty("schema", out _));
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = factory.Client();
        return await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document, string tag) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Value.TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() == tag)
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);
}

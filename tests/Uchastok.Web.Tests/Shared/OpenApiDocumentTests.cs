using System.Net;
using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// The OpenAPI document the host serves says what every successful answer carries: a client
/// generated from it, or a person reading it, never meets a 200 whose body is a blank. An endpoint
/// returning an anonymous object or a bare <c>IResult</c> is what this catches.
/// </summary>
public sealed class OpenApiDocumentTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Document_EverySuccessfulResponse_DescribesItsBody()
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var findings = OpenApiBodyCheck.Findings(await response.JsonAsync());

        Assert.True(findings.Count == 0,
            $"{findings.Count} successful responses have no described body (METHOD path status):\n" + string.Join('\n', findings));
    }

    /// <summary>The check itself can fail: a hand-made document with one blind 200 among described ones is named, and only it.</summary>
    [Fact]
    public void Check_SchemalessOkAmongDescribedResponses_IsTheOneFinding()
    {
        using var document = JsonDocument.Parse("""
            {
              "paths": {
                "/things": {
                  "get": { "responses": {
                    "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } } } } } } },
                  "post": { "responses": {
                    "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                    "400": { "description": "Bad Request" } } }
                },
                "/things/{id}": {
                  "get": { "responses": { "200": { "description": "OK" } } },
                  "delete": { "responses": { "204": { "description": "No Content" } } }
                },
                "/things/{id}/photo.png": {
                  "get": { "responses": { "200": { "description": "OK", "content": { "image/png": { } } } } }
                },
                "/things/{id}/notes": {
                  "get": { "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { } } } } } }
                },
                "/things/{id}/archive": {
                  "post": { "responses": { "400": { "description": "Bad Request" } } }
                },
                "/sign-in": {
                  "post": { "responses": { "302": { "description": "Found" } } }
                }
              }
            }
            """);

        var findings = OpenApiBodyCheck.Findings(document.RootElement);

        Assert.Equal(["GET /things/{id} 200", "GET /things/{id}/notes 200", "POST /things/{id}/archive (no success described)"], findings);
    }

    /// <summary>A format in the address or a file states its media type beside (or instead of) the JSON one.</summary>
    [Theory]
    [InlineData("/api/v1/open-data/appeals.{format}", "application/json")]
    [InlineData("/api/v1/open-data/appeals.{format}", "text/csv; charset=utf-8")]
    [InlineData("/api/v1/open-data/incidents.{format}", "text/csv; charset=utf-8")]
    [InlineData("/api/v1/beats/{id}/meetings.ics", "text/calendar; charset=utf-8")]
    [InlineData("/api/v1/meetings/{id}.ics", "text/calendar; charset=utf-8")]
    [InlineData("/reports/{quarter}/city/{language}.pdf", "application/pdf")]
    [InlineData("/reports/{quarter}/{level}/{id}/{language}.pdf", "application/pdf")]
    [InlineData("/open311/v2/requests.{format}", "application/json")]
    [InlineData("/open311/v2/requests.{format}", "text/xml")]
    public async Task FilesAndFormats_StateTheirMediaType(string path, string mediaType)
    {
        using var client = factory.Client();
        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var ok = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("content").TryGetProperty(mediaType, out _), $"{path}: no {mediaType}");
    }
}

/// <summary>
/// The rule: an operation describes at least one success (2xx or a redirect), and a 2xx response must declare
/// its content, except 204.
/// Declared content passes when it is a file media type (an image, a PDF, XML, CSV: described by
/// its media type) or carries a JSON schema that says something (a type, a reference, properties,
/// items or a union); an empty schema <c>{}</c> is as blind as none.
/// </summary>
internal static class OpenApiBodyCheck
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly string[] Describing = ["type", "$ref", "properties", "items", "oneOf", "anyOf", "allOf", "additionalProperties", "enum"];

    public static List<string> Findings(JsonElement document)
    {
        var findings = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var method in Methods)
        {
            if (!path.Value.TryGetProperty(method, out var operation) || !operation.TryGetProperty("responses", out var responses)) continue;
            if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('2') || r.Name.StartsWith('3')))
                findings.Add($"{method.ToUpperInvariant()} {path.Name} (no success described)");
            foreach (var response in responses.EnumerateObject())
            {
                if (!response.Name.StartsWith('2') || response.Name == "204") continue;
                if (!Described(response.Value)) findings.Add($"{method.ToUpperInvariant()} {path.Name} {response.Name}");
            }
        }
        return findings;
    }

    private static bool Described(JsonElement response)
    {
        if (!response.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object) return false;
        var mediaTypes = content.EnumerateObject().ToList();
        return mediaTypes.Count > 0 && mediaTypes.All(m => !IsJson(m.Name) || HasSchema(m.Value));
    }

    private static bool IsJson(string mediaType) =>
        mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal) || mediaType == "text/json";

    private static bool HasSchema(JsonElement mediaType) =>
        mediaType.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object
        && Describing.Any(keyword => schema.TryGetProperty(keyword, out _));
}

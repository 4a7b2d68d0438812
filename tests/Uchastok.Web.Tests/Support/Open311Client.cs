using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;

namespace Uchastok.Web.Tests.Support;

/// <summary>Talking to /open311/v2 as a GeoReport v2 client would, and checking answers against the specification's schemas.</summary>
public static class Open311Client
{
    /// <summary>Makes an integration key through the administrators' API and returns its secret.</summary>
    public static async Task<string> CreateApiKeyAsync(this UchastokAppFactory factory, int permitsPerWindow = 1000, string? name = null)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { name = name ?? $"Partner {Guid.NewGuid():N}", permitsPerWindow });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("secret").GetString()!;
    }

    /// <summary>A complete, valid request for the noise service at inspector1's beat; change or remove any field.</summary>
    public static Dictionary<string, string> ValidRequest(string apiKey, string? marker = null) => new()
    {
        ["api_key"] = apiKey,
        ["service_code"] = "noise",
        ["lat"] = "43.2510",
        ["long"] = "76.9210",
        ["first_name"] = "Aigerim",
        ["last_name"] = "Sadykova",
        ["email"] = $"aigerim-{Guid.NewGuid():N}@test.kz",
        ["description"] = "Loud music every night after 23:00 in the courtyard. " + (marker ?? Guid.NewGuid().ToString("N")),
        ["attribute[danger_now]"] = "no",
        ["attribute[about_police_officer]"] = "no",
        ["attribute[personal_data_consent]"] = "yes",
    };

    public static Task<HttpResponseMessage> PostRequestAsync(this HttpClient client, IDictionary<string, string> fields, string format = "json", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// <summary>Posts a valid request and returns the appeal number it was filed as.</summary>
    public static async Task<string> FileOpen311Async(this HttpClient client, IDictionary<string, string> fields)
    {
        var response = await client.PostRequestAsync(fields);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync())[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>The error descriptions of an Open311 error answer in JSON, after checking its shape.</summary>
    public static async Task<List<string>> ErrorsAsync(this HttpResponseMessage response)
    {
        var errors = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.NotEqual(0, errors.GetArrayLength());
        return errors.EnumerateArray().Select(e =>
        {
            Assert.Equal((int)response.StatusCode, e.GetProperty("code").GetInt32());
            return e.GetProperty("description").GetString()!;
        }).ToList();
    }
}

/// <summary>The JSON Schemas of ../shared/data/open311/schema, with their references resolved among themselves.</summary>
public static class Open311Schemas
{
    private const string Base = "https://schemas.open311.test/";
    private static readonly BuildOptions Options = new() { SchemaRegistry = new SchemaRegistry() };
    private static readonly Dictionary<string, JsonSchema> Schemas = Load();

    private static Dictionary<string, JsonSchema> Load()
    {
        var folder = Path.Combine(SharedData.Path, "open311", "schema");
        var schemas = new Dictionary<string, JsonSchema>();
        foreach (var file in new[] { "service.json", "services.json", "service-definition.json", "request.json", "requests.json" })
            schemas[file] = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, file)), Options, new Uri(Base + file));
        // The answers to POST requests and GET tokens are defined only in swagger.json (one item each), which is not itself a schema.
        using var swagger = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "swagger.json")));
        foreach (var (name, definition) in new[] { ("request-response", "RequestResponse"), ("token-response", "TokenResponse") })
        {
            JsonSchema.Build(swagger.RootElement.GetProperty("definitions").GetProperty(definition).Clone(), Options, new Uri(Base + definition + ".json"));
            schemas[name] = JsonSchema.FromText("{\"type\":\"array\",\"items\":{\"$ref\":\"" + definition + ".json\"}}", Options, new Uri(Base + name + ".json"));
        }
        return schemas;
    }

    public static void AssertValid(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schemas[schema].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList() ?? [];
        Assert.True(result.IsValid, $"{schema}: {string.Join("; ", errors)}\n{json}");
    }
}

/// <summary>
/// The Spark convention of the specification (JSON_and_XML_Conversion), used to check that an XML
/// answer and its JSON twin carry the same data: an element whose children all share one name is
/// an array, one with differently named children is an object, a leaf is its text (empty is null).
/// </summary>
public static class Spark
{
    public static JsonNode? FromXml(XElement element)
    {
        if (!element.HasElements) return element.Value.Length == 0 ? null : JsonValue.Create(element.Value);
        var names = element.Elements().Select(e => e.Name.LocalName).Distinct().ToList();
        if (names.Count == 1 && (element.Elements().Count() > 1 || IsList(element)))
            return new JsonArray(element.Elements().Select(FromXml).ToArray());
        var obj = new JsonObject();
        foreach (var child in element.Elements()) obj[child.Name.LocalName] = FromXml(child);
        return obj;
    }

    /// <summary>Every scalar as its text, so that 403 and "403", true and "true" compare equal; an empty array as null, like an empty XML element.</summary>
    public static JsonNode? Canonical(JsonNode? node) => node switch
    {
        null => null,
        JsonArray { Count: 0 } => null,
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(value.GetValue<string>()),
            JsonValueKind.Null => null,
            _ => JsonValue.Create(value.ToJsonString()),
        },
        _ => node,
    };

    public static void AssertSameData(string xml, string json)
    {
        var fromXml = Canonical(FromXml(XDocument.Parse(xml).Root!));
        var fromJson = Canonical(JsonNode.Parse(json));
        Assert.True(JsonNode.DeepEquals(fromXml, fromJson), $"XML and JSON differ:\n{fromXml?.ToJsonString()}\n{fromJson?.ToJsonString()}");
    }

    /// <summary>A container with one child that the specification still calls a list.</summary>
    private static bool IsList(XElement element) =>
        element.Name.LocalName is "services" or "service_requests" or "errors" or "attributes" or "values" or "endpoints" or "formats";
}

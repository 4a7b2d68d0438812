using System.Net;
using System.Xml.Linq;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Integrations;

/// <summary>
/// GeoReport v2 to the letter: every JSON answer validates against the specification's schemas,
/// every XML answer is well-formed UTF-8 with the specification's element names, and the two
/// formats of one answer carry the same data.
/// </summary>
public sealed class Open311ConformanceTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Discovery_ListsOnlyThisServersEndpoint_InBothFormats()
    {
        using var client = factory.Client();
        var (json, xml) = await BothAsync(client, "/open311/v2/discovery");

        var discovery = System.Text.Json.JsonDocument.Parse(json).RootElement;
        foreach (var field in new[] { "changeset", "contact", "key_service" })
            Assert.False(string.IsNullOrWhiteSpace(discovery.GetProperty(field).GetString()), field);
        var endpoint = Assert.Single(discovery.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("production", endpoint.GetProperty("type").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("discovery", XDocument.Parse(xml).Root!.Name.LocalName);
    }

    [Fact]
    public async Task Services_OnePerActiveCategory_NamedInTheRequestedLocale_InBothFormats()
    {
        using var client = factory.Client();
        var (json, xml) = await BothAsync(client, "/open311/v2/services", "?locale=ru");

        Open311Schemas.AssertValid("services.json", json);
        var services = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var categories = (await (await client.GetAsync("/api/v1/appeal-categories")).JsonAsync()).EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Equal(categories, services.Select(s => s.GetProperty("service_code").GetString()));
        var noise = services.Single(s => s.GetProperty("service_code").GetString() == "noise");
        Assert.Equal("Шум, нарушение тишины", noise.GetProperty("service_name").GetString());
        Assert.Equal("realtime", noise.GetProperty("type").GetString());
        Assert.True(noise.GetProperty("metadata").GetBoolean());
        Assert.Equal("Общественный порядок и безопасность", noise.GetProperty("group").GetString());
        Assert.All(XDocument.Parse(xml).Root!.Elements(), e => Assert.Equal("service", e.Name.LocalName));
    }

    [Fact]
    public async Task ServiceDefinition_ListsTheAttributesWithDatatypesAndValues_InBothFormats()
    {
        using var client = factory.Client();
        var (json, _) = await BothAsync(client, "/open311/v2/services/noise");

        Open311Schemas.AssertValid("service-definition.json", json);
        var definition = System.Text.Json.JsonDocument.Parse(json).RootElement;
        Assert.Equal("noise", definition.GetProperty("service_code").GetString());
        var attributes = definition.GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!);
        Assert.True(attributes["danger_now"].GetProperty("required").GetBoolean());
        Assert.True(attributes["about_police_officer"].GetProperty("required").GetBoolean());
        Assert.Equal("singlevaluelist", attributes["about_police_officer"].GetProperty("datatype").GetString());
        Assert.Equal(["no", "yes"], attributes["about_police_officer"].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.Equal("string", attributes["iin"].GetProperty("datatype").GetString());
        Assert.Equal(attributes.Count, attributes.Values.Select(a => a.GetProperty("order").GetInt32()).Distinct().Count());
    }

    [Fact]
    public async Task RequestAnswers_ValidateAgainstTheSchemas_AndAgreeAcrossFormats()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var post = await client.PostRequestAsync(Open311Client.ValidRequest(key));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var posted = await post.Content.ReadAsStringAsync();
        Open311Schemas.AssertValid("request-response", posted);
        var number = System.Text.Json.JsonDocument.Parse(posted).RootElement[0].GetProperty("service_request_id").GetString()!;

        foreach (var (path, query) in new[]
        {
            ("/open311/v2/requests", ""),
            ("/open311/v2/requests", "?extensions=true&status=open&service_code=noise"),
            ("/open311/v2/requests", $"?service_request_id={number},ALM-2000-000001"),
            ($"/open311/v2/requests/{number}", ""),
            ($"/open311/v2/requests/{number}", "?extensions=true"),
        })
        {
            var (json, xml) = await BothAsync(client, path, query);
            Open311Schemas.AssertValid("requests.json", json);
            Assert.Contains(System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
            var request = XDocument.Parse(xml).Root!.Elements("request").Single(r => r.Element("service_request_id")!.Value == number);
            Assert.Equal("open", request.Element("status")!.Value);
        }
    }

    [Fact]
    public async Task PostInXml_AnswersWithTheSpecsElements()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();

        var response = await client.PostRequestAsync(Open311Client.ValidRequest(key), "xml");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);
        var request = XDocument.Parse(xml).Root!;
        Assert.Equal("service_requests", request.Name.LocalName);
        Assert.Matches(@"^ALM-\d{4}-\d{6}$", request.Element("request")!.Element("service_request_id")!.Value);
        Assert.NotEmpty(request.Element("request")!.Element("service_notice")!.Value);
    }

    [Fact]
    public async Task Errors_AreTheSpecsList_InBothFormats()
    {
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest("not-a-key");

        var json = await client.PostRequestAsync(fields);
        var xml = await client.PostRequestAsync(fields, "xml");

        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, xml.StatusCode);
        Assert.Contains("api_key", Assert.Single(await json.ErrorsAsync()), StringComparison.Ordinal);
        var error = XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("403", error.Element("error")!.Element("code")!.Value);
        Spark.AssertSameData(await xml.Content.ReadAsStringAsync(), await json.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownFormat_IsRefusedAs400_InXml()
    {
        using var client = factory.Client();

        var response = await client.GetAsync("/open311/v2/services.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("errors", XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Name.LocalName);
    }

    [Fact]
    public async Task TokenOfTheTrackingLink_ResolvesToTheNumber_InBothFormats()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);
        var number = await client.FileOpen311Async(fields);
        var token = await TrackingTokenAsync(factory, fields["email"]);

        var (json, _) = await BothAsync(client, $"/open311/v2/tokens/{token}");

        Open311Schemas.AssertValid("token-response", json);
        var resolved = System.Text.Json.JsonDocument.Parse(json).RootElement[0];
        Assert.Equal(number, resolved.GetProperty("service_request_id").GetString());
        Assert.Equal(token, resolved.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/tokens/unknown-token.json")).StatusCode);
    }

    /// <summary>The tracking token as the applicant receives it: from the link in the registration message.</summary>
    internal static async Task<string> TrackingTokenAsync(UchastokAppFactory factory, string email)
    {
        var message = (await factory.DeliveredToAsync(email)).First();
        return System.Text.RegularExpressions.Regex.Match(message.Body, "/appeals/track/([A-Za-z0-9_-]+)").Groups[1].Value;
    }

    /// <summary>Both formats of one GET, each checked for its content type and charset, and checked to carry the same data.</summary>
    private static async Task<(string Json, string Xml)> BothAsync(HttpClient client, string path, string query = "")
    {
        var json = await client.GetAsync($"{path}.json{query}");
        var xml = await client.GetAsync($"{path}.xml{query}");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/xml", xml.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", xml.Content.Headers.ContentType.CharSet);
        var (jsonText, xmlText) = (await json.Content.ReadAsStringAsync(), await xml.Content.ReadAsStringAsync());
        Spark.AssertSameData(xmlText, jsonText);
        return (jsonText, xmlText);
    }
}

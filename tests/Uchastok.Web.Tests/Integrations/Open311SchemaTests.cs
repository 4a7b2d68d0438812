using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Uchastok.Web.Integrations;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Integrations;

/// <summary>
/// The OpenAPI document describes each GeoReport JSON answer with the records of Open311Schema.cs, while the answers
/// are written from a node tree: every JSON answer must read into its record with no field unknown, none missing and
/// no null where the record says there is none, so the document cannot drift from what is sent.
/// </summary>
public sealed class Open311SchemaTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    [Fact]
    public async Task EveryJsonAnswer_ReadsStrictlyIntoTheRecordTheDocumentNames()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);
        var filing = await client.PostRequestAsync(fields);
        Assert.Equal(HttpStatusCode.Created, filing.StatusCode);
        var number = Assert.Single(Read<Open311FiledJson[]>(await filing.Content.ReadAsStringAsync())).ServiceRequestId;
        var token = await Open311ConformanceTests.TrackingTokenAsync(factory, fields["email"]);

        Read<Open311DiscoveryJson>(await OkJsonAsync(client, "/open311/v2/discovery.json"));
        var services = Read<Open311ServiceJson[]>(await OkJsonAsync(client, "/open311/v2/services.json"));
        var definition = Read<Open311ServiceDefinitionJson>(await OkJsonAsync(client, $"/open311/v2/services/{services[0].ServiceCode}.json"));
        var listed = Read<Open311RequestJson[]>(await OkJsonAsync(client, $"/open311/v2/requests.json?service_request_id={Uri.EscapeDataString(number)}&extensions=true"));
        var one = Read<Open311RequestJson[]>(await OkJsonAsync(client, $"/open311/v2/requests/{Uri.EscapeDataString(number)}.json"));
        var resolved = Read<Open311TokenJson[]>(await OkJsonAsync(client, $"/open311/v2/tokens/{token}.json"));
        var missing = await client.GetAsync("/open311/v2/requests/NO-SUCH-NUMBER.json");

        Assert.NotEmpty(definition.Attributes);
        Assert.NotNull(Assert.Single(listed).ExtendedAttributes);
        Assert.Null(Assert.Single(one).ExtendedAttributes);
        Assert.Equal(number, Assert.Single(resolved).ServiceRequestId);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(404, Assert.Single(Read<Open311ErrorJson[]>(await missing.Content.ReadAsStringAsync())).Code);
    }

    /// <summary>The strict reading is what gives the test above its teeth: a field the record lacks, or one it needs and misses, fails.</summary>
    [Theory]
    [InlineData("""[{"service_request_id":"A-1","token":"t","account_id":"x"}]""")]
    [InlineData("""[{"service_request_id":"A-1"}]""")]
    [InlineData("""[{"service_request_id":null,"token":"t"}]""")]
    public void StrictReading_AnswerThatDriftedFromItsRecord_Fails(string json) =>
        Assert.Throws<JsonException>(() => Read<Open311TokenJson[]>(json));

    private static async Task<string> OkJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Strict)!;
}

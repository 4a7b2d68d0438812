using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Integrations;

/// <summary>GET requests with the specification's arguments: ids, service codes, the 90-day window and status.</summary>
public sealed class Open311QueryTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Status_SeparatesOpenFromClosed_AndTheDetailedStateIsInTheExtendedAttributes()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var open = await client.FileOpen311Async(Open311Client.ValidRequest(key));
        var answered = await client.FileOpen311Async(Open311Client.ValidRequest(key));
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        await inspector.ActAsync(answered, "start");
        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(answered, "answer", new { answer = "Spoke to the neighbours; it will stop." })).StatusCode);

        var openList = await Numbers(client, "?status=open");
        var closedList = await Numbers(client, "?status=closed&extensions=true");
        var both = await Numbers(client, "?status=open,closed");

        Assert.Contains(open, openList);
        Assert.DoesNotContain(answered, openList);
        Assert.Contains(answered, closedList);
        Assert.DoesNotContain(open, closedList);
        Assert.Contains(open, both);
        Assert.Contains(answered, both);
        var detail = (await (await client.GetAsync($"/open311/v2/requests/{answered}.json?extensions=true")).JsonAsync())[0];
        Assert.Equal("closed", detail.GetProperty("status").GetString());
        Assert.Equal("answered", detail.GetProperty("extended_attributes").GetProperty("state").GetString());
        Assert.False(detail.TryGetProperty("extended_attributes", out _) && !detail.GetProperty("extended_attributes").TryGetProperty("due_date", out _));
        var plain = (await (await client.GetAsync($"/open311/v2/requests/{answered}.json")).JsonAsync())[0];
        Assert.False(plain.TryGetProperty("extended_attributes", out _));
    }

    [Fact]
    public async Task DateWindow_DefaultsToTheLast90Days_AndALongerOneIsRefused()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var number = await client.FileOpen311Async(Open311Client.ValidRequest(key));
        var today = DateTimeOffset.UtcNow;

        Assert.Contains(number, await Numbers(client, ""));
        Assert.DoesNotContain(number, await Numbers(client, $"?end_date={Date(today.AddDays(-1))}"));
        Assert.Contains(number, await Numbers(client, $"?start_date={Date(today.AddDays(-2))}&end_date={Date(today.AddDays(1))}"));

        var tooLong = await client.GetAsync($"/open311/v2/requests.json?start_date={Date(today.AddDays(-100))}&end_date={Date(today)}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("90", Assert.Single(await tooLong.ErrorsAsync()), StringComparison.Ordinal);
        var noOffset = await client.GetAsync("/open311/v2/requests.json?start_date=2026-11-01T00:00:00");
        Assert.Equal(HttpStatusCode.BadRequest, noOffset.StatusCode);
        Assert.StartsWith("start_date:", Assert.Single(await noOffset.ErrorsAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadStatusAndUnknownServiceCode_AreRefusedAs400()
    {
        using var client = factory.Client("ru");

        var status = await client.GetAsync("/open311/v2/requests.json?status=pending");
        var code = await client.GetAsync("/open311/v2/requests.json?service_code=noise,potholes");

        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("pending", Assert.Single(await status.ErrorsAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, code.StatusCode);
        Assert.Contains("Услуги с кодом potholes нет", Assert.Single(await code.ErrorsAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceRequestIds_OverrideEveryOtherArgument()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var first = await client.FileOpen311Async(Open311Client.ValidRequest(key));
        var second = await client.FileOpen311Async(Open311Client.ValidRequest(key));

        var listed = await Numbers(client, $"?service_request_id={first},{second},not-a-number&status=closed&service_code=fraud&end_date=2020-01-01T00:00:00Z");

        Assert.Equal(new[] { first, second }.Order(), listed.Order());
    }

    [Fact]
    public async Task AnUnknownRequest_Is404_InTheSpecsFormat()
    {
        using var client = factory.Client();

        var response = await client.GetAsync("/open311/v2/requests/ALM-2000-999999.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("service_request_id:", Assert.Single(await response.ErrorsAsync()), StringComparison.Ordinal);
    }

    private static async Task<List<string>> Numbers(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/open311/v2/requests.json{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();
    }

    private static string Date(DateTimeOffset moment) => Uri.EscapeDataString(moment.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
}

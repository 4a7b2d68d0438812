using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Appeals;
using Uchastok.Web.Notifications;

namespace Uchastok.Web.Tests.Support;

/// <summary>Filing and following appeals through the API, as a resident's app would.</summary>
public static class AppealsClient
{
    /// <summary>Inspector1's beat: central Almaly, near Tole bi street.</summary>
    public const double AlmalyLat = 43.2510, AlmalyLon = 76.9210;

    public static async Task<int> CategoryIdAsync(this UchastokAppFactory factory, string code = "noise")
    {
        using var client = factory.Client();
        var categories = await (await client.GetAsync("/api/v1/appeal-categories")).JsonAsync();
        return categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }

    /// <summary>A valid appeal from a named guest, at a point; override any field with <paramref name="changes"/>.</summary>
    public static async Task<Dictionary<string, object?>> AppealBodyAsync(this UchastokAppFactory factory, double lat = AlmalyLat, double lon = AlmalyLon, string? email = null)
    {
        return new Dictionary<string, object?>
        {
            ["kind"] = "application",
            ["categoryId"] = await factory.CategoryIdAsync(),
            ["text"] = "Loud music every night after 23:00 in the courtyard. " + Guid.NewGuid().ToString("N"),
            ["lat"] = lat,
            ["lon"] = lon,
            ["name"] = "Test Resident",
            ["email"] = email ?? $"resident-{Guid.NewGuid():N}@test.kz",
            ["consent"] = true,
        };
    }

    public static async Task<HttpResponseMessage> PostAppealAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appeals") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    /// <summary>Files an appeal and returns (number, tracking token, the whole answer).</summary>
    public static async Task<(string Number, string Token, JsonElement Filed)> FileAppealAsync(this UchastokAppFactory factory, HttpClient client, Dictionary<string, object?>? body = null)
    {
        var response = await client.PostAppealAsync(body ?? await factory.AppealBodyAsync());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await response.JsonAsync();
        return (filed.GetProperty("number").GetString()!, filed.GetProperty("trackingToken").GetString()!, filed);
    }

    /// <summary>The confirmation code in the first message to a contact (the link's <c>?confirm=</c>).</summary>
    public static async Task<string> ContactCodeAsync(this UchastokAppFactory factory, string contact)
    {
        var messages = await factory.DeliveredToAsync(contact);
        return messages.Select(m => System.Text.RegularExpressions.Regex.Match(m.Body, @"\?confirm=(\d{6})")).Where(m => m.Success).Select(m => m.Groups[1].Value).Single();
    }

    /// <summary>Confirms the appeal's contact as its applicant would, with the code its first message carried: from then on every step is told.</summary>
    public static async Task ConfirmContactAsync(this UchastokAppFactory factory, HttpClient client, string token, string contact)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/appeals/track/{token}/contact/confirm", new { code = await factory.ContactCodeAsync(contact) });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string number, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/appeals/{number}/{action}", body ?? new { });

    public static async Task<JsonElement> AppealAsync(this HttpClient client, string number)
    {
        var response = await client.GetAsync($"/api/v1/appeals/{number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The officer id of the inspector of the beat at a point.</summary>
    public static async Task<int> InspectorAtAsync(this UchastokAppFactory factory, double lat, double lon)
    {
        using var client = factory.Client();
        var located = await (await client.GetAsync(FormattableString.Invariant($"/api/v1/beats/locate?lat={lat}&lon={lon}"))).JsonAsync();
        return located.GetProperty("inspector").GetProperty("id").GetInt32();
    }

    /// <summary>Sends what is queued, as the background dispatcher would, and returns the sink's messages to a recipient.</summary>
    public static async Task<List<SinkView>> DeliveredToAsync(this UchastokAppFactory factory, string recipient)
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync() > 0) { }
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OutboxAdministration>().SinkAsync("tests", recipient)).ToList();
    }

    public static bool HasError(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
}

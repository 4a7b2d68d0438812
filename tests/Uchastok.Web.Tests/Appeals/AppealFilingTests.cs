using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Calendar;
using Uchastok.Web.Notifications;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Appeals;

/// <summary>Filing an appeal over the API: validation, routing, the due date, idempotency, attachments, the tracking link.</summary>
public sealed class AppealFilingTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task File_GuestWithAPlace_Returns201RoutedToTheBeatInspectorWithTheLegalDueDate()
    {
        using var client = factory.Client();
        var inspector = await factory.InspectorAtAsync(AppealsClient.AlmalyLat, AppealsClient.AlmalyLon);

        var (number, token, filed) = await factory.FileAppealAsync(client);

        var calendars = factory.Services.GetRequiredService<WorkingCalendarProvider>();
        var expectedDue = AppealDeadlinePolicy.Default.DueDate(AppealKind.Application, calendars.Today(), await calendars.GetAsync());
        Assert.Matches(@"^ALM-\d{4}-\d{6}$", number);
        Assert.True(token.Length >= 40);
        Assert.Equal("assigned", filed.GetProperty("status").GetString());
        Assert.Equal(expectedDue.ToString("yyyy-MM-dd"), filed.GetProperty("dueDate").GetString());
        Assert.Equal("Almaly", filed.GetProperty("district").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(filed.GetProperty("assignee").GetProperty("name").GetString()));
        var tracked = await (await client.GetAsync($"/api/v1/appeals/track/{token}")).JsonAsync();
        Assert.Equal(inspector, tracked.GetProperty("assignee").GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKindNull, tracked.GetProperty("applicant").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task File_InvalidInputInRussian_Returns400NamingEachFieldAndQueuesNothing()
    {
        using var client = factory.Client("ru");
        var email = $"bad-{Guid.NewGuid():N}@test.kz";
        var body = await factory.AppealBodyAsync(email: email);
        body["kind"] = "petition";
        body["text"] = " ";
        body["consent"] = false;
        body["iin"] = "123456789012";
        body["lat"] = 95.0;

        var response = await client.PostAppealAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        foreach (var field in new[] { "kind", "text", "consent", "iin", "lat" }) Assert.True(problem.HasError(field), field);
        Assert.Contains("Выберите вид обращения", problem.GetProperty("errors").GetProperty("kind")[0].GetString());
        Assert.Empty(await factory.DeliveredToAsync(email));
    }

    [Fact]
    public async Task File_NoPlaceAndNoDistrict_IsRefused_AndWithADistrictGoesToTheDutyList()
    {
        using var client = factory.Client();
        var body = await factory.AppealBodyAsync();
        body.Remove("lat");
        body.Remove("lon");

        var refused = await client.PostAppealAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).HasError("districtId"));

        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        body["districtId"] = districtId;
        var (number, _, filed) = await factory.FileAppealAsync(client, body);
        Assert.Equal("registered", filed.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, filed.GetProperty("assignee").ValueKind);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var detail = await supervisor.AppealAsync(number);
        Assert.Equal("districtDuty", detail.GetProperty("queue").GetString());
    }

    [Fact]
    public async Task File_SameIdempotencyKeyTwice_CreatesOneAppeal()
    {
        using var client = factory.Client();
        var body = await factory.AppealBodyAsync();
        var key = Guid.NewGuid().ToString();

        var first = await client.PostAppealAsync(body, key);
        var second = await client.PostAppealAsync(body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var (a, b) = (await first.JsonAsync(), await second.JsonAsync());
        Assert.Equal(a.GetProperty("number").GetString(), b.GetProperty("number").GetString());
        Assert.Equal(a.GetProperty("trackingToken").GetString(), b.GetProperty("trackingToken").GetString());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        // One appeal, so one "registered" message to the applicant.
        Assert.Single(await factory.DeliveredToAsync((string)body["email"]!), m => m.Subject.Contains(a.GetProperty("number").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task File_SameKeyConcurrently_CreatesOneAppeal()
    {
        using var client = factory.Client();
        var body = await factory.AppealBodyAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAppealAsync(body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("number").GetString()));
        Assert.Single(numbers.Distinct());
    }

    [Fact]
    public async Task File_SameKeyWithADifferentRequest_IsRefused()
    {
        using var client = factory.Client();
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAppealAsync(await factory.AppealBodyAsync(), key)).StatusCode);

        var reused = await client.PostAppealAsync(await factory.AppealBodyAsync(), key);

        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.True((await reused.JsonAsync()).HasError("idempotencyKey"));
    }

    [Fact]
    public async Task File_AttachmentWithALyingName_IsRefusedAndNothingIsStored()
    {
        using var client = factory.Client();
        var email = $"liar-{Guid.NewGuid():N}@test.kz";
        using var form = await MultipartAsync(email, ("photo.jpg", "%PDF-1.4\n1 0 obj\n"u8.ToArray()));

        var response = await client.PostAsync("/api/v1/appeals", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("attachments")[0].GetString();
        Assert.Contains("photo.jpg", message);
        Assert.Empty(await factory.DeliveredToAsync(email));
    }

    [Fact]
    public async Task File_RealPhoto_IsStoredAndOnlyItsApplicantCanDownloadIt()
    {
        using var client = factory.Client();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        using var form = await MultipartAsync($"photo-{Guid.NewGuid():N}@test.kz", ("../../courtyard night.png", png));

        var response = await client.PostAsync("/api/v1/appeals", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await response.JsonAsync();
        var token = filed.GetProperty("trackingToken").GetString();
        var number = filed.GetProperty("number").GetString();
        var attachment = (await (await client.GetAsync($"/api/v1/appeals/track/{token}")).JsonAsync()).GetProperty("attachments")[0];
        Assert.Equal("courtyardnight.png", attachment.GetProperty("fileName").GetString());
        var download = await client.GetAsync($"/api/v1/appeals/track/{token}/attachments/{attachment.GetProperty("id").GetInt64()}");
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());

        using var stranger = await factory.SignedInAsync("resident2@demo.kz");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/appeals/{number}/attachments/{attachment.GetProperty("id").GetInt64()}")).StatusCode);
    }

    [Fact]
    public async Task File_SixAttachments_IsRefused()
    {
        using var client = factory.Client();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
        using var form = await MultipartAsync($"six-{Guid.NewGuid():N}@test.kz", Enumerable.Range(1, 6).Select(i => ($"p{i}.jpg", jpeg)).ToArray());

        var response = await client.PostAsync("/api/v1/appeals", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).HasError("attachments"));
    }

    [Fact]
    public async Task File_ApplicantGetsTheRegisteredMessageInTheLanguageTheyFiledIn()
    {
        using var client = factory.Client("ru");
        var body = await factory.AppealBodyAsync();

        var (number, token, _) = await factory.FileAppealAsync(client, body);

        var message = Assert.Single(await factory.DeliveredToAsync((string)body["email"]!));
        Assert.Equal($"Ваше обращение {number} зарегистрировано", message.Subject);
        Assert.Contains($"/appeals/track/{token}", message.Body);
    }

    [Fact]
    public async Task File_SignedInResident_IsListedAsTheirsWithTheAccountContacts()
    {
        using var resident = await factory.SignedInAsync("resident1@demo.kz");
        var body = await factory.AppealBodyAsync();
        body.Remove("name");
        body.Remove("email");

        var (number, _, _) = await factory.FileAppealAsync(resident, body);

        var mine = await (await resident.GetAsync("/api/v1/appeals")).JsonAsync();
        Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("number").GetString() == number);
        Assert.Contains(await factory.DeliveredToAsync("resident1@demo.kz"), m => m.Subject.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tip_Anonymous_GoesToTheDistrictDutyListAndOnlyItsSupervisorSeesIt()
    {
        using var client = factory.Client("kk");
        var text = "Suspicious car without plates " + Guid.NewGuid().ToString("N");
        var response = await client.PostAsJsonAsync("/api/v1/tips", new { categoryId = await factory.CategoryIdAsync("suspicious"), text, lat = AppealsClient.AlmalyLat, lon = AppealsClient.AlmalyLon });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("102", (await response.JsonAsync()).GetProperty("message").GetString());
        var (_, almaly) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var tips = await (await supervisor.GetAsync($"/api/v1/districts/{almaly}/tips")).JsonAsync();
        Assert.Contains(tips.EnumerateArray(), t => t.GetProperty("text").GetString() == text);
        var (_, otherDistrict) = await factory.BeatAtAsync("43.3300", "77.0000");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/api/v1/districts/{otherDistrict}/tips")).StatusCode);
    }

    private async Task<MultipartFormDataContent> MultipartAsync(string email, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, value) in new Dictionary<string, string>
                 {
                     ["kind"] = "complaint", ["categoryId"] = (await factory.CategoryIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                     ["text"] = "Broken street lamp and a fight every weekend", ["lat"] = "43.2510", ["lon"] = "76.9210",
                     ["name"] = "Photo Sender", ["email"] = email, ["consent"] = "true",
                 })
        {
            form.Add(new StringContent(value), field);
        }
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "attachments", name);
        }
        return form;
    }
}

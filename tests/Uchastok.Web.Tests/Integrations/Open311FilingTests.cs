using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Calendar;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Integrations;

/// <summary>A request posted through Open311 is an appeal like any other; a bad one is refused in the specification's format and leaves nothing behind.</summary>
public sealed class Open311FilingTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Post_ShowsUpInTheInspectorsQueue_WithTheLegalDueDate_AndTheApplicantIsNotified()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);

        var number = await client.FileOpen311Async(fields);

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var queue = await (await inspector.GetAsync("/api/v1/appeals")).JsonAsync();
        Assert.Contains(queue.EnumerateArray(), a => a.GetProperty("number").GetString() == number);
        var detail = await inspector.AppealAsync(number);
        Assert.Equal("assigned", detail.GetProperty("state").GetString());
        Assert.Equal("application", detail.GetProperty("kind").GetString());
        var received = DateOnly.Parse(detail.GetProperty("receivedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var calendar = new WorkingCalendar(KazakhstanHolidays.For(received.Year).Concat(KazakhstanHolidays.For(received.Year + 1)));
        var due = calendar.AddWorkingDays(received, 15);
        Assert.Equal(due.ToString("yyyy-MM-dd"), detail.GetProperty("dueDate").GetString());
        var published = (await (await client.GetAsync($"/open311/v2/requests/{number}.json")).JsonAsync())[0];
        Assert.StartsWith(due.ToString("yyyy-MM-dd") + "T23:59:59+05:00", published.GetProperty("expected_datetime").GetString(), StringComparison.Ordinal);
        Assert.Contains(await factory.DeliveredToAsync(fields["email"]), m => m.Body.Contains(number, StringComparison.Ordinal));
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Appeals.SingleAsync(a => a.Number == number);
        Assert.Equal(AppealChannel.Open311, stored.Channel);
        Assert.NotNull(stored.ApiKeyId);
    }

    [Fact]
    public async Task Post_WithoutAKey_WithAWrongOne_OrARevokedOne_Is403_AndNothingIsStored()
    {
        var key = await factory.CreateApiKeyAsync();
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var keys = await (await admin.GetAsync("/api/v1/admin/api-keys")).JsonAsync();
        var id = keys.EnumerateArray().Single(k => key.StartsWith(k.GetProperty("prefix").GetString()!, StringComparison.Ordinal)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/api-keys/{id}/revoke", null)).StatusCode);
        using var client = factory.Client();

        foreach (var secret in new[] { null, "uk_wrong", key })
        {
            var marker = Guid.NewGuid().ToString("N");
            var fields = Open311Client.ValidRequest(secret ?? string.Empty, marker);
            if (secret is null) fields.Remove("api_key");

            var response = await client.PostRequestAsync(fields);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("api_key", Assert.Single(await response.ErrorsAsync()), StringComparison.Ordinal);
            Assert.False(await StoredAsync(marker));
        }
    }

    [Fact]
    public async Task Post_UnknownServiceCode_Is404_AndAMissingOneIs400_AndNothingIsStored()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var marker = Guid.NewGuid().ToString("N");
        var unknown = Open311Client.ValidRequest(key, marker);
        unknown["service_code"] = "potholes";
        var missing = Open311Client.ValidRequest(key, marker);
        missing.Remove("service_code");

        var notFound = await client.PostRequestAsync(unknown);
        var notGiven = await client.PostRequestAsync(missing);

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("potholes", Assert.Single(await notFound.ErrorsAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notGiven.StatusCode);
        Assert.StartsWith("service_code:", Assert.Single(await notGiven.ErrorsAsync()), StringComparison.Ordinal);
        Assert.False(await StoredAsync(marker));
    }

    [Theory]
    [InlineData("abc", "76.9210")]
    [InlineData("95", "76.9210")]
    [InlineData("43.2510", "")]
    [InlineData("51.5007", "-0.1246")]
    public async Task Post_BadOrUnservedCoordinates_Is400_AndNothingIsStored(string lat, string lon)
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var marker = Guid.NewGuid().ToString("N");
        var fields = Open311Client.ValidRequest(key, marker);
        (fields["lat"], fields["long"]) = (lat, lon);

        var response = await client.PostRequestAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("lat/long:", Assert.Single(await response.ErrorsAsync()), StringComparison.Ordinal);
        Assert.False(await StoredAsync(marker));
    }

    [Fact]
    public async Task Post_MissingRequiredAttributes_IsRefusedNamingEachOne_InRussian_AndNothingIsStored()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client("ru");
        var marker = Guid.NewGuid().ToString("N");
        var fields = Open311Client.ValidRequest(key, marker);
        fields.Remove("attribute[about_police_officer]");
        fields.Remove("attribute[personal_data_consent]");
        fields["attribute[publish]"] = "maybe";

        var response = await client.PostRequestAsync(fields, "xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements("error").Select(e => e.Element("description")!.Value).ToList();
        Assert.Contains(errors, e => e.StartsWith("attribute[about_police_officer]: Этот атрибут обязателен", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("attribute[personal_data_consent]:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("attribute[publish]:", StringComparison.Ordinal) && e.Contains("maybe", StringComparison.Ordinal));
        Assert.False(await StoredAsync(marker));
    }

    [Fact]
    public async Task Post_SomeoneInDangerNow_IsRefusedWithTheEmergencyNumbers_InKazakh()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var marker = Guid.NewGuid().ToString("N");
        var fields = Open311Client.ValidRequest(key, marker);
        fields["attribute[danger_now]"] = "yes";
        fields["locale"] = "kk";

        var response = await client.PostRequestAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(await response.ErrorsAsync());
        Assert.Contains("102", error, StringComparison.Ordinal);
        Assert.Contains("112", error, StringComparison.Ordinal);
        Assert.Contains("қоңырау", error, StringComparison.Ordinal);
        Assert.False(await StoredAsync(marker));
    }

    [Fact]
    public async Task Post_NamelessOrWithoutContact_IsRefusedAsTheSiteRefusesIt()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var marker = Guid.NewGuid().ToString("N");
        var fields = Open311Client.ValidRequest(key, marker);
        fields.Remove("first_name");
        fields.Remove("last_name");
        fields.Remove("email");
        fields["attribute[iin]"] = "123456789012";

        var response = await client.PostRequestAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ErrorsAsync();
        Assert.Contains(errors, e => e.StartsWith("first_name/last_name:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("email:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("attribute[iin]:", StringComparison.Ordinal));
        Assert.False(await StoredAsync(marker));
    }

    [Fact]
    public async Task Post_ByAddressString_IsRoutedByTheGazetteer()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var address = await (await client.GetAsync("/api/v1/addresses?q=Tole bi")).JsonAsync();
        var first = address.EnumerateArray().First();
        var fields = Open311Client.ValidRequest(key);
        fields.Remove("lat");
        fields.Remove("long");
        fields["address_string"] = first.GetProperty("line").GetString()!;

        var number = await client.FileOpen311Async(fields);

        var published = (await (await client.GetAsync($"/open311/v2/requests/{number}.json")).JsonAsync())[0];
        Assert.EndsWith("Almaty", published.GetProperty("address").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AboutAPoliceOfficer_GoesToTheHeadOfTheDistrict_AsAComplaint()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);
        fields["service_code"] = "officer-conduct";
        fields["attribute[about_police_officer]"] = "yes";

        var number = await client.FileOpen311Async(fields);

        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var detail = await supervisor.AppealAsync(number);
        Assert.Equal("complaint", detail.GetProperty("kind").GetString());
        Assert.Equal("supervisor", detail.GetProperty("queue").GetString());
    }

    [Fact]
    public async Task Post_TwiceWithTheSameIdempotencyKey_FilesOneAppeal()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var marker = Guid.NewGuid().ToString("N");
        var fields = Open311Client.ValidRequest(key, marker);
        var idempotencyKey = Guid.NewGuid().ToString("N");

        var first = await client.PostRequestAsync(fields, idempotencyKey: idempotencyKey);
        var second = await client.PostRequestAsync(fields, idempotencyKey: idempotencyKey);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.JsonAsync())[0].GetProperty("service_request_id").GetString(), (await second.JsonAsync())[0].GetProperty("service_request_id").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Appeals.CountAsync(a => a.Text.Contains(marker)));
    }

    [Fact]
    public async Task Post_ForAnotherJurisdiction_Is404_AndThisOneIsAccepted()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var marker = Guid.NewGuid().ToString("N");
        var other = Open311Client.ValidRequest(key, marker);
        other["jurisdiction_id"] = "sfgov.org";
        var ours = Open311Client.ValidRequest(key);
        ours["jurisdiction_id"] = "almaty.uchastok.kz";

        var refused = await client.PostRequestAsync(other);
        var accepted = await client.PostRequestAsync(ours);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.StartsWith("jurisdiction_id:", Assert.Single(await refused.ErrorsAsync()), StringComparison.Ordinal);
        Assert.False(await StoredAsync(marker));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/services.json?jurisdiction_id=sfgov.org")).StatusCode);
    }

    [Fact]
    public async Task Post_WithAPhotoLink_KeepsItForTheStaffOnly()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);
        fields["media_url"] = "https://photos.example.kz/courtyard.jpg";

        var number = await client.FileOpen311Async(fields);

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var timeline = (await inspector.AppealAsync(number)).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, t => t.GetProperty("internal").GetBoolean() && t.GetProperty("text").GetString()!.Contains("https://photos.example.kz/courtyard.jpg", StringComparison.Ordinal));
        var published = await (await client.GetAsync($"/open311/v2/requests/{number}.json")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("photos.example.kz", published, StringComparison.Ordinal);
    }

    private async Task<bool> StoredAsync(string marker)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Appeals.AnyAsync(a => a.Text.Contains(marker));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Appeals;

/// <summary>The filing limits at their production defaults: 10 filings an hour per network address, 5 a day per contact.</summary>
public sealed class DefaultAppealLimitsFactory : UchastokAppFactory
{
    protected override bool AppealLimitsAtDefaults => true;
}

/// <summary>
/// Flooding a stranger: every filing names a contact that Uchastok then writes to. One address, one
/// number, sixty filings: only what the limits allow is stored, and the number gets one message.
/// </summary>
public sealed class AppealFloodingTests(DefaultAppealLimitsFactory factory) : IClassFixture<DefaultAppealLimitsFactory>
{
    [Fact]
    public async Task SixtyFilings_FromOneAddress_ToOneNumber_StoreFive_SendOneMessage_AndAreRefusedWithProblems()
    {
        var phone = ApplicantContactTests.NewPhone();
        using var client = factory.Client("en");
        var statuses = new List<(HttpStatusCode Status, string? Type, string? ContentType)>();
        for (var i = 0; i < 60; i++)
        {
            var body = await factory.AppealBodyAsync();
            body["email"] = null;
            body["phone"] = phone;
            var response = await client.PostAppealAsync(body);
            string? type = null;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                type = (await response.JsonAsync()).GetProperty("type").GetString();
            statuses.Add((response.StatusCode, type, response.Content.Headers.ContentType?.MediaType));
        }

        Assert.Equal(5, statuses.Count(s => s.Status == HttpStatusCode.Created));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s.Status));
        Assert.All(statuses.Skip(5), s => Assert.Equal("application/problem+json", s.ContentType));
        // Filings 6 to 10 reach the contact's limit; from the 11th the address's hour is used up.
        Assert.All(statuses.Skip(5).Take(5), s => Assert.EndsWith("Appeal.TooManyForContact", s.Type));
        Assert.All(statuses.Skip(10), s => Assert.EndsWith("Appeal.TooManyFromAddress", s.Type));
        Assert.Single(await factory.DeliveredToAsync(phone));

        // The same address is refused a tip, and the form, in the reader's language.
        var tip = await client.PostAsJsonAsync("/api/v1/tips", new { categoryId = await factory.CategoryIdAsync(), text = "Drug dealing at the corner", lat = AppealsClient.AlmalyLat, lon = AppealsClient.AlmalyLon });
        Assert.Equal(HttpStatusCode.TooManyRequests, tip.StatusCode);
        using var browser = factory.Client("ru");
        var page = await browser.GetStringAsync("/appeals/new");
        var form = await browser.PostAsync("/appeals/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page), ["anonymous"] = "true", ["text"] = "Шум", ["categoryId"] = "1",
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("Слишком много обращений", await form.Content.ReadAsStringAsync());
    }
}

/// <summary>
/// The contact's count is taken inside the filing's transaction, so a retry (same Idempotency-Key)
/// counts nothing: the retry of the filing that used up its contact's day is answered with that
/// filing, while a new filing naming the contact is refused.
/// </summary>
public sealed class AppealLimitRetryTests(DefaultAppealLimitsFactory factory) : IClassFixture<DefaultAppealLimitsFactory>
{
    [Fact]
    public async Task RetryOfTheFilingThatReachedTheContactsLimit_IsAnsweredWithIt_WhileANewFilingIsRefused()
    {
        var phone = ApplicantContactTests.NewPhone();
        using var client = factory.Client("en");
        async Task<Dictionary<string, object?>> BodyAsync()
        {
            var body = await factory.AppealBodyAsync();
            body["email"] = null;
            body["phone"] = phone;
            return body;
        }
        var (lastBody, lastKey, lastNumber) = (default(Dictionary<string, object?>), string.Empty, (string?)null);
        for (var i = 0; i < 5; i++)
        {
            (lastBody, lastKey) = (await BodyAsync(), Guid.NewGuid().ToString());
            var filed = await client.PostAppealAsync(lastBody, lastKey);
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            lastNumber = (await filed.JsonAsync()).GetProperty("number").GetString();
        }

        var sixth = await client.PostAppealAsync(await BodyAsync(), Guid.NewGuid().ToString());
        var retry = await client.PostAppealAsync(lastBody!, lastKey);
        var reused = await client.PostAppealAsync(await BodyAsync(), lastKey);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(lastNumber, (await retry.JsonAsync()).GetProperty("number").GetString());
        // The same key with another request is refused for the key, as below the limit.
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.True((await reused.JsonAsync()).HasError("idempotencyKey"));
    }
}

/// <summary>An unconfirmed contact gets one message a day; the code in the first one confirms it, and then every step is told.</summary>
public sealed class ApplicantContactTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    public static string NewPhone() => "+7701" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(string Number, string Token)> FileWithPhoneAsync(HttpClient client, string phone)
    {
        var body = await factory.AppealBodyAsync();
        body["email"] = null;
        body["phone"] = phone;
        var (number, token, _) = await factory.FileAppealAsync(client, body);
        return (number, token);
    }

    [Fact]
    public async Task UnconfirmedNumber_GetsOneMessageADay_ConfirmedWithTheCodeSentOnce_ThenEveryStep()
    {
        var phone = NewPhone();
        using var guest = factory.Client("ru");
        var (number, token) = await FileWithPhoneAsync(guest, phone);
        var (second, _) = await FileWithPhoneAsync(guest, phone);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(number, "start")).StatusCode);

        // One message today: the first registration, which carries the code; the second filing and the step are not sent.
        var sms = Assert.Single(await factory.DeliveredToAsync(phone));
        Assert.Contains(number, sms.Subject + sms.Body);
        Assert.DoesNotContain(second, sms.Subject + sms.Body);
        var code = await factory.ContactCodeAsync(phone);
        Assert.Contains($"/appeals/track/{token}?confirm={code}", sms.Body);

        // The tracking page asks for it; a wrong code is refused.
        Assert.Contains("id=\"confirm-contact\"", await guest.GetStringAsync($"/appeals/track/{token}"));
        var wrong = await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/contact/confirm", new { code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        await factory.ConfirmContactAsync(guest, token, phone);
        Assert.DoesNotContain("id=\"confirm-contact\"", await guest.GetStringAsync($"/appeals/track/{token}"));

        // Confirmed: the answer reaches the number the same day.
        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(number, "answer", new { answer = "Поговорили с соседями." })).StatusCode);
        var messages = await factory.DeliveredToAsync(phone);
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Subject == $"{number}: дан ответ");
    }

    [Fact]
    public async Task ConfirmationCode_FiveWrongTries_SpendIt_AndAnUnknownTokenIsNotFound()
    {
        var email = $"typo-{Guid.NewGuid():N}@test.kz";
        using var guest = factory.Client("en");
        var (_, token, _) = await factory.FileAppealAsync(guest, await factory.AppealBodyAsync(email: email));
        var code = await factory.ContactCodeAsync(email);
        var other = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/contact/confirm", new { code = other })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await guest.PostAsJsonAsync($"/api/v1/appeals/track/{token}/contact/confirm", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.PostAsJsonAsync("/api/v1/appeals/track/no-such-token/contact/confirm", new { code })).StatusCode);
    }

    [Fact]
    public async Task SignedInResident_WithAConfirmedAccountEmail_IsToldEveryStep()
    {
        using var resident = await factory.SignedInAsync("resident1@demo.kz");
        var body = await factory.AppealBodyAsync();
        body["email"] = null;
        var (number, _, _) = await factory.FileAppealAsync(resident, body);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(number, "start")).StatusCode);
        var messages = (await factory.DeliveredToAsync("resident1@demo.kz")).Where(m => m.Subject.Contains(number, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.DoesNotContain(messages, m => m.Body.Contains("?confirm=", StringComparison.Ordinal));
    }
}

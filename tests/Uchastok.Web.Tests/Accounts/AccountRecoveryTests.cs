using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>The host with the per-network limit on recovery pages out of the way of tests that post many times.</summary>
public sealed class GenerousRecoveryFactory : UchastokAppFactory
{
    public GenerousRecoveryFactory() => Settings = new Dictionary<string, string> { ["Accounts:RecoveryPerHour"] = "1000" };
}

/// <summary>The host with the limit as low as a test can reach.</summary>
public sealed class StrictRecoveryFactory : UchastokAppFactory
{
    public StrictRecoveryFactory() => Settings = new Dictionary<string, string> { ["Accounts:RecoveryPerHour"] = "2" };
}

public sealed class AccountRecoveryLimitTests(StrictRecoveryFactory factory) : IClassFixture<StrictRecoveryFactory>
{
    [Fact]
    public async Task RecoveryPages_RefuseAThirdRequestFromOneNetworkInAnHour_InTheReadersLanguage()
    {
        using var browser = factory.Client("ru");
        var page = await browser.GetStringAsync("/account/forgot");
        var token = CookieSession.AntiforgeryToken(page);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
            last = await browser.PostAsync("/account/forgot", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = $"x{i}@test.kz", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("слишком много", await last.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostAsync("/appeals/recover", new FormUrlEncodedContent(new Dictionary<string, string> { ["number"] = "ALM-2026-000001", ["contact"] = "a@test.kz", ["__RequestVerificationToken"] = token }))).StatusCode);
    }
}

/// <summary>A forgotten password and a lost tracking link, through the pages a person uses.</summary>
public sealed partial class AccountRecoveryTests(GenerousRecoveryFactory factory) : IClassFixture<GenerousRecoveryFactory>
{
    [Fact]
    public async Task ForgottenPassword_TheEmailedLinkSetsANewOne_OnlyOnce_AndTellsNobodyWhoHasAnAccount()
    {
        var email = $"forgetful-{Guid.NewGuid():N}@test.kz";
        using var api = factory.Client("ru");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Асель", email, password = "Demo123!", language = "ru" })).StatusCode);

        using var browser = factory.Client("ru");
        var asked = await PostFormAsync(browser, "/account/forgot", new() { ["login"] = email });
        var unknown = await PostFormAsync(browser, "/account/forgot", new() { ["login"] = $"nobody-{Guid.NewGuid():N}@test.kz" });
        Assert.Equal(Sent(await asked.Content.ReadAsStringAsync()), Sent(await unknown.Content.ReadAsStringAsync()));

        var message = Assert.Single(await factory.DeliveredToAsync(email));
        Assert.Contains("пароль", message.Body);
        var link = new Uri(LinkPattern().Match(message.Body).Value);
        var path = link.PathAndQuery;
        var page = await browser.GetStringAsync(path);
        var form = new Dictionary<string, string>
        {
            ["user"] = Regex.Match(page, "name=\"user\" value=\"([^\"]+)\"").Groups[1].Value,
            ["token"] = Regex.Match(page, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value,
            ["password"] = "Fresh456#", ["repeat"] = "Fresh457#",
        };
        var mismatch = await PostFormAsync(browser, path, form);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        form["repeat"] = "Fresh456#";
        var done = await PostFormAsync(browser, path, form);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("id=\"reset-done\"", await done.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Fresh456#" })).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Demo123!" })).StatusCode);
        form["password"] = form["repeat"] = "Other789$";
        var again = await PostFormAsync(browser, path, form);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("id=\"reset-errors\"", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LostTrackingLink_ACodeSentToTheAppealsOwnContact_OpensIt_AndWrongTriesSpendTheCode()
    {
        var email = $"lost-{Guid.NewGuid():N}@test.kz";
        using var guest = factory.Client("kk");
        var (number, token, _) = await factory.FileAppealAsync(guest, await factory.AppealBodyAsync(email: email));
        // A confirmed contact: one nobody confirmed gets one message a day, and the registration was today's (see ApplicantContactTests).
        await factory.ConfirmContactAsync(guest, token, email);

        using var browser = factory.Client("kk");
        await PostFormAsync(browser, "/appeals/recover", new() { ["number"] = number, ["contact"] = $"someone-{Guid.NewGuid():N}@test.kz" });
        Assert.DoesNotContain(await factory.DeliveredToAsync(email), m => m.Body.Contains("код", StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("растау"));

        await PostFormAsync(browser, "/appeals/recover", new() { ["number"] = number.ToLowerInvariant(), ["contact"] = email.ToUpperInvariant() });
        var codeMessage = Assert.Single(await factory.DeliveredToAsync(email), m => m.Subject.Contains("растау", StringComparison.Ordinal));
        var code = Code(codeMessage.Body);

        var wrong = await PostFormAsync(browser, "/appeals/recover?handler=Code", new() { ["number"] = number, ["code"] = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var right = await PostFormAsync(browser, "/appeals/recover?handler=Code", new() { ["number"] = number, ["code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal($"/appeals/track/{token}", right.Headers.Location!.OriginalString);
        // Used once.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(browser, "/appeals/recover?handler=Code", new() { ["number"] = number, ["code"] = code })).StatusCode);

        // A fresh code, then five wrong tries: the right one no longer opens anything.
        await PostFormAsync(browser, "/appeals/recover", new() { ["number"] = number, ["contact"] = email });
        var second = Code((await factory.DeliveredToAsync(email)).Where(m => m.Subject.Contains("растау", StringComparison.Ordinal)).OrderBy(m => m.Id).Last().Body);
        for (var i = 0; i < 5; i++)
            await PostFormAsync(browser, "/appeals/recover?handler=Code", new() { ["number"] = number, ["code"] = second == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(browser, "/appeals/recover?handler=Code", new() { ["number"] = number, ["code"] = second })).StatusCode);

        // Three codes a day at most, whoever asks.
        await PostFormAsync(browser, "/appeals/recover", new() { ["number"] = number, ["contact"] = email });
        await PostFormAsync(browser, "/appeals/recover", new() { ["number"] = number, ["contact"] = email });
        Assert.Equal(3, (await factory.DeliveredToAsync(email)).Count(m => m.Subject.Contains("растау", StringComparison.Ordinal)));
    }

    /// <summary>The code in a message: the six digits after the colon (the appeal's number has six digits too).</summary>
    private static string Code(string body) => Regex.Match(body, @":\s*(\d{6})\b").Groups[1].Value;

    private static string Sent(string page) => Regex.Match(page, "id=\"reset-sent\">([^<]+)<").Groups[1].Value;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path.Split('?')[0] + (path.Contains("user=", StringComparison.Ordinal) ? "?" + path.Split('?')[1] : ""));
        fields["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

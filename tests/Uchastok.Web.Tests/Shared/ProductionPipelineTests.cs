using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// The host as production runs it, on Kestrel: a failure answers 500 (problem details on the API,
/// the error page on pages) for a GET and a POST alike; a body over the server's limit answers
/// 413; HSTS is sent over TLS; no Server header.
/// </summary>
public sealed class ProductionPipelineTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task ApiFailure_OnAGet_Answers500ProblemDetailsInTheReadersLanguage()
    {
        using var client = factory.Client("ru");
        client.DefaultRequestHeaders.Add(ProductionAppFactory.FailHeader, "1");

        var response = await client.GetAsync("/api/v1/appeals/track/not-a-real-token");

        await AssertProblem500Async(response, "Что-то пошло не так");
    }

    [Fact]
    public async Task ApiFailure_OnAPost_Answers500ProblemDetails()
    {
        using var client = factory.Client("en");
        client.DefaultRequestHeaders.Add(ProductionAppFactory.FailHeader, "1");

        var response = await client.PostAsync("/api/v1/auth/login", new StringContent("""{"email":"admin@demo.kz","password":"wrong-password"}""", Encoding.UTF8, "application/json"));

        await AssertProblem500Async(response, "Something went wrong");
    }

    [Fact]
    public async Task PageFailure_OnAGet_ShowsTheErrorPageWith500()
    {
        using var client = factory.Client("kk");
        client.DefaultRequestHeaders.Add(ProductionAppFactory.FailHeader, "1");

        var response = await client.GetAsync("/appeals/track/not-a-real-token");

        await AssertErrorPage500Async(response, "Бірдеңе дұрыс болмады");
    }

    [Fact]
    public async Task PageFailure_OnAFormPost_ShowsTheErrorPageWith500_NotAnAntiforgery400()
    {
        using var client = factory.Client("ru");
        var form = await client.GetStringAsync("/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["login"] = "admin@demo.kz", ["password"] = "wrong-password", ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(form),
            }),
        };
        request.Headers.Add(ProductionAppFactory.FailHeader, "1");

        var response = await client.SendAsync(request);

        await AssertErrorPage500Async(response, "Что-то пошло не так");
    }

    /// <summary>An appeal with a 32 MB photo: over Kestrel's 30 MB and the form's 30 MiB.</summary>
    private static MultipartFormDataContent OverTheLimit(string? antiforgeryToken)
    {
        var body = new MultipartFormDataContent();
        if (antiforgeryToken is not null) body.Add(new StringContent(antiforgeryToken), "__RequestVerificationToken");
        body.Add(new StringContent("application"), "kind");
        body.Add(new ByteArrayContent(new byte[32 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "attachments", "big.jpg");
        return body;
    }

    private static async Task AssertProblem500Async(HttpResponseMessage response, string title)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("nobody foresaw", body, StringComparison.Ordinal);
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    private static async Task AssertErrorPage500Async(HttpResponseMessage response, string title)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-title\"", page, StringComparison.Ordinal);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody foresaw", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppealFormOverTheSizeLimit_Answers413WithAPageInTheReadersLanguage()
    {
        using var client = factory.Client("ru");
        var form = await client.GetStringAsync("/appeals/new");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/appeals/new") { Content = OverTheLimit(CookieSession.AntiforgeryToken(form)) };
        // As curl and phone apps send a large body: the server refuses it from its length, before it is sent.
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);


        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Слишком большой запрос", page, StringComparison.Ordinal);
        Assert.Contains("30 МБ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppealApiOverTheSizeLimit_Answers413ProblemDetails()
    {
        using var client = factory.Client("en");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appeals") { Content = OverTheLimit(null) };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too large", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OverTls_StrictTransportSecurityIsSent_AndOverPlainHttpItIsNot()
    {
        using var client = factory.Client();
        // As a TLS-terminating proxy on the same machine forwards a request (X-Forwarded-Proto from loopback is believed).
        using var secure = new HttpRequestMessage(HttpMethod.Get, "/");
        secure.Headers.Host = "uchastok.example.kz";
        secure.Headers.Add("X-Forwarded-Proto", "https");
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/");
        plain.Headers.Host = "uchastok.example.kz";

        var overTls = await client.SendAsync(secure);
        var overHttp = await client.SendAsync(plain);

        Assert.Equal("max-age=31536000", string.Join(",", overTls.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Kestrel_SendsNoServerHeader()
    {
        using var client = factory.Client();

        var response = await client.GetAsync("/api/v1/about");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}

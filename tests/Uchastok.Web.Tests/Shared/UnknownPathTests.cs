using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// An address that does not exist is a 404 for everyone — a problem under /api, a page elsewhere —
/// not a 401 or a sign-in form that hints it does.
/// </summary>
public sealed class UnknownPathTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing")]
    [InlineData("POST", "/api/v1/no-such-thing")]
    [InlineData("DELETE", "/api/v1/nothing/here/at/all")]
    [InlineData("GET", "/api/v2/appeals")]
    public async Task Anonymous_Gets404ProblemDetailsInTheirLanguage(string method, string path)
    {
        using var client = factory.Client("kk");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Табылмады", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task SignedInWithTheCookie_Gets404ProblemDetails()
    {
        using var client = await factory.SignedInWithCookieAsync("inspector1@demo.kz", language: "ru");

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Не найдено", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task KnownPathWithAWrongMethod_Answers405ProblemDetails_AndAKnownProtectedPathStill401()
    {
        using var client = factory.Client("en");

        var wrongMethod = await client.DeleteAsync("/api/v1/about");
        var protectedPath = await client.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, protectedPath.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/no-such-page")]
    [InlineData("POST", "/no/such/page")]
    [InlineData("GET", "/apple-touch-icon.png")]
    public async Task AnonymousInABrowser_GetsTheNotFoundPageInTheirLanguage_NotTheSignInForm(string method, string path)
    {
        using var client = factory.Client("kk");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Табылмады", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"password\"", page, StringComparison.Ordinal);
        // The sign-in form is what would have replaced the antiforgery cookie of a page being loaded beside it.
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.Contains("Antiforgery", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheIconBrowsersAskFor_IsServed_AndAKnownStaffPageStillAsksToSignIn()
    {
        using var client = factory.Client("ru");

        var icon = await client.GetAsync("/favicon.ico");
        var staffPage = await client.GetAsync("/appeals/queue");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.Contains("/account/login", staffPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

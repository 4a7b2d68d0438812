using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>An address under /api/v1 that does not exist is a 404 problem for everyone, not a 401 that hints it does.</summary>
public sealed class UnknownApiPathTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
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
}

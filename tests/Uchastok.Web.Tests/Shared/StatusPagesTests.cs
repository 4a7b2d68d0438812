using System.Net;
using System.Net.Http.Headers;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>A bare status code never reaches a person or a client in English only: pages and problem details speak the reader's language.</summary>
public sealed class StatusPagesTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task MistypedTrackingLink_ShowsANotFoundPageInRussian_WithTheStatus404()
    {
        using var browser = factory.Client("ru");
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await browser.GetAsync("/appeals/track/not-a-real-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Не найдено", page, StringComparison.Ordinal);
        Assert.Contains("ссылке отслеживания", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiWithoutSignIn_Answers401ProblemDetailsInKazakh()
    {
        using var client = factory.Client("kk");

        var response = await client.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("Кіру қажет", problem.GetProperty("title").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UnknownApiPath_Answers404ProblemDetailsInRussian()
    {
        // Signed in with a bearer token; anonymous and cookie callers: UnknownPathTests.
        using var client = await factory.SignedInAsync("resident1@demo.kz", language: "ru");

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Не найдено", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AppealWithAValueOfTheWrongType_IsRefusedNamingThatField()
    {
        using var client = factory.Client("en");
        using var content = new StringContent("""{"kind":"application","lat":"north of the park","lon":76.92}""");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/v1/appeals", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.HasError("lat"));
        Assert.Contains("wrong type", problem.GetProperty("errors").GetProperty("lat")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionWithAnUnreadableBody_Answers400ProblemDetailsInKazakh()
    {
        using var client = factory.Client();
        var (number, _, _) = await factory.FileAppealAsync(client);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "kk");
        using var content = new StringContent("{ not json");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await inspector.PostAsync($"/api/v1/appeals/{number}/answer", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("Сұрау дұрыс емес", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }
}

using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>Choosing a language returns to the page the person was on, and only to a page of this site.</summary>
public sealed class LanguageChoiceTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/appeals/new%0D%0ASet-Cookie:%20x=1")]
    [InlineData("/%0A")]
    [InlineData("//evil.example")]
    public async Task LanguageChoice_WithAControlCharacterInReturnUrl_RedirectsHome(string returnUrl)
    {
        using var client = factory.Client();

        var response = await client.GetAsync($"/culture/ru?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LanguageChoice_ReturnsToAnOrdinaryLocalPage()
    {
        using var client = factory.Client();

        var response = await client.GetAsync($"/culture/ru?returnUrl={Uri.EscapeDataString("/appeals/new?lat=43.25")}");

        Assert.Equal("/appeals/new?lat=43.25", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LanguageChoice_IsKeptForAYear_CountedByTheBrowser_NotFromTheServersClock()
    {
        using var client = factory.Client();

        var response = await client.GetAsync("/culture/en?returnUrl=%2F");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("c%3Den%7Cuic%3Den", cookie, StringComparison.Ordinal);
    }
}

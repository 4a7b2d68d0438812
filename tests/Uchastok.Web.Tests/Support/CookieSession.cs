using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Uchastok.Web.Tests.Support;

/// <summary>
/// Signs in through the site's login form, as a browser does, keeping cookies and the antiforgery
/// token. Like a page's script, the session sends the signed-in page's token in the
/// <c>RequestVerificationToken</c> header with its changes to <c>/api</c>, and only there: a form
/// posted to a page carries its own token.
/// </summary>
public static partial class CookieSession
{
    /// <param name="apiToken">False for a session that, like a form another site posts, sends no token to the API.</param>
    public static async Task<HttpClient> SignedInWithCookieAsync(
        this UchastokAppFactory factory, string email, string password = ApiClient.DemoPassword, string language = "en", bool apiToken = true)
    {
        var antiforgery = new ApiAntiforgeryHeader();
        var client = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, antiforgery, new CookieContainerHandler());
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (apiToken) antiforgery.Token = PageToken(await client.GetStringAsync("/"));
        return client;
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    /// <summary>The token a signed-in page offers its scripts (the <c>request-verification-token</c> meta tag).</summary>
    public static string PageToken(string html) =>
        MetaPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No request-verification-token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaPattern();

    /// <summary>Adds the token to changes sent to <c>/api</c>, once it is known.</summary>
    private sealed class ApiAntiforgeryHeader : DelegatingHandler
    {
        public string? Token { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var change = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options;
            if (Token is not null && change && !request.Headers.Contains("RequestVerificationToken") && request.RequestUri is { } uri && uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
                request.Headers.TryAddWithoutValidation("RequestVerificationToken", Token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

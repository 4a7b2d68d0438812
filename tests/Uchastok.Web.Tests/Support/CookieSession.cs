using System.Net;
using System.Text.RegularExpressions;

namespace Uchastok.Web.Tests.Support;

/// <summary>Signs in through the site's login form, as a browser does, keeping cookies and the antiforgery token.</summary>
public static partial class CookieSession
{
    public static async Task<HttpClient> SignedInWithCookieAsync(this UchastokAppFactory factory, string email, string password = ApiClient.DemoPassword, string language = "en")
    {
        var client = factory.Client(language);
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

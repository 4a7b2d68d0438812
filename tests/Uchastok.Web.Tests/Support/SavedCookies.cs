using System.Net;
using System.Text.RegularExpressions;

namespace Uchastok.Web.Tests.Support;

/// <summary>
/// A browser's cookies kept by hand, so that a test can save the sign-in cookie at one moment and
/// present it again later, as someone who copied it would.
/// </summary>
public sealed partial class SavedCookies
{
    private readonly Dictionary<string, string> _cookies = [];

    public string? this[string name] => _cookies.GetValueOrDefault(name);

    /// <summary>A client that sends no cookies of its own: each request carries what <see cref="SendAsync"/> adds.</summary>
    public static HttpClient Client(UchastokAppFactory factory, string language = "en")
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = factory.ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
        return client;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';')[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                if (value.Length == 0 || Expired().IsMatch(setCookie)) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        return response;
    }

    /// <summary>Signs in through the login page and returns the cookies a browser would then hold.</summary>
    public static async Task<SavedCookies> SignInAsync(HttpClient client, string login, string password = ApiClient.DemoPassword)
    {
        var cookies = new SavedCookies();
        var form = await (await cookies.SendAsync(client, HttpMethod.Get, "/account/login")).Content.ReadAsStringAsync();
        var response = await cookies.SendAsync(client, HttpMethod.Post, "/account/login", new()
        {
            ["login"] = login, ["password"] = password, ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(form),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(cookies["uchastok.auth"]);
        return cookies;
    }

    public SavedCookies Copy()
    {
        var copy = new SavedCookies();
        foreach (var (name, value) in _cookies) copy._cookies[name] = value;
        return copy;
    }

    [GeneratedRegex("expires=Thu, 01 Jan 1970", RegexOptions.IgnoreCase)]
    private static partial Regex Expired();
}

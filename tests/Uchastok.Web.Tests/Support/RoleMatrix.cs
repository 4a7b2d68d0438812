using System.Globalization;
using System.Net;

namespace Uchastok.Web.Tests.Support;

/// <summary>
/// The runner of the authorization matrices: every caller (a column) against every route or page (a row). A class
/// states its callers, its rows and the data they point at; this makes the theory rows, signs each caller in, sends the
/// request and checks the answer, so that every matrix asks and asserts in the same way.
/// </summary>
/// <remarks>
/// A caller is "anonymous", a demo account's e-mail, or a name the rows use for an account the fixture made
/// ("partner", "duty"), given as a stand-in with its e-mail.
/// </remarks>
public static class RoleMatrix
{
    public const string Anonymous = "anonymous";

    /// <summary>The theory rows (caller, method, path, expected) of routes whose expectations follow the callers' order.</summary>
    public static TheoryData<string, string, string, HttpStatusCode> Rows(
        IReadOnlyList<string> callers, IEnumerable<(string Method, string Path, HttpStatusCode[] Expected)> routes)
    {
        var data = new TheoryData<string, string, string, HttpStatusCode>();
        foreach (var (method, path, expected) in routes)
            for (var i = 0; i < callers.Count; i++) data.Add(callers[i], method, path, expected[i]);
        return data;
    }

    /// <summary>The theory rows (caller, path, expected) of GET routes whose expectations follow the callers' order.</summary>
    public static TheoryData<string, string, HttpStatusCode> Rows(IReadOnlyList<string> callers, IEnumerable<(string Path, HttpStatusCode[] Expected)> routes)
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var (path, expected) in routes)
            for (var i = 0; i < callers.Count; i++) data.Add(callers[i], path, expected[i]);
        return data;
    }

    /// <summary>The theory rows (caller, path, answer) of pages whose answers, one a caller and split by spaces, follow the callers' order.</summary>
    public static TheoryData<string, string, string> PageRows(IReadOnlyList<string> callers, IEnumerable<(string Path, string Answers)> pages)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, answers) in pages)
        {
            var codes = answers.Split(' ');
            for (var i = 0; i < callers.Count; i++) data.Add(callers[i], path, codes[i]);
        }
        return data;
    }

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="url"/> as the caller (a bearer token) with <paramref name="body"/> on
    /// anything but GET, and checks the status; the message names the caller, the request and the answer's body.
    /// </summary>
    public static async Task AssertRouteAsync(this UchastokAppFactory factory, string who, string method, string url, HttpStatusCode expected,
        HttpContent? body = null, params (string Who, string Email)[] standIns)
    {
        using var client = who == Anonymous ? factory.Client() : await factory.SignedInAsync(Account(who, standIns));
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var unsent = method == "GET" ? body : null;
        if (method != "GET") request.Content = body;

        var response = await client.SendAsync(request);

        Assert.True(expected == response.StatusCode, $"{who} {method} {url}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Opens the page as the caller, signed in through the login form, and checks the answer: "login" and "denied" are
    /// the sign-in cookie's redirects (to the login and the access-denied page), a number the page's own status.
    /// </summary>
    public static async Task AssertPageAsync(this UchastokAppFactory factory, string who, string url, string expected, params (string Who, string Email)[] standIns)
    {
        using var client = who == Anonymous ? factory.Client() : await factory.SignedInWithCookieAsync(Account(who, standIns));

        var response = await client.GetAsync(url);

        if (expected is "login" or "denied")
        {
            Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"{who} {url}: expected a redirect, got {(int)response.StatusCode}");
            var location = response.Headers.Location!;
            Assert.StartsWith(expected == "login" ? "/account/login" : "/account/access-denied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
        else Assert.True((HttpStatusCode)int.Parse(expected, CultureInfo.InvariantCulture) == response.StatusCode, $"{who} {url}: expected {expected}, got {(int)response.StatusCode}");
    }

    private static string Account(string who, (string Who, string Email)[] standIns)
    {
        foreach (var standIn in standIns)
            if (standIn.Who == who) return standIn.Email;
        return who;
    }
}

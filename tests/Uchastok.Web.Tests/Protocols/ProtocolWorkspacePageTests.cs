using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>
/// The workspace's pages — its home (<c>/workspace</c>: copies of the day, files, register and appeals) and the protocol
/// workspace — and what makes them installable and offline (issue 18, ADR 0013): who may open each page (the
/// drafters; the administrator 403 as on the API; everyone else 404), that a shell carries no one's name, and
/// that the service worker, the manifest and its icons are served with the types and caching a browser needs.
/// </summary>
public sealed class ProtocolWorkspacePageTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private static readonly (string Who, HttpStatusCode Expected)[] CallerRows =
    [
        ("anonymous", HttpStatusCode.Redirect),
        ("resident1@demo.kz", HttpStatusCode.NotFound),
        ("partner", HttpStatusCode.NotFound),
        ("inspector1@demo.kz", HttpStatusCode.OK),
        ("inspector2@demo.kz", HttpStatusCode.OK),
        ("juvenile.almaly@demo.kz", HttpStatusCode.OK),
        ("women.almaly@demo.kz", HttpStatusCode.OK),
        ("supervisor.almaly@demo.kz", HttpStatusCode.NotFound),
        ("admin@demo.kz", HttpStatusCode.Forbidden),
    ];

    public static TheoryData<string, string, HttpStatusCode> Callers()
    {
        var rows = new TheoryData<string, string, HttpStatusCode>();
        foreach (var page in new[] { "/workspace", "/protocols/workspace" })
            foreach (var (who, expected) in CallerRows) rows.Add(page, who, expected);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task WorkspacePages_EachCaller_GetsWhatItsPositionAllows(string page, string who, HttpStatusCode expected)
    {
        using var client = who switch
        {
            "anonymous" => factory.Client(),
            "partner" => await factory.SignedInWithCookieAsync(await factory.CreateStaffAsync("Partner", null)),
            _ => await factory.SignedInWithCookieAsync(who),
        };

        var response = await client.GetAsync(page);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect) Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/workspace", "workspace-home.js")]
    [InlineData("/protocols/workspace", "protocol-workspace.js")]
    public async Task WorkspacePages_TheShell_CarriesNoNameAndLinksTheManifest(string page, string script)
    {
        using var client = await factory.SignedInWithCookieAsync("inspector1@demo.kz");
        var me = await (await client.GetAsync("/api/v1/auth/me")).Content.ReadFromJsonAsync<JsonElement>();

        var html = await client.GetStringAsync(page);

        Assert.DoesNotContain(me.GetProperty("name").GetString()!, html, StringComparison.Ordinal);
        // Nor the officer's id (the link to his own evaluation names it).
        Assert.DoesNotContain("/evaluation/inspector/", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\"", html, StringComparison.Ordinal);
        Assert.Contains(script, html, StringComparison.Ordinal);
        // The profile page, which is not kept offline, still names the account.
        Assert.Contains(me.GetProperty("name").GetString()!, await client.GetStringAsync("/account/profile"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sw.js", "text/javascript", "no-cache")]
    [InlineData("/manifest.webmanifest", "application/manifest+json", "public")]
    [InlineData("/img/icon-192.png", "image/png", "public")]
    [InlineData("/img/icon-512.png", "image/png", "public")]
    [InlineData("/js/workspace-store.js", "text/javascript", "no-cache")]
    [InlineData("/js/protocol-rules.js", "text/javascript", "no-cache")]
    [InlineData("/js/protocol-workspace.js", "text/javascript", "public")]
    [InlineData("/js/workspace-home.js", "text/javascript", "public")]
    public async Task OfflineFiles_AreServedWithTheirTypes_ToAnyone(string path, string type, string caching)
    {
        using var client = factory.Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(caching, response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        // A worker runs under the page's policy: script-src 'self' (worker-src falls back to it) and manifests from 'self'.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_StartsAtTheWorkspace_Standalone_WithIconsOf192And512()
    {
        using var client = factory.Client();

        var manifest = await client.GetFromJsonAsync<JsonElement>("/manifest.webmanifest");

        Assert.Equal("/workspace", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Equal("Uchastok", manifest.GetProperty("short_name").GetString());
        var sizes = manifest.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("sizes").GetString()).ToList();
        Assert.Contains("192x192", sizes);
        Assert.Contains("512x512", sizes);
    }
}

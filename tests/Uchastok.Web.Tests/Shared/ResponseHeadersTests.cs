using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>Every answer — a page, an API answer, a static file, an error — carries the headers that keep the browser strict.</summary>
public sealed class ResponseHeadersTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/appeals/new")]
    [InlineData("/api/v1/about")]
    [InlineData("/css/site.css")]
    [InlineData("/js/map-base.js")]
    [InlineData("/no-such-page")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task EveryResponse_CarriesThePolicyAndTheFrameAndSniffingHeaders(string path)
    {
        using var client = factory.Client();

        var response = await client.GetAsync(path);

        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Theory]
    [InlineData("/account/profile", true)]
    [InlineData("/prevention", true)]
    [InlineData("/api/v1/auth/me", true)]
    [InlineData("/api/v1/appeals", true)]
    [InlineData("/js/map-base.js", false)]
    public async Task WhatASignedInPersonIsShown_IsNotKeptInTheBrowsersCache_UnlessItSaysHowToBeCached(string path, bool noStore)
    {
        using var client = await factory.SignedInWithCookieAsync("inspector1@demo.kz");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(noStore, response.Headers.CacheControl?.NoStore == true);
        if (!noStore) Assert.True(response.Headers.CacheControl?.Public);
        // The same page for nobody in particular is not marked.
        if (path == "/account/profile") Assert.Null((await factory.Client().GetAsync("/")).Headers.CacheControl);
    }

    [Fact]
    public async Task SignedInPageWithForms_IsNotFrameableEither()
    {
        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz");

        var response = await admin.GetAsync("/appeals/queue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public void Kestrel_DoesNotNameItself()
    {
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.kz/{z}/{x}/{y}.png", "https://*.tile.example.kz")]
    [InlineData("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("https://{server}.maps.example/{z}/{x}/{y}.png", "https:")]
    public void Policy_LetsImagesComeFromTheConfiguredTileServerOnly(string? tiles, string? expected)
    {
        var policy = SecurityHeaders.Policy(tiles);
        var images = policy.Split(';').Single(d => d.Trim().StartsWith("img-src", StringComparison.Ordinal)).Trim();
        Assert.Equal(expected is null ? "img-src 'self' data: blob:" : $"img-src 'self' data: blob: {expected}", images);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");
}

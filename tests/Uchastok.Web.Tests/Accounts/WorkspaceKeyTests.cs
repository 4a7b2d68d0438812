using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>
/// The key of the offline workspace (ADR 0013): released to a signed-in account only, never cached, the same
/// at every sign-in of the account (cookie or bearer) and different for another account, with the end of the
/// session that asked. On SQLite, and on PostgreSQL with <c>UCHASTOK_TEST_DB=postgres</c>.
/// </summary>
public sealed class WorkspaceKeyTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string Route = "/api/v1/auth/workspace-key";

    public static TheoryData<string, HttpStatusCode> Callers() => new()
    {
        { "anonymous", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", HttpStatusCode.OK },
        { "inspector1@demo.kz", HttpStatusCode.OK },
        { "juvenile.almaly@demo.kz", HttpStatusCode.OK },
        { "women.almaly@demo.kz", HttpStatusCode.OK },
        { "supervisor.almaly@demo.kz", HttpStatusCode.OK },
        { "admin@demo.kz", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task WorkspaceKey_EachCaller_GetsItOnlyWhenSignedIn(string who, HttpStatusCode expected)
    {
        using var client = who == "anonymous" ? factory.Client() : await factory.SignedInAsync(who);

        var response = await client.GetAsync(Route);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task WorkspaceKey_ByCookie_Is32BytesOfTheDeploymentsKeyedHash_WithTheSessionsEnd()
    {
        using var client = await factory.SignedInWithCookieAsync("inspector1@demo.kz");

        var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var userId = body.GetProperty("userId").GetString()!;
        var key = Convert.FromBase64String(body.GetProperty("key").GetString()!);
        Assert.Equal(32, key.Length);
        var hashes = factory.Services.GetRequiredService<SearchHashes>();
        Assert.Equal(await hashes.HashAsync("workspace-key", userId), Convert.ToHexStringLower(key));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var sessionEnds = await db.AccountSessions.AsNoTracking().Where(s => s.UserId == userId && s.RevokedAtUtc == null)
            .Select(s => s.ExpiresAtUtc).ToListAsync();
        var endsAt = body.GetProperty("sessionEndsAt").GetDateTime().ToUniversalTime();
        Assert.Contains(sessionEnds, e => Math.Abs((e - endsAt).TotalSeconds) < 1);
        Assert.True(endsAt > DateTime.UtcNow);
    }

    [Fact]
    public async Task WorkspaceKey_AtTheNextSignIn_IsTheSame_AndAnotherAccountsDiffers()
    {
        using var first = await factory.SignedInWithCookieAsync("women.almaly@demo.kz");
        using var second = await factory.SignedInAsync("women.almaly@demo.kz");
        using var other = await factory.SignedInAsync("juvenile.almaly@demo.kz");

        var a = await (await first.GetAsync(Route)).Content.ReadFromJsonAsync<JsonElement>();
        var b = await (await second.GetAsync(Route)).Content.ReadFromJsonAsync<JsonElement>();
        var c = await (await other.GetAsync(Route)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(a.GetProperty("key").GetString(), b.GetProperty("key").GetString());
        Assert.Equal(a.GetProperty("userId").GetString(), b.GetProperty("userId").GetString());
        Assert.NotEqual(a.GetProperty("key").GetString(), c.GetProperty("key").GetString());
    }

    [Fact]
    public async Task WorkspaceKey_AfterSignOut_IsRefused()
    {
        var email = await factory.CreateStaffAsync("Partner", null);
        using var client = await factory.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Route)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Route)).StatusCode);
    }
}

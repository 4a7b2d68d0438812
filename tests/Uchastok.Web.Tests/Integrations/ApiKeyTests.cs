using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Integrations;

/// <summary>A host whose rate windows last an hour, so that "over the limit" never depends on how fast a test runs.</summary>
public sealed class HourlyRateWindowAppFactory : UchastokAppFactory
{
    public HourlyRateWindowAppFactory() => Settings = new Dictionary<string, string> { ["Integrations:RateLimitWindowSeconds"] = "3600" };
}

/// <summary>Integration keys: made by administrators, shown once, stored hashed, revoked, rate-limited and counted.</summary>
public sealed class ApiKeyTests(HourlyRateWindowAppFactory factory) : IClassFixture<HourlyRateWindowAppFactory>
{
    [Fact]
    public async Task Admin_MakesAKey_ShownOnce_StoredOnlyAsItsHash_ThenRevokesIt()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var made = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { name = "Almaty city app", contact = "it@almaty.kz", permitsPerWindow = 30 });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var created = await made.JsonAsync();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("key").GetProperty("id").GetInt32();

        var list = await (await admin.GetAsync("/api/v1/admin/api-keys")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains("Almaty city app", list, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().ApiKeys.SingleAsync(k => k.Id == id);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.Hash);
            Assert.DoesNotContain(secret, $"{stored.Hash}{stored.Prefix}{stored.Name}", StringComparison.Ordinal);
        }
        using var client = factory.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostRequestAsync(Open311Client.ValidRequest(secret))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/api-keys/{id}/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostRequestAsync(Open311Client.ValidRequest(secret))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/admin/api-keys/{id}/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task Create_WithBadInput_IsRefusedNamingTheFields_AndMakesNothing()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");
        var name = "No limit " + Guid.NewGuid().ToString("N");

        var response = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { name = "  ", permitsPerWindow = 0 });
        var second = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { name, permitsPerWindow = 100_000 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.HasError("name"));
        Assert.True(problem.HasError("permitsPerWindow"));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("от 1 до", (await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await (await admin.GetAsync("/api/v1/admin/api-keys")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverItsLimit_AKeyGets429WithRetryAfter_InTheSpecsFormat_AndTheRefusalIsCounted()
    {
        var name = "Two a window " + Guid.NewGuid().ToString("N");
        var secret = await factory.CreateApiKeyAsync(permitsPerWindow: 2, name: name);
        using var client = factory.Client();
        var dayBefore = Uchastok.Web.Shared.Localization.KazakhstanTime.Today(TimeProvider.System);

        var first = await client.PostRequestAsync(Open311Client.ValidRequest(secret));
        var second = await client.PostRequestAsync(Open311Client.ValidRequest(secret));
        var third = await client.PostRequestAsync(Open311Client.ValidRequest(secret), "xml");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var error = System.Xml.Linq.XDocument.Parse(await third.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("429", error.Element("error")!.Element("code")!.Value);
        // Another key is counted on its own.
        var other = await factory.CreateApiKeyAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostRequestAsync(Open311Client.ValidRequest(other))).StatusCode);

        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var key = (await (await admin.GetAsync("/api/v1/admin/api-keys")).JsonAsync()).EnumerateArray().Single(k => k.GetProperty("name").GetString() == name);
        Assert.Equal(2, key.GetProperty("requests").GetInt64());
        Assert.Equal(1, key.GetProperty("refused").GetInt64());
        // "Today" is Almaty's day: when its midnight falls between the requests and the listing, the day's counts start again.
        if (Uchastok.Web.Shared.Localization.KazakhstanTime.Today(TimeProvider.System) == dayBefore)
        {
            Assert.Equal(2, key.GetProperty("requestsToday").GetInt64());
            Assert.Equal(1, key.GetProperty("refusedToday").GetInt64());
        }
        Assert.Equal(2, key.GetProperty("filed").GetInt64());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, key.GetProperty("lastUsedAtUtc").ValueKind);
    }

    [Fact]
    public async Task KeysPage_MakesAKeyShownOnce_AndRevokesIt_WithoutJavaScript()
    {
        using var browser = await factory.SignedInWithCookieAsync("admin@demo.kz", language: "kk");
        var page = await browser.GetStringAsync("/admin/api-keys");
        Assert.Contains("Интеграция кілттері", page, StringComparison.Ordinal);
        var name = "Чат-бот " + Guid.NewGuid().ToString("N")[..8];

        var made = await browser.PostAsync("/admin/api-keys?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name, ["contact"] = "bot@example.kz", ["permitsPerWindow"] = "20", ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page),
        }));

        var shown = await made.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(shown, "<code id=\"new-key\">([^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("uk_", secret, StringComparison.Ordinal);
        var again = await browser.GetStringAsync("/admin/api-keys");
        Assert.Contains(name, again, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(again, $"data-key-id=\"(\\d+)\">\\s*<td>{System.Text.RegularExpressions.Regex.Escape(name)}").Groups[1].Value;

        var revoked = await browser.PostAsync("/admin/api-keys?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id, ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(again),
        }));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        using var client = factory.Client();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostRequestAsync(Open311Client.ValidRequest(secret))).StatusCode);
    }
}

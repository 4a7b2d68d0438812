using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Safety;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>The host with the clock the test moves and the default device settings (success limit 10 a second, no media hosts).</summary>
public sealed class SafetyClockedFactory : ClockedAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestNetwork>());
    }
}

/// <summary>
/// A device's successful events are limited per device (Safety:DeviceEventsPerSecond, 10), so a leaked key or a looping
/// device cannot flood the console; repeats of a stored event cost nothing; with no Safety:MediaHosts any https host is
/// taken. The clock stands still until the test moves it, so the second never turns mid-test.
/// </summary>
public sealed class SafetyDeviceLimitTests(SafetyClockedFactory factory) : IClassFixture<SafetyClockedFactory>
{
    private static int _network;

    private static string NewNetwork() => $"198.18.250.{Interlocked.Increment(ref _network)}";

    private async Task<(int Id, string Authorization)> RegisterAsync(string name)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync("/api/v1/safety/devices",
            new { kind = "street-post", name, place = "Abay 10", lat = Lat, lon = Lon, hasCamera = true, hasSpeaker = false });
        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        return (body.GetProperty("device").GetProperty("id").GetInt32(), body.GetProperty("authorization").GetString()!);
    }

    private HttpClient Device(string authorization, string language = "en", string? network = null)
    {
        var client = factory.Client(language).From(network ?? NewNetwork());
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return client;
    }

    private object Event(string eventId, string? mediaUrl = null) =>
        new { eventId, occurredAtUtc = factory.Clock.GetUtcNow().AddSeconds(-2).ToString("o"), mediaUrl };

    [Fact]
    public async Task DeviceEvents_BeyondTenASecondFromOneDevice_Are429WithRetryAfterInTheCallersLanguage_OtherDevicesAndRepeatsUntouched()
    {
        var looping = await RegisterAsync("Looping post");
        var quiet = await RegisterAsync("Quiet post");
        var network = NewNetwork();
        using var client = Device(looping.Authorization, "kk", network);
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event($"loop-{i}"))).StatusCode);

        var cut = await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("loop-10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, cut.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), cut.Headers.RetryAfter?.Delta);
        Assert.Contains("секундына 10", (await cut.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(10, await WithDbAsync(factory, db => db.SafetyIncidents.CountAsync(i => i.DeviceId == looping.Id)));

        // The other device behind the same address is not held back.
        using (var other = Device(quiet.Authorization, network: network))
            Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/v1/safety/device-events", Event("quiet-1"))).StatusCode);

        // The next second the looping device is heard again; a repeat of a stored event gives its permit back.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 9; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event($"next-{i}"))).StatusCode);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("next-0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("next-9"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("next-10"))).StatusCode);
    }

    [Fact]
    public async Task MediaLink_WithNoMediaHostsSet_AnyHttpsHostIsTaken()
    {
        var device = await RegisterAsync("Open camera post");
        using var client = Device(device.Authorization);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("any-host", "https://video.somewhere.example/clip/1"))).StatusCode);
        Assert.True(ReceiveSafetyAlarmCommand.MediaHostAllowed(new Uri("https://anything.example/x"), new HashSet<string>()));
        Assert.False(ReceiveSafetyAlarmCommand.MediaHostAllowed(new Uri("https://anything.example/x"), new HashSet<string>(["cams.example.kz"], StringComparer.OrdinalIgnoreCase)));
    }
}

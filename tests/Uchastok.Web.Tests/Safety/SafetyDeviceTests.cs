using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Safety;
using Uchastok.Web.Safety;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>
/// SOS devices and their alarm events over HTTP (issue 19): an administrator registers a device and sees its key once; the
/// device's event becomes an alarm incident on its beat (201), the same event again the same incident (200), also when
/// copies arrive at once; unknown, wrong and revoked keys are one 401 with nothing stored; a flood of failures is cut off
/// per network without touching successes; the media link is a logged redirect for staff in scope; the staff list shows alarms.
/// </summary>
public sealed class SafetyDeviceTests(SafetyFactory factory) : IClassFixture<SafetyFactory>
{
    private static int _network;

    /// <summary>A network no other test of this class uses (the failure limit counts per network).</summary>
    private static string NewNetwork()
    {
        var n = Interlocked.Increment(ref _network);
        return $"198.18.{200 + n / 250}.{n % 250 + 1}";
    }

    private sealed record Registered(int Id, string Key, string Authorization);

    private async Task<Registered> RegisterAsync(string name = "Tole bi post", bool camera = true)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync("/api/v1/safety/devices",
            new { kind = "street-post", name, place = "Tole bi 59, at the bus stop", lat = Lat, lon = Lon, hasCamera = camera, hasSpeaker = true });
        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        return new Registered(body.GetProperty("device").GetProperty("id").GetInt32(), body.GetProperty("key").GetString()!, body.GetProperty("authorization").GetString()!);
    }

    private HttpClient Device(string authorization, string language = "en", string? network = null)
    {
        var client = factory.Client(language).From(network ?? NewNetwork());
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return client;
    }

    private static object Event(string eventId, string? mediaUrl = null, double? lat = null, double? lon = null) =>
        new { eventId, occurredAtUtc = DateTime.UtcNow.AddSeconds(-2).ToString("o"), lat, lon, mediaUrl };

    private Task<int> AlarmsAsync(int deviceId) => WithDbAsync(factory, db => db.SafetyIncidents.CountAsync(i => i.DeviceId == deviceId));

    [Fact]
    public async Task RegisterDevice_ShowsTheKeyOnce_StoresOnlyItsHash_AndTheEventBecomesAnAlarmOnItsBeat_OnceForTheSameEventId()
    {
        var device = await RegisterAsync();

        Assert.True(DeviceKeys.IsWellFormed(device.Key));
        Assert.Equal($"Device {device.Id}:{device.Key}", device.Authorization);
        var stored = await WithDbAsync(factory, db => db.SafetyDevices.AsNoTracking().SingleAsync(d => d.Id == device.Id));
        Assert.Equal(DeviceKeys.Hash(device.Key), stored.KeyHash);
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        Assert.Equal((beatId, districtId, SafetyDeviceKind.StreetPost, true, true), (stored.BeatId, stored.DistrictId, stored.Kind, stored.HasCamera, stored.HasSpeaker));
        using (var admin = await factory.SignedInAsync("admin@demo.kz"))
        {
            var list = await admin.GetStringAsync("/api/v1/safety/devices");
            Assert.Contains("Tole bi post", list);
            Assert.DoesNotContain(device.Key, list);
            Assert.DoesNotContain(stored.KeyHash, list);
        }

        using var client = Device(device.Authorization);
        var first = await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("evt-0001"));
        Assert.True(HttpStatusCode.Created == first.StatusCode, await first.Content.ReadAsStringAsync());
        var receipt = await first.JsonAsync();
        var id = receipt.GetProperty("id").GetInt64();
        Assert.Equal("open", receipt.GetProperty("status").GetString());
        Assert.False(receipt.GetProperty("repeated").GetBoolean());

        var incident = await WithDbAsync(factory, db => db.SafetyIncidents.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((SafetyIncidentKind.Alarm, SafetyCategory.Alarm, SafetyIncidentStatus.Open), (incident.Kind, incident.Category, incident.Status));
        Assert.Equal((beatId, districtId, device.Id, "evt-0001"), (incident.BeatId, incident.DistrictId, incident.DeviceId, incident.DeviceEventId));
        Assert.Equal((Lat, Lon), (incident.Latitude, incident.Longitude));
        Assert.Equal("Tole bi 59, at the bus stop", incident.AddressText);
        Assert.StartsWith("SA-", incident.Reference, StringComparison.Ordinal);
        Assert.NotNull(incident.OccurredAtUtc);
        var step = Assert.Single(await WithDbAsync(factory, db => db.SafetyIncidentSteps.AsNoTracking().Where(s => s.IncidentId == id).ToListAsync()));
        Assert.Equal(SafetySteps.Received, step.Step);

        var again = await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("evt-0001"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await again.JsonAsync();
        Assert.Equal(id, repeated.GetProperty("id").GetInt64());
        Assert.True(repeated.GetProperty("repeated").GetBoolean());
        Assert.Equal(1, await AlarmsAsync(device.Id));
        Assert.Single(await WithDbAsync(factory, db => db.SafetyIncidentSteps.AsNoTracking().Where(s => s.IncidentId == id).ToListAsync()));
    }

    [Fact]
    public async Task DeviceEvent_TheSameEventInManyCopiesAtOnce_IsOneIncident()
    {
        var device = await RegisterAsync("Concurrent post");
        var network = NewNetwork();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var client = Device(device.Authorization, network: network);
            var response = await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("same-event"));
            return (response.StatusCode, Id: response.IsSuccessStatusCode ? (await response.JsonAsync()).GetProperty("id").GetInt64() : 0);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Single(responses.Select(r => r.Id).Distinct());
        Assert.Equal(1, await AlarmsAsync(device.Id));
    }

    [Fact]
    public async Task DeviceEvent_UnknownDeviceWrongKeyRevokedDeviceOrNoKey_IsTheSame401_AndNothingIsStored()
    {
        var device = await RegisterAsync("Soon revoked post");
        var other = await RegisterAsync("Other post");
        var before = await CountAsync(factory);
        string[] headers =
        [
            $"Device 987654:{device.Key}",                 // unknown device
            $"Device {device.Id}:{other.Key}",             // another device's key
            $"Device {device.Id}:{DeviceKeys.NewKey()}",   // a key of the right shape, but wrong
            $"Bearer {device.Key}",                        // another scheme
            $"Device {device.Id}:{device.Key[..20]}",      // malformed
        ];

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var header in headers)
        {
            using var client = Device(header);
            var response = await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("evt-x"));
            Assert.Equal(DeviceKeys.Scheme, response.Headers.WwwAuthenticate.ToString());
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        using (var none = factory.Client().From(NewNetwork()))
        {
            var response = await none.PostAsJsonAsync("/api/v1/safety/device-events", Event("evt-x"));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        using (var admin = await factory.SignedInAsync("admin@demo.kz"))
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/safety/devices/{device.Id}/revoke", null)).StatusCode);
        using (var revoked = Device(device.Authorization))
        {
            var response = await revoked.PostAsJsonAsync("/api/v1/safety/device-events", Event("evt-x"));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        // One answer for all: the same status, title, detail and type (only a trace id may differ).
        Assert.Single(answers.Select(a => JsonDocument.Parse(a.Body).RootElement).Select(p =>
            $"{p.GetProperty("status")}|{p.GetProperty("title")}|{p.GetProperty("detail")}|{p.GetProperty("type")}").Distinct());
        Assert.Equal(before, await CountAsync(factory));
        using (var admin = await factory.SignedInAsync("admin@demo.kz"))
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/safety/devices/{device.Id}/key", null)).StatusCode);
    }

    [Fact]
    public async Task NewKey_ReplacesTheOldOneAtOnce()
    {
        var device = await RegisterAsync("Rekeyed post");
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var response = await admin.PostAsync($"/api/v1/safety/devices/{device.Id}/key", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var fresh = (await response.JsonAsync()).GetProperty("authorization").GetString()!;
        Assert.NotEqual(device.Authorization, fresh);
        using var old = Device(device.Authorization);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.PostAsJsonAsync("/api/v1/safety/device-events", Event("after-rekey"))).StatusCode);
        using var renewed = Device(fresh);
        Assert.Equal(HttpStatusCode.Created, (await renewed.PostAsJsonAsync("/api/v1/safety/device-events", Event("after-rekey"))).StatusCode);
    }

    [Fact]
    public async Task FailedAuthentications_AreCutOffPerDeviceAndNetwork_WithoutSilencingOtherDevicesOrSuccesses()
    {
        var device = await RegisterAsync("Busy post");
        var neighbour = await RegisterAsync("Neighbour post");
        var flooded = NewNetwork();
        using var attacker = Device($"Device {device.Id}:{DeviceKeys.NewKey()}", "ru", flooded);
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.PostAsJsonAsync("/api/v1/safety/device-events", Event("flood"))).StatusCode);

        var cut = await attacker.PostAsJsonAsync("/api/v1/safety/device-events", Event("flood"));
        Assert.Equal(HttpStatusCode.TooManyRequests, cut.StatusCode);
        Assert.NotNull(cut.Headers.RetryAfter);
        Assert.Contains("сети", (await cut.JsonAsync()).GetProperty("detail").GetString());
        // The right key for the same device from the flooded network waits too (no key is checked for that pair for the minute) ...
        using var sameNetwork = Device(device.Authorization, network: flooded);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameNetwork.PostAsJsonAsync("/api/v1/safety/device-events", Event("flooded"))).StatusCode);
        // ... but another device behind the same operator address is not silenced by its neighbour's retries.
        using var other = Device(neighbour.Authorization, network: flooded);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/v1/safety/device-events", Event("neighbour-ok"))).StatusCode);

        // ... while a network with only successes sends far more than the failure allowance.
        using var busy = Device(device.Authorization);
        for (var i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.Created, (await busy.PostAsJsonAsync("/api/v1/safety/device-events", Event($"busy-{i}"))).StatusCode);
        Assert.Equal(40, await AlarmsAsync(device.Id));
    }

    [Fact]
    public async Task FailedAuthentications_WithEverChangingUnknownIds_AreCutOffByTheNetworkTotal()
    {
        var device = await RegisterAsync("Spray target post");
        var network = NewNetwork();
        // Each id is new, so no (network, id) pair reaches its 20; the network's total does.
        for (var i = 0; i < SafetyFactory.NetworkFailures; i++)
        {
            using var sprayer = Device($"Device {900_000 + i}:{DeviceKeys.NewKey()}", network: network);
            Assert.Equal(HttpStatusCode.Unauthorized, (await sprayer.PostAsJsonAsync("/api/v1/safety/device-events", Event("spray"))).StatusCode);
        }
        using (var garbage = Device("Device not-a-device", network: network))
            Assert.Equal(HttpStatusCode.TooManyRequests, (await garbage.PostAsJsonAsync("/api/v1/safety/device-events", Event("spray"))).StatusCode);
        using (var next = Device($"Device {899_999}:{DeviceKeys.NewKey()}", "kk", network))
        {
            var cut = await next.PostAsJsonAsync("/api/v1/safety/device-events", Event("spray"));
            Assert.Equal(HttpStatusCode.TooManyRequests, cut.StatusCode);
            Assert.NotNull(cut.Headers.RetryAfter);
        }
        // Another network is untouched.
        using var elsewhere = Device(device.Authorization);
        Assert.Equal(HttpStatusCode.Created, (await elsewhere.PostAsJsonAsync("/api/v1/safety/device-events", Event("elsewhere"))).StatusCode);
    }

    [Fact]
    public async Task MediaLink_ToAHostNotInMediaHosts_IsRefused400NamingTheField_AndNothingIsStored()
    {
        var device = await RegisterAsync("Phishing post");
        using var client = Device(device.Authorization, "ru");
        var response = await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("phish", "https://login.example.com/uchastok"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("login.example.com", errors.GetProperty("mediaUrl")[0].GetString());
        Assert.Contains("Участок", errors.GetProperty("mediaUrl")[0].GetString());
        Assert.Equal(0, await AlarmsAsync(device.Id));
        // The configured host, in any case, is accepted.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("camera", "https://CAMS.example.kz/clip/5"))).StatusCode);
    }

    [Fact]
    public async Task MediaLink_RedirectsStaffInScope_AndLogsEveryOpening_OthersGet404()
    {
        var device = await RegisterAsync("Camera post");
        using var client = Device(device.Authorization);
        const string footage = "https://cams.example.kz/clip/77?from=10:00";
        var created = await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("with-media", footage));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var plain = (await (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("without-media"))).JsonAsync()).GetProperty("id").GetInt64();
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var otherInspector = await factory.OtherInspectorAsync(districtId, (await factory.BeatAtAsync("43.2510", "76.9210")).BeatId);
        Task<int> OpeningsAsync() => WithDbAsync(factory, db => db.PersonalDataAccesses.CountAsync(a => a.RecordKind == SafetyReportQueries.AlarmMediaRecordKind && a.RecordId == id.ToString()));

        foreach (var who in new[] { "inspector1@demo.kz", "supervisor.almaly@demo.kz", "admin@demo.kz" })
        {
            using var staff = await factory.SignedInAsync(who);
            var before = await OpeningsAsync();
            var response = await staff.GetAsync($"/api/v1/safety/incidents/{id}/media");
            Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"{who}: {(int)response.StatusCode}");
            Assert.Equal(new Uri(footage), response.Headers.Location);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal(before + 1, await OpeningsAsync());
        }

        var count = await OpeningsAsync();
        using (var stranger = await factory.SignedInAsync(otherInspector))
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/safety/incidents/{id}/media")).StatusCode);
        using (var inspector = await factory.SignedInAsync("inspector1@demo.kz"))
            Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/api/v1/safety/incidents/{plain}/media")).StatusCode);
        Assert.Equal(count, await OpeningsAsync());
    }

    public static TheoryData<string, string, string> BadEvents => new()
    {
        { """{"eventId":"","occurredAtUtc":"2026-01-01T00:00:00Z"}""", "eventId", "ASCII" },
        { """{"eventId":"e 1","occurredAtUtc":"2026-01-01T00:00:00Z"}""", "eventId", "ASCII" },
        { """{"eventId":"e1","occurredAtUtc":"вчера"}""", "occurredAtUtc", "ISO 8601" },
        { """{"eventId":"e1","occurredAtUtc":"2099-01-01T00:00:00Z"}""", "occurredAtUtc", "будущем" },
        { """{"eventId":"e1","occurredAtUtc":"2026-01-01T00:00:00Z","lat":43.25}""", "lat", "широту" },
        { """{"eventId":"e1","occurredAtUtc":"2026-01-01T00:00:00Z","lat":143.25,"lon":76.9}""", "lat", "широту" },
        { """{"eventId":"e1","occurredAtUtc":"2026-01-01T00:00:00Z","mediaUrl":"http://cams.example.kz/clip"}""", "mediaUrl", "https" },
        { """{"eventId":"e1","occurredAtUtc":"2026-01-01T00:00:00Z","mediaUrl":"https://user:pw@cams.example.kz/clip"}""", "mediaUrl", "https" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task DeviceEvent_BadInput_IsRefusedInTheCallersLanguage_AndNothingIsStored(string body, string field, string fragment)
    {
        var device = await RegisterAsync("Strict post");
        using var client = Device(device.Authorization, "ru");

        var response = await client.PostAsync("/api/v1/safety/device-events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(fragment, message);
        Assert.Equal(0, await AlarmsAsync(device.Id));
    }

    [Fact]
    public async Task DeviceEvent_NoJson_IsRefusedInTheCallersLanguage()
    {
        var device = await RegisterAsync("Silent post");
        using var client = Device(device.Authorization, "kk");

        var response = await client.PostAsync("/api/v1/safety/device-events", new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON түрінде", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, await AlarmsAsync(device.Id));
    }

    [Fact]
    public async Task RegisterDevice_BadInputOrAPointOnNoBeat_IsRefusedInTheCallersLanguage_AndNothingIsStored()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "kk");
        var before = await WithDbAsync(factory, db => db.SafetyDevices.CountAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/safety/devices", new { kind = "StreetPost", name = "", place = "", lat = 51.5, lon = -0.12 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("Түрін таңдаңыз", errors.GetProperty("kind")[0].GetString());
        Assert.Contains("атауын", errors.GetProperty("name")[0].GetString());
        Assert.Contains("орнатылғанын", errors.GetProperty("place")[0].GetString());
        Assert.Contains("учаскесіне кірмейді", errors.GetProperty("lat")[0].GetString());
        Assert.Equal(before, await WithDbAsync(factory, db => db.SafetyDevices.CountAsync()));
    }

    [Fact]
    public async Task ReportsList_ShowsAlarms_MarkedWithTheDeviceNameAndTheMediaLink()
    {
        var device = await RegisterAsync("Listed post");
        using var client = Device(device.Authorization);
        var id = (await (await client.PostAsJsonAsync("/api/v1/safety/device-events", Event("listed", "https://cams.example.kz/clip/9"))).JsonAsync()).GetProperty("id").GetInt64();
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        var page = await (await inspector.GetAsync("/api/v1/safety/reports?take=200")).JsonAsync();

        var alarm = page.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        Assert.True(alarm.GetProperty("alarm").GetBoolean());
        Assert.Equal("alarm", alarm.GetProperty("category").GetString());
        Assert.Equal("Listed post", alarm.GetProperty("deviceName").GetString());
        Assert.Equal($"/api/v1/safety/incidents/{id}/media", alarm.GetProperty("mediaUrl").GetString());
        Assert.DoesNotContain("cams.example.kz", page.GetRawText());

        using var browser = await factory.SignedInWithCookieAsync("inspector1@demo.kz", language: "ru");
        var html = await browser.GetStringAsync("/safety/reports");
        Assert.Contains("data-kind=\"alarm\"", html);
        Assert.Contains("Listed post", html);
        Assert.Contains($"href=\"/api/v1/safety/incidents/{id}/media\"", html);
    }
}

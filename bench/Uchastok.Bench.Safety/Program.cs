using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// Alarm delivery benchmark (issue 19), run by bench/safety.sh against a running Release app:
//   usage: Uchastok.Bench.Safety BASE_URL [--rate 200] [--seconds 30] [--devices 50] [--consoles 2] [--settle 15]
// 1. Signs in as admin@demo.kz (bearer token), registers the devices, connects the consoles to /hubs/safety-console.
// 2. Baseline, same run: GET /api/v1/about on the same open-loop schedule for a third of the load's length.
// 3. Load: RATE alarm events a second for SECONDS (open loop: each POST starts at its slot whether or not earlier ones
//    have answered), round robin over the devices. Latency = the time a console's "incident" call for the event's id
//    arrived − the time its POST started, one clock (this process). Lost = an event some console never received.
// Markdown on stdout, progress on stderr. Exit code 1 when any event is lost or any POST fails.
var baseUrl = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "http://127.0.0.1:5080";
int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
var rate = Option("rate", 200);
var seconds = Option("seconds", 30);
var deviceCount = Option("devices", 50);
var consoleCount = Option("consoles", 2);
var settleSeconds = Option("settle", 15);
void Log(string message) => Console.Error.WriteLine($"[safety-bench] {message}");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30),
};
var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@demo.kz", password = "Demo123!" });
login.EnsureSuccessStatusCode();
var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

Log($"registering {deviceCount} devices");
var devices = new string[deviceCount];
for (var d = 0; d < deviceCount; d++)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/safety/devices")
    {
        Content = JsonContent.Create(new { kind = "street-post", name = $"Bench post {d + 1}", place = "Tole bi street", lat = 43.2510, lon = 76.9210, hasCamera = true }),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var response = await http.SendAsync(request);
    if ((int)response.StatusCode != 201) throw new InvalidOperationException($"registering a device: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    devices[d] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorization").GetString()!;
}

// Received: per console, incident id → the first timestamp its "incident" call arrived (whatever the status: the first push is the new incident).
var received = Enumerable.Range(0, consoleCount).Select(_ => new ConcurrentDictionary<long, long>()).ToArray();
var consoles = new List<HubConnection>();
for (var c = 0; c < consoleCount; c++)
{
    var mine = received[c];
    var connection = new HubConnectionBuilder()
        .WithUrl(new Uri(new Uri(baseUrl), "/hubs/safety-console"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();
    connection.On<JsonElement>("incident", incident =>
    {
        var at = Stopwatch.GetTimestamp();
        if (incident.TryGetProperty("id", out var id)) mine.TryAdd(id.GetInt64(), at);
    });
    await connection.StartAsync();
    consoles.Add(connection);
}
Log($"{consoleCount} consoles connected");

async Task<long> PostEventAsync(int n, string prefix)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/safety/device-events")
    {
        Content = JsonContent.Create(new { eventId = $"{prefix}-{n}", occurredAtUtc = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture) }),
    };
    request.Headers.TryAddWithoutValidation("Authorization", devices[n % deviceCount]);
    using var response = await http.SendAsync(request);
    if ((int)response.StatusCode != 201) throw new InvalidOperationException($"event {n}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
}

// Warm-up: JIT, connection pool, the first pushes.
var runId = Guid.NewGuid().ToString("N")[..8];
for (var i = 0; i < 20; i++) await PostEventAsync(i, $"warm-{runId}");

// Runs COUNT calls on a fixed schedule (open loop) and returns their start timestamps and round trips.
async Task<(long[] Starts, double[] RoundTripsMs, int Failures, double MaxLagMs)> OpenLoopAsync(int count, Func<int, Task<long>> call, long[]? ids)
{
    var starts = new long[count];
    var trips = new double[count];
    var failures = 0;
    var maxLag = 0.0;
    var tasks = new Task[count];
    var interval = Stopwatch.Frequency / (double)rate;
    var origin = Stopwatch.GetTimestamp();
    for (var i = 0; i < count; i++)
    {
        var slot = origin + (long)(i * interval);
        while (Stopwatch.GetTimestamp() < slot)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot);
            if (wait > TimeSpan.FromMilliseconds(2)) await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
            else Thread.SpinWait(50);
        }
        var n = i;
        maxLag = Math.Max(maxLag, Stopwatch.GetElapsedTime(slot).TotalMilliseconds);
        tasks[i] = Task.Run(async () =>
        {
            var start = Stopwatch.GetTimestamp();
            starts[n] = start;
            try
            {
                var id = await call(n);
                if (ids is not null) ids[n] = id;
                trips[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            catch (Exception exception)
            {
                Interlocked.Increment(ref failures);
                trips[n] = double.NaN;
                Log(exception.Message);
            }
        });
    }
    await Task.WhenAll(tasks);
    return (starts, trips, failures, maxLag);
}

Log($"baseline: GET /api/v1/about at {rate}/s for {Math.Max(1, seconds / 3)} s");
var about = await OpenLoopAsync(rate * Math.Max(1, seconds / 3), async _ =>
{
    using var response = await http.GetAsync("/api/v1/about");
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
    return 0;
}, null);

var total = rate * seconds;
var ids = new long[total];
Log($"load: {total} alarm events at {rate}/s from {deviceCount} devices for {seconds} s");
var load = await OpenLoopAsync(total, n => PostEventAsync(n, $"bench-{runId}"), ids);

Log($"waiting up to {settleSeconds} s for the consoles");
var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * settleSeconds;
bool AllIn() => received.All(r => ids.All(id => id == 0 || r.ContainsKey(id)));
while (!AllIn() && Stopwatch.GetTimestamp() < deadline) await Task.Delay(100);
foreach (var connection in consoles) await connection.DisposeAsync();

var latencies = new List<double>();
var lost = 0;
for (var c = 0; c < consoleCount; c++)
    for (var i = 0; i < total; i++)
    {
        if (ids[i] == 0) continue;
        if (received[c].TryGetValue(ids[i], out var at)) latencies.Add(Stopwatch.GetElapsedTime(load.Starts[i], at).TotalMilliseconds);
        else lost++;
    }
static double Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
    if (sorted.Length == 0) return double.NaN;
    var rank = p / 100 * (sorted.Length - 1);
    var low = (int)Math.Floor(rank);
    var high = Math.Min(sorted.Length - 1, low + 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
var aboutP50 = Percentile(about.RoundTripsMs, 50);
var deliveryP50 = Percentile(latencies, 50);
var deliveryP99 = Percentile(latencies, 99);

Console.WriteLine($"- Load: {total:N0} alarm events, {rate}/s open loop for {seconds} s, from {deviceCount} devices; {consoleCount} consoles (admin, bearer token) on /hubs/safety-console");
Console.WriteLine($"- Failed POSTs: {load.Failures}; events lost (not received by every console within {settleSeconds} s after the last POST): **{lost}**");
Console.WriteLine($"- Scheduler lag (the load generator's own): max {Ms(load.MaxLagMs)} ms");
Console.WriteLine();
Console.WriteLine("| Measure | p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| Delivery: console received − POST started ({latencies.Count:N0} deliveries) | {Ms(deliveryP50)} | {Ms(deliveryP99)} | {Ms(latencies.Count == 0 ? double.NaN : latencies.Max())} |");
Console.WriteLine($"| POST /api/v1/safety/device-events round trip | {Ms(Percentile(load.RoundTripsMs, 50))} | {Ms(Percentile(load.RoundTripsMs, 99))} | {Ms(load.RoundTripsMs.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max())} |");
Console.WriteLine($"| Baseline: GET /api/v1/about round trip, same rate, same run | {Ms(aboutP50)} | {Ms(Percentile(about.RoundTripsMs, 99))} | {Ms(about.RoundTripsMs.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max())} |");
Console.WriteLine();
Console.WriteLine($"- Delivery p50 / about p50: **{(deliveryP50 / aboutP50).ToString("0.0", CultureInfo.InvariantCulture)} ×**; aim: p99 under 1,000 ms (\"within a second\", issue 19) and 0 lost");
return lost == 0 && load.Failures == 0 ? 0 : 1;

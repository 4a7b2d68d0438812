using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Uchastok.Bench;

/// <summary>
/// A load client for appeal filing. Workers post appeals to <c>POST /api/v1/appeals</c> for a
/// fixed time, each with its own Idempotency-Key; one request in ten is sent a second time with
/// the same key, as a client retrying after a lost answer would. Each appeal's text carries a unique
/// marker. After the run the client reads the server's database and checks that every marker
/// acknowledged with 2xx is stored exactly once and that no marker is stored twice.
/// </summary>
public static class AppealLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = BenchArgs.Option(args, "--url") ?? throw new ArgumentException("--url is required");
        var db = BenchArgs.Option(args, "--db") ?? "sqlite";
        var connection = BenchArgs.Option(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var seconds = int.Parse(BenchArgs.Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var warmup = int.Parse(BenchArgs.Option(args, "--warmup") ?? "3", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(BenchArgs.Option(args, "--concurrency") ?? "32", CultureInfo.InvariantCulture);
        var label = BenchArgs.Option(args, "--label") ?? db;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30),
        };
        var categories = await http.GetFromJsonAsync<JsonElement>("/api/v1/appeal-categories");
        var categoryIds = categories.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToArray();
        var points = await PointsInsideBeatsAsync(http);
        Console.Error.WriteLine($"[appeals] {points.Count} points inside beats, {categoryIds.Length} categories; warming up {warmup} s");

        await LoadAsync(http, categoryIds, points, concurrency, TimeSpan.FromSeconds(warmup), "warmup");
        Console.Error.WriteLine($"[appeals] measuring {seconds} s with {concurrency} concurrent clients");
        var run = await LoadAsync(http, categoryIds, points, concurrency, TimeSpan.FromSeconds(seconds), "run");

        var stored = await StoredMarkersAsync(db, connection);
        var acknowledged = run.Acknowledged.Keys.ToList();
        var missing = acknowledged.Count(marker => !stored.TryGetValue(marker, out var n) || n == 0);
        var duplicated = stored.Count(kv => kv.Value > 1);
        var replays = run.Replays;
        var latencies = run.Latencies.OrderBy(l => l).ToArray();
        double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var rate = run.Created / run.Elapsed.TotalSeconds;

        Console.WriteLine($"| {label} | {seconds} s × {concurrency} clients | {run.Created:N0} | {rate:N0} | {Percentile(0.50):N1} | {Percentile(0.99):N1} | {replays:N0} ({run.ReplayMismatches} mismatched) | {run.Failures:N0} | {missing} | {duplicated} |");
        return missing == 0 && duplicated == 0 && run.ReplayMismatches == 0 ? 0 : 1;
    }

    private sealed class Run
    {
        public ConcurrentDictionary<string, string> Acknowledged { get; } = new();
        public ConcurrentBag<double> Latencies { get; } = [];
        public int Created;
        public int Replays;
        public int ReplayMismatches;
        public int Failures;
        public TimeSpan Elapsed;
    }

    private static async Task<Run> LoadAsync(HttpClient http, int[] categoryIds, List<(double Lat, double Lon)> points, int concurrency, TimeSpan length, string phase)
    {
        var run = new Run();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var random = new Random(worker * 7919 + phase.Length);
            var sent = 0;
            while (watch.Elapsed < length)
            {
                var marker = $"{phase}-{worker}-{sent++}-{Guid.NewGuid():N}";
                var point = points[random.Next(points.Count)];
                var body = new Dictionary<string, object>
                {
                    ["kind"] = "application", ["categoryId"] = categoryIds[random.Next(categoryIds.Length)],
                    ["text"] = $"Load test appeal {marker}", ["lat"] = point.Lat, ["lon"] = point.Lon,
                    ["name"] = "Load Client", ["email"] = $"load-{worker}@bench.kz", ["consent"] = true,
                };
                var key = Guid.NewGuid().ToString("N");
                var started = Stopwatch.GetTimestamp();
                var number = await PostAsync(http, body, key);
                var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (number is null)
                {
                    Interlocked.Increment(ref run.Failures);
                    continue;
                }
                run.Latencies.Add(latency);
                run.Acknowledged[marker] = number;
                Interlocked.Increment(ref run.Created);
                if (random.Next(10) == 0)
                {
                    // A retry with the same key must answer with the same appeal and store nothing new.
                    Interlocked.Increment(ref run.Replays);
                    if (await PostAsync(http, body, key) != number) Interlocked.Increment(ref run.ReplayMismatches);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        run.Elapsed = watch.Elapsed;
        return run;
    }

    private static async Task<string?> PostAsync(HttpClient http, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appeals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created) return null;
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>A grid over the city, kept where the locate endpoint finds a beat.</summary>
    private static async Task<List<(double Lat, double Lon)>> PointsInsideBeatsAsync(HttpClient http)
    {
        var points = new List<(double, double)>();
        for (var lat = 43.20; lat <= 43.32; lat += 0.01)
        {
            for (var lon = 76.85; lon <= 77.00; lon += 0.01)
            {
                using var response = await http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/v1/beats/locate?lat={lat:0.000}&lon={lon:0.000}"));
                if (response.IsSuccessStatusCode) points.Add((Math.Round(lat, 3), Math.Round(lon, 3)));
            }
        }
        return points;
    }

    /// <summary>How many times each load-test marker is stored, read straight from the appeals table.</summary>
    private static async Task<Dictionary<string, int>> StoredMarkersAsync(string db, string connectionString)
    {
        await using DbConnection connection = db == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Text" FROM appeals WHERE "Text" LIKE 'Load test appeal run-%'""";
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var marker = reader.GetString(0)["Load test appeal ".Length..];
            counts[marker] = counts.GetValueOrDefault(marker) + 1;
        }
        return counts;
    }
}

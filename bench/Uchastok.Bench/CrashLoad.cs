using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Uchastok.Bench;

/// <summary>
/// The two halves of the crash test (<c>bench/crash.sh</c>), which kills the server with
/// <c>kill -9</c> between them.
/// <list type="bullet">
/// <item><c>crash-load</c>: clients file appeals until a stop file appears. Each appeal has its own
/// Idempotency-Key and a marker in its text; when the server does not answer (killed, restarting)
/// the client sends the same request again, with the same key, until it is acknowledged, as a
/// careful client would. Writes each acknowledged marker with its number.</item>
/// <item><c>crash-count</c>: once the server has been up again long enough for the outbox to drain,
/// reads the database: appeals acknowledged / found / lost / stored twice, and for the messages the
/// stored appeals queued, how many deliveries the sink recorded per message id (once / twice / never).</item>
/// </list>
/// </summary>
public static class CrashLoad
{
    private const string Prefix = "Crash test appeal ";

    public static async Task<int> LoadAsync(string[] args)
    {
        var url = BenchArgs.Option(args, "--url") ?? throw new ArgumentException("--url is required");
        var stopFile = BenchArgs.Option(args, "--until") ?? throw new ArgumentException("--until is required");
        var output = BenchArgs.Option(args, "--out") ?? throw new ArgumentException("--out is required");
        var concurrency = int.Parse(BenchArgs.Option(args, "--concurrency") ?? "4", CultureInfo.InvariantCulture);

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10),
        };
        var categories = await http.GetFromJsonAsync<JsonElement>("/api/v1/appeal-categories");
        var categoryIds = categories.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToArray();
        var points = await PointsAsync(http);
        var acknowledged = new ConcurrentDictionary<string, string>();
        var (attempts, unanswered, refused) = (0, 0, 0);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var random = new Random(worker * 7919);
            for (var sent = 0; !File.Exists(stopFile); sent++)
            {
                var marker = $"{worker}-{sent}-{Guid.NewGuid():N}";
                var point = points[random.Next(points.Count)];
                var body = new Dictionary<string, object>
                {
                    ["kind"] = "application", ["categoryId"] = categoryIds[random.Next(categoryIds.Length)],
                    ["text"] = Prefix + marker, ["lat"] = point.Lat, ["lon"] = point.Lon,
                    ["name"] = "Crash Client", ["email"] = $"crash-{marker}@bench.kz", ["consent"] = true,
                };
                var key = Guid.NewGuid().ToString("N");
                // The same request until it is acknowledged: the server may be down for a few seconds.
                while (true)
                {
                    Interlocked.Increment(ref attempts);
                    var (number, status) = await PostAsync(http, body, key);
                    if (number is not null)
                    {
                        acknowledged[marker] = number;
                        break;
                    }
                    if (status is null) Interlocked.Increment(ref unanswered);
                    else Interlocked.Increment(ref refused);
                    await Task.Delay(200);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        await File.WriteAllLinesAsync(output, acknowledged.Select(a => $"{a.Key}\t{a.Value}"));
        Console.WriteLine($"{acknowledged.Count:N0} appeals acknowledged in {attempts:N0} requests; {unanswered:N0} requests unanswered (the app was down or restarting) and {refused:N0} refused with an error status, each sent again with its key");
        return 0;
    }

    public static async Task<int> CountAsync(string[] args)
    {
        var db = BenchArgs.Option(args, "--db") ?? "sqlite";
        var connectionString = BenchArgs.Option(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var acknowledgedFile = BenchArgs.Option(args, "--acknowledged") ?? throw new ArgumentException("--acknowledged is required");
        var label = BenchArgs.Option(args, "--label") ?? db;
        var crashes = BenchArgs.Option(args, "--crashes") ?? "?";
        var waitSeconds = int.Parse(BenchArgs.Option(args, "--wait-seconds") ?? "180", CultureInfo.InvariantCulture);

        var acknowledged = (await File.ReadAllLinesAsync(acknowledgedFile)).Where(l => l.Length > 0)
            .Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1]);
        await using DbConnection connection = db == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();

        // The dispatcher sends on its own after the restart; a message the killed process was sending waits for its lease.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await ScalarAsync(connection, """SELECT COUNT(*) FROM notifications_outbox WHERE "State" IN ('Pending', 'Sending') AND "Topic" LIKE 'appeal:%'""") > 0
            && waited.Elapsed < TimeSpan.FromSeconds(waitSeconds))
            await Task.Delay(1000);
        Console.Error.WriteLine($"[crash] outbox drained after {waited.Elapsed.TotalSeconds:0} s of waiting");

        var stored = new Dictionary<string, List<string>>();
        await foreach (var (text, number) in RowsAsync(connection, $"""SELECT "Text", "Number" FROM appeals WHERE "Text" LIKE '{Prefix}%'"""))
        {
            var marker = text[Prefix.Length..];
            if (!stored.TryGetValue(marker, out var given)) stored[marker] = given = [];
            given.Add(number);
        }
        var found = acknowledged.Count(a => stored.TryGetValue(a.Key, out var n) && n.Contains(a.Value));
        var lost = acknowledged.Count - found;
        var duplicated = stored.Count(s => s.Value.Count > 1);
        var unacknowledged = stored.Keys.Count(m => !acknowledged.ContainsKey(m));
        var numbers = stored.SelectMany(s => s.Value).ToHashSet();
        var numbersReused = stored.SelectMany(s => s.Value).GroupBy(n => n).Count(g => g.Count() > 1);

        var messages = new List<(long Id, string State, string Number)>();
        await foreach (var (id, state, topic) in MessagesAsync(connection))
        {
            var number = topic["appeal:".Length..];
            if (numbers.Contains(number)) messages.Add((id, state, number));
        }
        var deliveries = new Dictionary<string, int>();
        await foreach (var (key, _) in RowsAsync(connection, """SELECT "MessageKey", '' FROM notifications_sink"""))
            deliveries[key] = deliveries.GetValueOrDefault(key) + 1;
        int Delivered(long id) => deliveries.GetValueOrDefault(string.Create(CultureInfo.InvariantCulture, $"uchastok-outbox-{id}"));
        var once = messages.Count(m => Delivered(m.Id) == 1);
        var twice = messages.Count(m => Delivered(m.Id) >= 2);
        var never = messages.Count(m => Delivered(m.Id) == 0);
        var failed = messages.Count(m => m.State == "Failed");
        var withMessage = messages.Select(m => m.Number).ToHashSet();
        var withoutMessage = numbers.Count(n => !withMessage.Contains(n));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {crashes} | {acknowledged.Count:N0} | {found:N0} | {lost} | {duplicated} | {unacknowledged} | {numbersReused} | {messages.Count:N0} | {once:N0} | {twice} | {never} | {failed} | {withoutMessage} |"));
        return lost == 0 && duplicated == 0 && numbersReused == 0 && never == 0 && withoutMessage == 0 ? 0 : 1;
    }

    /// <summary>The number of the acknowledged appeal, or the error status, or neither when nothing answered.</summary>
    private static async Task<(string? Number, int? Status)> PostAsync(HttpClient http, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appeals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) return (null, (int)response.StatusCode);
            return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString(), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>Points inside beats, through the public locate endpoint (a coarse grid is enough to spread the appeals).</summary>
    private static async Task<List<(double Lat, double Lon)>> PointsAsync(HttpClient http)
    {
        var points = new List<(double, double)>();
        for (var lat = 43.20; lat <= 43.32; lat += 0.02)
        {
            for (var lon = 76.85; lon <= 77.00; lon += 0.02)
            {
                using var response = await http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/v1/beats/locate?lat={lat:0.000}&lon={lon:0.000}"));
                if (response.IsSuccessStatusCode) points.Add((Math.Round(lat, 3), Math.Round(lon, 3)));
            }
        }
        return points;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async IAsyncEnumerable<(string, string)> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) yield return (reader.GetString(0), reader.GetString(1));
    }

    private static async IAsyncEnumerable<(long, string, string)> MessagesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "State", "Topic" FROM notifications_outbox WHERE "Topic" LIKE 'appeal:%'""";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) yield return (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
    }
}

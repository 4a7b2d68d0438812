using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Safety;

/// <summary>What the safety tests share: a point on inspector1's beat, a report body, the database.</summary>
public static class SafetyTestData
{
    /// <summary>inspector1's beat holds this point (Tole bi street, Almaly).</summary>
    public const double Lat = 43.2510, Lon = 76.9210;

    public static object Report(string text = "Men drink in the yard every evening and leave bottles", string category = "suspicious-behaviour") =>
        new { category, lat = Lat, lon = Lon, text };

    public static async Task<JsonElement> FileAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/safety/reports", body);
        Assert.True(System.Net.HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<T> WithDbAsync<T>(UchastokAppFactory factory, Func<UchastokDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UchastokDbContext>());
    }

    public static Task<int> CountAsync(UchastokAppFactory factory) => WithDbAsync(factory, db => db.SafetyIncidents.CountAsync());
}

/// <summary>
/// Every log line the host writes at any level, with its structured values and scopes, so a test can say that
/// nothing about a sender reached the logs.
/// </summary>
public sealed class FullLogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(FullLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            capture.Lines.Enqueue($"{category} scope: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} | {Describe(state)}");

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
            : state?.ToString() ?? "";
    }
}

/// <summary>The host where a test says which network a request comes from, logs captured at every level, the limit low.</summary>
public sealed class SafetyFactory : UchastokAppFactory
{
    public const int Limit = 3;
    public const int NetworkFailures = 50;
    public const string MediaHost = "cams.example.kz";

    public FullLogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Safety:ReportsPerNetworkPerHour", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A network's failure total low enough to reach in a test; the per-device limit (20) stays the default.
        builder.UseSetting("Safety:DeviceFailuresPerNetworkPerMinute", NetworkFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The success limit is tested with a clock the test moves (SafetyDeviceLimitTests); here, on the real clock, it stays out of the way.
        builder.UseSetting("Safety:DeviceEventsPerSecond", "1000");
        builder.UseSetting("Safety:MediaHosts", MediaHost);
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter<FullLogCapture>(null, LogLevel.Trace);
        });
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestNetwork>());
    }
}

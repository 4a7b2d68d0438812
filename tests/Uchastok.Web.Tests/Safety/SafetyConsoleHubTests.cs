using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>
/// The live console through the test host with the real SignalR client: a report filed reaches the console of its
/// district as the client method <c>incident</c>, with the contract's fields; the next step (taken) follows; a console
/// of another district hears nothing of it.
/// </summary>
public sealed class SafetyConsoleHubTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private Task<HubConnection> ConnectAsync(string email, HttpTransportType transport) => SafetyConsoleClient.ConnectAsync(factory, email, transport);

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task AReportFiled_ReachesTheDistrictsConsole_ThenItsAcknowledgement(HttpTransportType transport)
    {
        var (_, district) = await factory.BeatAtAsync("43.2510", "76.9210");
        var duty = await factory.CreateStaffAsync("DutyOfficer", district);
        var other = await WithDbAsync(factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Districts.Where(d => d.Id != district).Select(d => d.Id)));
        var stranger = await factory.CreateStaffAsync("DutyOfficer", other);
        await using var console = await ConnectAsync(duty, transport);
        await using var strangers = await ConnectAsync(stranger, transport);
        var received = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        var strangerHeard = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        var signal = new SemaphoreSlim(0);
        console.On<JsonElement>("incident", view => { received.Enqueue(view); signal.Release(); });
        var strangerSignal = new SemaphoreSlim(0);
        strangers.On<JsonElement>("incident", view => { strangerHeard.Enqueue(view); strangerSignal.Release(); });

        using var client = factory.Client();
        var reference = (await FileAsync(client, Report("Teenagers break the lamps on the playground", "yard-safety"))).GetProperty("reference").GetString();

        var view = await WaitForAsync(received, signal, v => v.GetProperty("reference").GetString() == reference);
        Assert.Equal("report", view.GetProperty("kind").GetString());
        Assert.Equal("yard-safety", view.GetProperty("category").GetString());
        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.Equal("Teenagers break the lamps on the playground", view.GetProperty("text").GetString());
        Assert.Equal(district, view.GetProperty("district").GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Object, view.GetProperty("beat").ValueKind);
        Assert.Equal(Lat, view.GetProperty("place").GetProperty("lat").GetDouble());
        Assert.Equal("received", view.GetProperty("lastStep").GetProperty("step").GetString());
        Assert.True(view.TryGetProperty("receivedAtUtc", out _));

        using var officer = await factory.SignedInAsync(duty);
        var id = view.GetProperty("id").GetInt64();
        Assert.True((await officer.PostAsync($"/api/v1/safety/incidents/{id}/acknowledge", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        var taken = await WaitForAsync(received, signal, v => v.GetProperty("id").GetInt64() == id && v.GetProperty("status").GetString() == "acknowledged");
        Assert.Equal("acknowledged", taken.GetProperty("lastStep").GetProperty("step").GetString());
        Assert.Equal("Test DutyOfficer", taken.GetProperty("acknowledgedBy").GetString());
        // The name only: the account's internal id is not pushed to every console of the district.
        Assert.False(taken.TryGetProperty("acknowledgedByUserId", out _));

        // Heard nothing of it: checked once the other district's console has heard a later report of its own (the feed
        // pushes in step order), not at once, when a push could still be on its way.
        var theirs = (await FileAsync(client, new { category = "other", addressText = "Unknown lane 77777", districtId = other, text = "A later report in the other district" }))
            .GetProperty("reference").GetString();
        await WaitForAsync(strangerHeard, strangerSignal, v => v.GetProperty("reference").GetString() == theirs);
        Assert.DoesNotContain(strangerHeard, v => v.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task ASessionEnded_ClosesTheLiveConsole_AtTheNextRecheck()
    {
        var (_, district) = await factory.BeatAtAsync("43.2510", "76.9210");
        var duty = await factory.CreateStaffAsync("DutyOfficer", district);
        await using var console = await ConnectAsync(duty, HttpTransportType.WebSockets);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        console.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var feed = factory.Services.GetRequiredService<Uchastok.Web.Safety.SafetyConsoleFeed>();

        // While the session holds, the re-check leaves the console open.
        await feed.RecheckConnectionsAsync();
        Assert.Equal(HubConnectionState.Connected, console.State);

        // Signing out ends every session of the account; the connection, opened before, is closed at the re-check.
        using (var officer = await factory.SignedInAsync(duty))
            Assert.True((await officer.PostAsync("/api/v1/auth/logout", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        await feed.RecheckConnectionsAsync();
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, console.State);
    }

    private static Task<JsonElement> WaitForAsync(System.Collections.Concurrent.ConcurrentQueue<JsonElement> received, SemaphoreSlim signal, Func<JsonElement, bool> match) =>
        SafetyConsoleClient.WaitForAsync(received, signal, match);
}

/// <summary>A console connected through a test host with the real SignalR client, signed in with a bearer token.</summary>
public static class SafetyConsoleClient
{
    public static async Task<HubConnection> ConnectAsync(UchastokAppFactory factory, string email, HttpTransportType transport)
    {
        using var signedIn = await factory.SignedInAsync(email);
        var token = signedIn.DefaultRequestHeaders.Authorization!.Parameter!;
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/safety-console"), options =>
            {
                options.Transports = transport;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + token;
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Waits for a push that matches, each push waking it; a generous bound only so a failure ends the test.</summary>
    public static async Task<JsonElement> WaitForAsync(System.Collections.Concurrent.ConcurrentQueue<JsonElement> received, SemaphoreSlim signal, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var view in received)
                if (match(view)) return view;
            await signal.WaitAsync(timeout.Token);
        }
    }
}

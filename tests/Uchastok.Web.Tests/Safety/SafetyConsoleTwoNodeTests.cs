using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Uchastok.Web.Tests.Shared;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>
/// Two nodes over one PostgreSQL database, a console connected to each: reports filed on both nodes at once, and
/// acknowledged on either, reach both consoles, every one of them — the steps table is the change feed every node
/// follows, whichever node wrote the step and in whatever order the ids committed.
/// </summary>
public sealed class SafetyConsoleTwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [PostgresFact]
    public async Task ReportsFiledOnBothNodes_ReachTheConsolesOnBoth_NoneLost()
    {
        var (a, b) = (nodes.A!, nodes.B!);
        var (_, district) = await a.BeatAtAsync("43.2510", "76.9210");
        var duty = await a.CreateStaffAsync("DutyOfficer", district);
        await using var onA = await SafetyConsoleClient.ConnectAsync(a, duty, HttpTransportType.WebSockets);
        await using var onB = await SafetyConsoleClient.ConnectAsync(b, duty, HttpTransportType.LongPolling);
        var heardA = new ConcurrentQueue<JsonElement>();
        var heardB = new ConcurrentQueue<JsonElement>();
        var signalA = new SemaphoreSlim(0);
        var signalB = new SemaphoreSlim(0);
        onA.On<JsonElement>("incident", v => { heardA.Enqueue(v); signalA.Release(); });
        onB.On<JsonElement>("incident", v => { heardB.Enqueue(v); signalB.Release(); });

        async Task<List<string>> FileAsync(UchastokAppFactory node, int count)
        {
            using var client = node.Client();
            var references = new List<string>();
            for (var i = 0; i < count; i++)
                references.Add((await SafetyTestData.FileAsync(client, Report($"Report {i} on a node"))).GetProperty("reference").GetString()!);
            return references;
        }

        var filed = (await Task.WhenAll(FileAsync(a, 20), FileAsync(b, 20), FileAsync(a, 10), FileAsync(b, 10))).SelectMany(r => r).ToList();

        foreach (var reference in filed)
        {
            await SafetyConsoleClient.WaitForAsync(heardA, signalA, v => v.GetProperty("reference").GetString() == reference);
            await SafetyConsoleClient.WaitForAsync(heardB, signalB, v => v.GetProperty("reference").GetString() == reference);
        }

        // A step written on node B (taken there) reaches the console on node A.
        var id = heardA.First(v => v.GetProperty("reference").GetString() == filed[0]).GetProperty("id").GetInt64();
        using var officer = await b.SignedInAsync(duty);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/safety/incidents/{id}/acknowledge", JsonContent.Create(new { }))).StatusCode);
        await SafetyConsoleClient.WaitForAsync(heardA, signalA, v => v.GetProperty("id").GetInt64() == id && v.GetProperty("status").GetString() == "acknowledged");
    }
}

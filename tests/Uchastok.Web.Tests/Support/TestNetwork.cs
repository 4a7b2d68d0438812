using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Uchastok.Web.Tests.Support;

/// <summary>
/// Lets a test say which network address a request comes from (header <see cref="Header"/>), as
/// if from another machine: the test server has no real client address.
/// </summary>
public sealed class TestNetwork : IStartupFilter
{
    public const string Header = "X-Test-Network";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, then) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                context.Connection.RemoteIpAddress = address;
            return then(context);
        });
        next(app);
    };

    private static int _next;

    /// <summary>An address of the benchmarking range 198.18.0.0/15, a different one at each call.</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return $"198.18.{n / 250 % 256}.{n % 250 + 1}";
    }
}

public static class TestNetworkClient
{
    /// <summary>Sends the client's requests from <paramref name="address"/>.</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(TestNetwork.Header);
        client.DefaultRequestHeaders.Add(TestNetwork.Header, address);
        return client;
    }
}

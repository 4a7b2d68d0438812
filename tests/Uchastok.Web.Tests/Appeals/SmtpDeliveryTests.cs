using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Notifications;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Appeals;

/// <summary>A minimal SMTP server on loopback that records what it is sent (no TLS, no auth), enough for MailKit.</summary>
public sealed class RecordingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RecordingSmtpServer()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public List<(string To, string Data)> Received { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 uchastok-test ESMTP");
        var to = string.Empty;
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO": await writer.WriteLineAsync("250 uchastok-test"); break;
                case "RCPT": to = line[(line.IndexOf('<') + 1)..line.IndexOf('>')]; await writer.WriteLineAsync("250 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 go on");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } body && body != ".") data.AppendLine(body);
                    lock (Received) Received.Add((to, data.ToString()));
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                default: await writer.WriteLineAsync("250 OK"); break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
    }
}

/// <summary>The host with its e-mail pointed at <see cref="RecordingSmtpServer"/>.</summary>
public sealed class SmtpAppFactory : UchastokAppFactory
{
    public RecordingSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:UseStartTls", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>With an SMTP server configured, the applicant's message leaves by e-mail through MailKit and the outbox records it sent.</summary>
public sealed class SmtpDeliveryTests(SmtpAppFactory factory) : IClassFixture<SmtpAppFactory>
{
    [Fact]
    public async Task Dispatcher_WithSmtpConfigured_SendsTheRegisteredMessageByEmailAndMarksItSent()
    {
        using var guest = factory.Client("en");
        var body = await factory.AppealBodyAsync();
        var email = (string)body["email"]!;
        var (number, _, _) = await factory.FileAppealAsync(guest, body);

        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync() > 0) { }

        var (to, data) = Assert.Single(factory.Smtp.Received, m => m.To == email);
        Assert.Contains($"Subject: Your appeal {number} is registered", data);
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = await scope.ServiceProvider.GetRequiredService<OutboxAdministration>().ListAsync("Sent");
        // The administrator's list shows the recipient masked.
        Assert.Contains(outbox, m => m.Recipient == Uchastok.Rules.Identity.Contact.Mask(to) && m.Subject.Contains(number, StringComparison.Ordinal));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<OutboxAdministration>().SinkAsync("tests", email));
    }

    [Fact]
    public async Task Dispatcher_WithSmtpConfigured_GivesTheMailTheMessageIdOfItsOutboxRow_SoARedeliveryCanBeDropped()
    {
        using var guest = factory.Client("en");
        var body = await factory.AppealBodyAsync();
        var email = (string)body["email"]!;
        var (number, _, _) = await factory.FileAppealAsync(guest, body);

        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync() > 0) { }

        await using var scope = factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>().Outbox
            .Where(m => m.Recipient == email && m.Subject.Contains(number)).Select(m => m.Id).SingleAsync();
        var (_, data) = Assert.Single(factory.Smtp.Received, m => m.To == email);
        Assert.Contains($"Message-Id: <uchastok-outbox-{id}@uchastok.kz>", data, StringComparison.OrdinalIgnoreCase);
    }
}

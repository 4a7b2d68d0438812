using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Notifications;

/// <summary>
/// The dispatcher stopped in the middle of its work, as by <c>kill -9</c>: the process "dies" inside a
/// send, after the receiver got the message and before the outcome was written. What was sent
/// before is recorded as sent, what was not yet taken is still pending, and the one in flight is
/// sent again when its lease ends, with the same message id, without a person.
/// </summary>
public sealed class OutboxCrashTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task Dispatcher_StoppedMidSend_RecordsEarlierSends_AndResendsOnlyTheMessageInFlightWithItsMessageId()
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        // Whatever else is queued goes first, so that the crash below falls on this test's third message.
        while (await dispatcher.DispatchPendingAsync() > 0) { }
        var recipients = Enumerable.Range(0, 5).Select(_ => NewPhone()).ToList();
        var ids = await EnqueueAsync(recipients);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CrashingDispatcher(recipients[2]).DispatchPendingAsync(Stop.Token));

        var states = await StatesAsync(ids);
        Assert.Equal([OutboxState.Sent, OutboxState.Sent, OutboxState.Sending, OutboxState.Pending, OutboxState.Pending], states);

        // The restarted node: what was never taken goes out at once; the one in flight waits for its lease.
        Assert.Equal(0, await dispatcher.ReleaseAbandonedAsync());
        while (await dispatcher.DispatchPendingAsync() > 0) { }
        Assert.Equal([OutboxState.Sent, OutboxState.Sent, OutboxState.Sending, OutboxState.Sent, OutboxState.Sent], await StatesAsync(ids));
        factory.Clock.Advance(factory.Services.GetRequiredService<NotificationSettings>().SendLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.ReleaseAbandonedAsync());
        while (await dispatcher.DispatchPendingAsync() > 0) { }

        Assert.All(await StatesAsync(ids), state => Assert.Equal(OutboxState.Sent, state));
        var sink = await SinkAsync(recipients);
        for (var i = 0; i < recipients.Count; i++)
        {
            var delivered = sink.Where(s => s.Recipient == recipients[i]).ToList();
            // Every delivery carries the message's own id: the receiver sees the second copy of the third message as a copy.
            Assert.Equal(i == 2 ? 2 : 1, delivered.Count);
            Assert.All(delivered, s => Assert.Equal(OutboxMessage.DeliveryKeyOf(ids[i]), s.MessageKey));
        }
    }

    [Fact]
    public async Task ReleaseAbandoned_MessageThatStopsTheSenderEveryTime_FailsAfterTheLastAttempt_AndARetryKeepsItsMessageId()
    {
        var settings = factory.Services.GetRequiredService<NotificationSettings>();
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync() > 0) { }
        var recipient = NewPhone();
        var id = (await EnqueueAsync([recipient]))[0];

        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            using var stop = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => { while (await CrashingDispatcher(recipient, stop).DispatchPendingAsync(stop.Token) > 0) { } });
            factory.Clock.Advance(settings.SendLease + TimeSpan.FromSeconds(1));
            await dispatcher.ReleaseAbandonedAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
            // Not resent for ever: after its last attempt a person decides, told that the outcome is unknown.
            Assert.Equal(OutboxState.Failed, message.State);
            Assert.Equal(settings.MaxAttempts, message.Attempts);
            Assert.StartsWith("Outcome unknown", message.LastError);
            Assert.True(await scope.ServiceProvider.GetRequiredService<OutboxAdministration>().RetryAsync(id));
        }
        while (await dispatcher.DispatchPendingAsync() > 0) { }

        var delivered = (await SinkAsync([recipient])).ToList();
        Assert.Equal(settings.MaxAttempts + 1, delivered.Count);
        Assert.All(delivered, s => Assert.Equal(OutboxMessage.DeliveryKeyOf(id), s.MessageKey));
        Assert.Equal([OutboxState.Sent], await StatesAsync([id]));
    }

    private CancellationTokenSource Stop { get; } = new();

    private static string NewPhone() => "+7701" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A dispatcher whose SMS sender delivers to the sink, and on a message to <paramref name="crashAt"/> delivers it and then "dies".</summary>
    private OutboxDispatcher CrashingDispatcher(string crashAt, CancellationTokenSource? stop = null)
    {
        var sink = ActivatorUtilities.CreateInstance<SinkSender>(factory.Services, NotificationChannel.Sms);
        var email = ActivatorUtilities.CreateInstance<SinkSender>(factory.Services, NotificationChannel.Email);
        IMessageSender[] senders = [new CrashingSender(sink, crashAt, stop ?? Stop), email];
        return ActivatorUtilities.CreateInstance<OutboxDispatcher>(factory.Services, (IEnumerable<IMessageSender>)senders);
    }

    private sealed class CrashingSender(IMessageSender inner, string crashAt, CancellationTokenSource stop) : IMessageSender
    {
        public NotificationChannel Channel => inner.Channel;

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            if (message.Recipient != crashAt) return;
            // The receiver has it; the process stops before the dispatcher hears back.
            await stop.CancelAsync();
            throw new OperationCanceledException(stop.Token);
        }
    }

    private async Task<List<long>> EnqueueAsync(IReadOnlyList<string> recipients)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        foreach (var recipient in recipients)
        {
            await outbox.EnqueueAsync(new Notification(NotificationChannel.Sms, recipient, "en", DefaultTemplates.Registered,
                new Dictionary<string, string> { ["number"] = "TEST" }, "crash-test:" + recipient + ":" + Guid.NewGuid().ToString("N")));
            // One save per message, so that the ids follow the recipients' order.
            await db.SaveChangesAsync();
        }
        return await db.Outbox.Where(m => recipients.Contains(m.Recipient)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
    }

    private async Task<List<OutboxState>> StatesAsync(IReadOnlyList<long> ids)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var states = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Outbox.AsNoTracking()
            .Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.State).ToListAsync();
        return states;
    }

    private async Task<List<SinkMessage>> SinkAsync(IReadOnlyList<string> recipients)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().SinkMessages.AsNoTracking()
            .Where(s => recipients.Contains(s.Recipient)).OrderBy(s => s.Id).ToListAsync();
    }
}

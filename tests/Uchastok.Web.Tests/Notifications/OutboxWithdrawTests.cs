using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Notifications;

/// <summary>
/// <see cref="Outbox.WithdrawAsync"/>, the command other modules call to take back what they queued for someone
/// (Community, when a subscriber leaves): by the topic the messages were queued under, never by their keys' text.
/// </summary>
public sealed class OutboxWithdrawTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task WithdrawAsync_StopsWhatIsQueuedUnderItsTopic_AndErasesTheAddressFromEveryMessageUnderIt_NothingElse()
    {
        var run = Guid.NewGuid().ToString("N");
        var (topic, otherTopic, address) = ($"test:{run}", $"test:{run}:other", $"w-{run}@test.kz");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        // Held back a day, so the dispatcher leaves them queued while the test looks.
        var later = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1);
        Notification To(string key, string withdrawalTopic) => new(NotificationChannel.Email, address, "ru", DefaultTemplates.Mailing,
            new Dictionary<string, string> { ["subject"] = "s", ["text"] = "t", ["scope"] = "x", ["link"] = "l" }, $"{run}:{key}", NotBeforeUtc: later, WithdrawalTopic: withdrawalTopic);
        await outbox.EnqueueAsync(To("queued", topic));
        await outbox.EnqueueAsync(To("sent", topic));
        await outbox.EnqueueAsync(To("other", otherTopic));
        await db.SaveChangesAsync();
        var sent = await db.Outbox.SingleAsync(m => m.DedupeKey == $"{run}:sent");
        sent.State = OutboxState.Sent;
        db.SinkMessages.Add(new SinkMessage { Channel = NotificationChannel.Email, Recipient = address, Subject = "s", Body = "b", OutboxMessageId = sent.Id, AtUtc = later });
        await db.SaveChangesAsync();

        var withdrawn = await outbox.WithdrawAsync(topic, "-erased");

        Assert.Equal(1, withdrawn);
        var rows = await db.Outbox.AsNoTracking().Where(m => m.DedupeKey.StartsWith(run)).OrderBy(m => m.DedupeKey)
            .Select(m => new { m.DedupeKey, m.State, m.Recipient }).ToListAsync();
        Assert.Equal(new[]
        {
            new { DedupeKey = $"{run}:other", State = OutboxState.Pending, Recipient = address },
            new { DedupeKey = $"{run}:queued", State = OutboxState.Withdrawn, Recipient = "-erased" },
            new { DedupeKey = $"{run}:sent", State = OutboxState.Sent, Recipient = "-erased" },
        }, rows);
        Assert.Equal("-erased", await db.SinkMessages.AsNoTracking().Where(s => s.OutboxMessageId == sent.Id).Select(s => s.Recipient).SingleAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Notifications;

/// <summary>Settings of section <c>Notifications</c>.</summary>
/// <summary>The outbox's settings (section <c>Notifications</c>), which also carries the site-wide <see cref="SiteSettings"/>.</summary>
public sealed class NotificationSettings : SiteSettings
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxAttempts { get; set; } = 5;
    /// <summary>
    /// How long a dispatcher holds the one message it is sending. A send is cut off at half of it,
    /// so a live node always records its outcome in time; a message still "sending" after it was
    /// left by a node that stopped, and is sent again with the same message id.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);
    public SmtpSettings Smtp { get; set; } = new();
}

/// <summary>
/// Sends queued messages, one at a time. Any number of nodes may run it: a message is claimed by one
/// statement (on PostgreSQL <c>UPDATE … FOR UPDATE SKIP LOCKED … RETURNING</c>; on SQLite a
/// conditional update under its single writer) that marks it "sending" with a lease, and its
/// outcome is recorded as soon as the sender returns. A process that dies therefore leaves at most
/// the message it was sending: when its lease ends, that one is queued again and sent with the
/// same <see cref="OutboxMessage.DeliveryKey"/>, which the receiver can use to drop the duplicate.
/// Delivery is at least once; a person is needed only after <see cref="NotificationSettings.MaxAttempts"/>
/// attempts failed or ended unknown.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IEnumerable<IMessageSender> senders, OutboxSignal signal,
    NotificationSettings settings, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>How many messages one call sends before it returns, so the loop checks leases now and then.</summary>
    private const int BatchSize = 50;
    private readonly Dictionary<NotificationChannel, IMessageSender> _senders = senders.ToDictionary(s => s.Channel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Background) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReleaseAbandonedAsync(stoppingToken);
                while (await DispatchPendingAsync(stoppingToken) > 0) { }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Outbox dispatch failed; will try again");
            }
            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and sends due messages one by one, up to a batch; returns how many it claimed.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var claimed = 0;
        while (claimed < BatchSize && await ClaimNextAsync(cancellationToken) is { } message)
        {
            claimed++;
            await SendAsync(message, cancellationToken);
        }
        return claimed;
    }

    private async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // A send that hangs is cut off well inside the lease, so no other node takes the message while this one may still send it.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.SendLease / 2);
        try
        {
            await _senders[message.Channel].SendAsync(message, limit.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = exception is OperationCanceledException
                ? $"Timeout: no answer within {(settings.SendLease / 2).TotalSeconds:0} s."
                : $"{exception.GetType().Name}: {exception.Message}";
            logger.LogWarning("Message {Id} to {Channel} failed: {Error}", message.Id, message.Channel, error);
            await RecordFailureAsync(message.Id, message.Attempts, error, CancellationToken.None);
            return;
        }
        // Recorded at once, and even while the host stops: what was delivered must not wait for its lease.
        await RecordSentAsync(message.Id, CancellationToken.None);
    }

    /// <summary>
    /// Messages left in Sending past their lease by a process that stopped mid-send: whether the
    /// receiver got them is unknown, so they go out again with the same message id, for the
    /// receiver to drop if it did. After <see cref="NotificationSettings.MaxAttempts"/> attempts a
    /// message fails for a person to look at (one that stops the process each time is not resent for ever).
    /// </summary>
    public async Task<int> ReleaseAbandonedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = db.Outbox.Where(m => m.State == OutboxState.Sending && m.LockedUntilUtc < now);
        var requeued = await abandoned.Where(m => m.Attempts < settings.MaxAttempts)
            .ExecuteUpdateAsync(m => m
                .SetProperty(x => x.State, OutboxState.Pending)
                .SetProperty(x => x.LockedUntilUtc, (DateTime?)null)
                .SetProperty(x => x.NextAttemptAtUtc, now)
                .SetProperty(x => x.LastError, "Outcome unknown: the sender stopped while sending; sent again with the same message id."),
                cancellationToken);
        var failed = await abandoned.Where(m => m.Attempts >= settings.MaxAttempts)
            .ExecuteUpdateAsync(m => m
                .SetProperty(x => x.State, OutboxState.Failed)
                .SetProperty(x => x.LockedUntilUtc, (DateTime?)null)
                .SetProperty(x => x.LastError, "Outcome unknown after the last attempt: the sender stopped while sending. Retry if the recipient did not get it."),
                cancellationToken);
        if (requeued + failed > 0) logger.LogWarning("{Requeued} messages left sending by a stopped process queued again, {Failed} failed", requeued, failed);
        return requeued + failed;
    }

    /// <summary>Takes the oldest due message no other node holds: marks it Sending with a lease and counts the attempt.</summary>
    private async Task<OutboxMessage?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseEnd = now + settings.SendLease;
        if (db.Database.IsNpgsql())
        {
            // One statement: rows another node has locked are skipped, never waited for.
            var claimed = await db.Outbox.FromSql($"""
                UPDATE notifications_outbox SET "State" = 'Sending', "Attempts" = "Attempts" + 1, "LockedUntilUtc" = {leaseEnd}
                WHERE "Id" = (SELECT "Id" FROM notifications_outbox
                              WHERE "State" = 'Pending' AND "NextAttemptAtUtc" <= {now}
                              ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            return claimed.SingleOrDefault();
        }
        // SQLite has one node and one writer; the state condition still keeps a second caller off a message already taken.
        while (true)
        {
            var id = await db.Outbox.Where(m => m.State == OutboxState.Pending && m.NextAttemptAtUtc <= now)
                .OrderBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null) return null;
            var taken = await db.Outbox.Where(m => m.Id == id && m.State == OutboxState.Pending)
                .ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.State, OutboxState.Sending)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                    .SetProperty(x => x.LockedUntilUtc, leaseEnd),
                    cancellationToken);
            if (taken == 1) return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        }
    }

    private async Task RecordSentAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.State, OutboxState.Sent)
            .SetProperty(x => x.LockedUntilUtc, (DateTime?)null)
            .SetProperty(x => x.SentAtUtc, now)
            .SetProperty(x => x.LastError, (string?)null),
            cancellationToken);
    }

    private async Task RecordFailureAsync(long id, int attempts, string error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var state = attempts >= settings.MaxAttempts ? OutboxState.Failed : OutboxState.Pending;
        // Back off 1, 4, 9, 16… minutes between attempts.
        var next = now + TimeSpan.FromMinutes(attempts * attempts);
        var message = error.Length > 1000 ? error[..1000] : error;
        await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.State, state)
            .SetProperty(x => x.LockedUntilUtc, (DateTime?)null)
            .SetProperty(x => x.NextAttemptAtUtc, next)
            .SetProperty(x => x.LastError, message),
            cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Notifications;

/// <summary>Settings of section <c>Notifications</c>.</summary>
public sealed class NotificationSettings
{
    /// <summary>Run the dispatcher and the deadline job in the background; tests run them by hand instead.</summary>
    public bool Background { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxAttempts { get; set; } = 5;
    /// <summary>The site's address as residents reach it, for links in messages.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
    public SmtpSettings Smtp { get; set; } = new();
}

/// <summary>
/// Sends queued messages. Any number of nodes may run it: a message is claimed in a transaction
/// (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, on SQLite under its single writer) before it
/// is sent. Delivery is at most once: a message whose sender died mid-send is marked failed with
/// "outcome unknown" for a person to retry, never resent on its own.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IEnumerable<IMessageSender> senders, OutboxSignal signal,
    NotificationSettings settings, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
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

    /// <summary>Claims and sends one batch of due messages; returns how many it claimed.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(cancellationToken);
        var sent = new List<long>();
        foreach (var message in claimed)
        {
            try
            {
                await _senders[message.Channel].SendAsync(message, cancellationToken);
                sent.Add(message.Id);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var error = $"{exception.GetType().Name}: {exception.Message}";
                logger.LogWarning("Message {Id} to {Channel} failed: {Error}", message.Id, message.Channel, error);
                await RecordFailureAsync(message.Id, message.Attempts + 1, error, cancellationToken);
            }
        }
        // One write for the whole batch; a crash before it leaves them in Sending, which ReleaseAbandonedAsync reports, never resends.
        await RecordSentAsync(sent, cancellationToken);
        return claimed.Count;
    }

    /// <summary>Messages left in Sending by a process that died: the outcome is unknown, so a person decides.</summary>
    public async Task<int> ReleaseAbandonedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Outbox.Where(m => m.State == OutboxState.Sending && m.LockedUntilUtc < now)
            .ExecuteUpdateAsync(m => m
                .SetProperty(x => x.State, OutboxState.Failed)
                .SetProperty(x => x.LastError, "Outcome unknown: the sender stopped while sending. Retry if the recipient did not get it."),
                cancellationToken);
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = db.Database.IsNpgsql()
            ? db.Outbox.FromSql($"""
                SELECT * FROM notifications_outbox
                WHERE "State" = 'Pending' AND "NextAttemptAtUtc" <= {now}
                ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """)
            : db.Outbox.Where(m => m.State == OutboxState.Pending && m.NextAttemptAtUtc <= now).OrderBy(m => m.Id).Take(BatchSize);
        var messages = await due.ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            message.State = OutboxState.Sending;
            message.LockedUntilUtc = now + Lease;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messages;
    }

    private async Task RecordSentAsync(List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.State, OutboxState.Sent)
            .SetProperty(x => x.Attempts, x => x.Attempts + 1)
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
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.LockedUntilUtc, (DateTime?)null)
            .SetProperty(x => x.NextAttemptAtUtc, next)
            .SetProperty(x => x.LastError, message),
            cancellationToken);
    }
}

using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// SQLite admits one writer at a time. When many requests begin write transactions together, the
/// losers get SQLITE_BUSY, and Microsoft.Data.Sqlite retries them after putting the thread to
/// sleep: throughput falls and latency jumps. This gate makes the write transactions of this
/// process wait their turn instead, asynchronously and in order. The turn ends when the transaction
/// commits or rolls back, or, for one abandoned by an exception, when its connection closes. A wait
/// longer than <see cref="MaxWait"/> goes ahead ungated (SQLite's own locking still protects the
/// data), so a mistake can slow a request but never hang it. Registered only for SQLite.
/// </summary>
public sealed class SqliteWriteGate(ILogger<SqliteWriteGate> logger) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, byte> _holders = new();

    /// <summary>No write transaction of this process holds the gate.</summary>
    public bool IsFree => _gate.CurrentCount == 1 && _holders.IsEmpty;

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.ConnectionId, _gate.Wait(MaxWait));
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Enter(eventData.ConnectionId, await _gate.WaitAsync(MaxWait, cancellationToken));
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A transaction that failed to start never held SQLite's lock.
        if (eventData.Action == "Start") Leave(eventData.ConnectionId);
    }

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback is rolled back by SQLite when its connection closes.</summary>
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private void Enter(Guid connection, bool entered)
    {
        if (entered) _holders[connection] = 0;
        else logger.LogWarning("A write transaction waited {MaxWait} for the SQLite write gate and goes ahead without it", MaxWait);
    }

    private void Leave(Guid connection)
    {
        if (_holders.TryRemove(connection, out _)) _gate.Release();
    }
}

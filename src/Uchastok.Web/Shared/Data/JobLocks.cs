using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// Lets one node at a time run a pass of a background job that works over the whole database
/// (deadlines, quarterly report drafts, reminders, beat versions coming into force). Another node
/// asking meanwhile is told no and skips its pass: the node holding the lock does the work.
/// On PostgreSQL the lock is a session advisory lock on a connection held for the pass, so it ends
/// with its node even when the process is killed (the server closes the session); on SQLite, which
/// one process serves, it is a lock in memory.
/// </summary>
public sealed class JobLocks(DatabaseSettings database, ILogger<JobLocks> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new();

    /// <summary>The lock of a job if no one holds it; null when another pass (on this node or another) runs now.</summary>
    public async Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken cancellationToken = default)
    {
        if (!database.IsPostgres)
        {
            var gate = _local.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
            return gate.Wait(0, CancellationToken.None) ? new LocalLock(gate) : null;
        }
        var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", KeyOf(job));
            if (await command.ExecuteScalarAsync(cancellationToken) is true) return new AdvisoryLock(connection, KeyOf(job), logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per job name (PostgreSQL's own hashtext may change between versions).</summary>
    internal static long KeyOf(string job) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("uchastok-job:" + job)), 0);

    private sealed class LocalLock(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection, long key, ILogger logger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Unlocked before the connection goes back to the pool, which keeps the session (and would keep the lock).
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync();
            }
            catch (NpgsqlException exception)
            {
                // The session is gone, and the lock with it.
                logger.LogWarning(exception, "A job lock could not be released; its session has ended");
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}

using Microsoft.Data.Sqlite;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// Marks a SQLite database as in use by a serving host, so that a restore refuses to replace it
/// under running requests, and a host does not start on a database being restored. It is an
/// exclusive lock on <c>uchastok.db.lock</c> next to the database (.NET takes <c>flock</c> for
/// <see cref="FileShare.None"/> on Unix): the kernel releases it when the process ends, however it
/// ends, so a crash leaves nothing to clean up. Only a serving host holds it (taken before its
/// migrations run); the command line does not, so <c>beats import</c> still works beside a server.
/// </summary>
public sealed class SqliteServingLock(DatabaseSettings settings, ILogger<SqliteServingLock> logger) : IHostedService, IDisposable
{
    private FileStream? _held;

    /// <summary>Takes the lock, or fails when another process holds it. Called before migrations run, and again (a no-op) when the host starts.</summary>
    public void Acquire()
    {
        if (_held is not null) return;
        var database = DatabasePath(settings.ConnectionString);
        _held = TryAcquire(database) ?? throw new InvalidOperationException(
            $"Another Uchastok process, or a restore, is using the database {database} (it holds {LockPath(database)}). Stop it first.");
        logger.LogDebug("Serving {Database}", database);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Acquire();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }

    public static string DatabasePath(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    public static string LockPath(string databasePath) => databasePath + ".lock";

    /// <summary>The lock on a database, or null when a host (or a restore) holds it.</summary>
    public static FileStream? TryAcquire(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        try
        {
            return new FileStream(LockPath(databasePath), PrivateFiles.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }
}

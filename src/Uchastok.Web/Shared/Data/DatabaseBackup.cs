using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Uchastok.Web.Shared.Data;

/// <summary>Backup settings (section <c>Backup</c>, e.g. <c>Backup__Folder</c>). The schedule is off until a folder is set.</summary>
public sealed class BackupSettings
{
    /// <summary>Where the scheduled backups go; none (the default) turns the schedule off.</summary>
    public string? Folder { get; set; }

    /// <summary>How often a scheduled backup is taken.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many scheduled backups are kept; older ones are deleted after a new one succeeds.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>
    /// How far a restore moves the public counters (appeal numbers, tip references) past the highest
    /// number in the restored data: numbers issued after the backup was taken are in people's hands
    /// but not in the data, and must not be given again. Set it above the most appeals filed between
    /// two backups.
    /// </summary>
    public long NumberGapAfterRestore { get; set; } = 1000;

    /// <summary>The folder of pg_dump and pg_restore, when they are not in /usr/lib/postgresql/*/bin or on the PATH.</summary>
    public string? PostgresBin { get; set; }
}

public enum BackupProblem
{
    None,
    /// <summary>The database to back up does not exist.</summary>
    NoDatabase,
    /// <summary>The backup file to restore does not exist.</summary>
    FileNotFound,
    /// <summary>The file is not a readable, intact Uchastok backup.</summary>
    NotABackup,
    /// <summary>A running host (or another session) uses the database to restore.</summary>
    Serving,
    /// <summary>pg_dump or pg_restore failed or is missing.</summary>
    ToolFailed,
}

public sealed record BackupOutcome(BackupProblem Problem, string File, long Bytes, string? Detail)
{
    public bool Succeeded => Problem == BackupProblem.None;
}

/// <summary>What a restore did: the previous database kept under another name, and the counters it moved.</summary>
public sealed record RestoreOutcome(BackupProblem Problem, string? Detail, string? Kept, IReadOnlyList<RaisedCounter> Raised)
{
    public bool Succeeded => Problem == BackupProblem.None;

    public static RestoreOutcome Failed(BackupProblem problem, string? detail) => new(problem, detail, null, []);
}

/// <summary>
/// Backs up and restores the whole database, data-protection key ring included.
/// <para>SQLite: the online backup API copies a consistent snapshot of the live database, including
/// what is still in the write-ahead log (a copy of <c>uchastok.db</c> alone misses it), while
/// writers go on; the copy is checked with <c>PRAGMA integrity_check</c> and is one self-contained
/// file. PostgreSQL: <c>pg_dump -Fc</c> (one consistent snapshot), checked by reading its table of
/// contents back with <c>pg_restore --list</c>.</para>
/// <para>A backup is written next to its name and renamed into place once checked, so a failed one
/// never leaves a file that looks whole. A restore builds the new database beside the old one (a
/// file <c>….restoring</c>, a database <c>…_restoring</c>), checks it, applies pending migrations,
/// raises the public counters (<see cref="INumberingGuard"/>) and only then swaps it in with one
/// rename; the old database is kept under a <c>before-restore</c> name. Any failure before the swap
/// leaves the old database as it was. Restore refuses a database that a host serves.</para>
/// </summary>
public sealed class DatabaseBackup(DatabaseSettings database, BackupSettings settings, IServiceProvider services, TimeProvider clock, ILogger<DatabaseBackup> logger)
{
    public DatabaseSettings Database => database;

    public Task<BackupOutcome> BackupAsync(string file, CancellationToken cancellationToken = default) => BackupAsync(database, file, cancellationToken);

    public async Task<BackupOutcome> BackupAsync(DatabaseSettings source, string file, CancellationToken cancellationToken = default)
    {
        file = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial";
        DeleteSqliteFiles(partial);
        CreatePrivateFile(partial);
        try
        {
            var problem = source.IsPostgres ? await DumpPostgresAsync(source, partial, cancellationToken) : await CopySqliteAsync(source, partial, cancellationToken);
            if (problem is not null) return new BackupOutcome(problem.Value.Problem, file, 0, problem.Value.Detail);
            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            DeleteSqliteFiles(partial);
        }
        var bytes = new FileInfo(file).Length;
        logger.LogInformation("Backup of the {Provider} database written to {File} ({Bytes} bytes)", source.Provider, file, bytes);
        return new BackupOutcome(BackupProblem.None, file, bytes, null);
    }

    public Task<RestoreOutcome> RestoreAsync(string file, long? numberGap = null, CancellationToken cancellationToken = default) =>
        RestoreAsync(database, file, numberGap, cancellationToken);

    public async Task<RestoreOutcome> RestoreAsync(DatabaseSettings target, string file, long? numberGap = null, CancellationToken cancellationToken = default)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) return RestoreOutcome.Failed(BackupProblem.FileNotFound, file);
        var gap = numberGap ?? settings.NumberGapAfterRestore;
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        var outcome = target.IsPostgres ? await RestorePostgresAsync(target, file, gap, cancellationToken) : await RestoreSqliteAsync(target, file, gap, cancellationToken);
        if (outcome.Succeeded)
            logger.LogWarning("Database restored from {File}; the previous one is kept as {Kept}; counters moved: {Raised}",
                file, outcome.Kept ?? "(none)", string.Join("; ", outcome.Raised.Select(r => $"{r.Name} {r.Before}→{r.After}")));
        return outcome;
    }

    // ---- SQLite ----

    private static async Task<(BackupProblem Problem, string Detail)?> CopySqliteAsync(DatabaseSettings source, string partial, CancellationToken cancellationToken)
    {
        var path = SqliteServingLock.DatabasePath(source.ConnectionString);
        if (!File.Exists(path)) return (BackupProblem.NoDatabase, path);
        return await Task.Run<(BackupProblem, string)?>(() =>
        {
            using (var from = OpenSqlite(path))
            using (var to = OpenSqlite(partial))
            {
                // One step (-1) under one read transaction: a snapshot of everything committed when it
                // began, WAL included; writers carry on meanwhile.
                from.BackupDatabase(to);
                // The copy keeps the source's WAL mode in its header; a backup is better one plain file.
                Sqlite(to, "PRAGMA journal_mode=DELETE");
                var check = Sqlite(to, "PRAGMA integrity_check");
                if (check != "ok") return (BackupProblem.NotABackup, check ?? "integrity_check returned nothing");
            }
            return null;
        }, cancellationToken);
    }

    private async Task<RestoreOutcome> RestoreSqliteAsync(DatabaseSettings target, string file, long gap, CancellationToken cancellationToken)
    {
        var path = SqliteServingLock.DatabasePath(target.ConnectionString);
        // Held to the end, so no host starts on the database while it is replaced.
        using var serving = SqliteServingLock.TryAcquire(path);
        if (serving is null) return RestoreOutcome.Failed(BackupProblem.Serving, SqliteServingLock.LockPath(path));

        var staging = path + ".restoring";
        DeleteSqliteFiles(staging);
        CreatePrivateFile(staging);
        try
        {
            var invalid = await Task.Run(() => CopyAndCheckSqlite(file, staging), cancellationToken);
            if (invalid is not null) return RestoreOutcome.Failed(BackupProblem.NotABackup, invalid);

            IReadOnlyList<RaisedCounter> raised;
            await using (var db = Context(new DatabaseSettings("sqlite", new SqliteConnectionStringBuilder { DataSource = staging, Pooling = false }.ConnectionString)))
            {
                await db.Database.MigrateAsync(cancellationToken);
                raised = await NumberingGuards.RaiseAllAsync(services, db, gap, cancellationToken);
            }

            string? kept = null;
            if (File.Exists(path))
            {
                kept = $"{path}.before-restore-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
                try
                {
                    // Fold the old database's WAL into its main file (no host has it open: we hold the lock),
                    // so the copy kept is whole and no stale WAL is left beside the restored file.
                    using (var old = OpenSqlite(path)) Sqlite(old, "PRAGMA journal_mode=DELETE");
                }
                catch (SqliteException exception)
                {
                    // A damaged database is the usual reason to restore: keep its files as they are.
                    logger.LogWarning(exception, "The database being replaced could not be opened; its files are kept as they are");
                    if (File.Exists(path + "-wal")) KeepPrivateCopy(path + "-wal", kept + "-wal");
                }
                KeepPrivateCopy(path, kept);
            }
            DeleteSqliteFiles(path, mainFile: false);
            // rename(2): the database is the old one or the new one, never neither.
            File.Move(staging, path, overwrite: true);
            return new RestoreOutcome(BackupProblem.None, null, kept, raised);
        }
        finally
        {
            DeleteSqliteFiles(staging);
        }
    }

    private static void KeepPrivateCopy(string from, string to)
    {
        File.Copy(from, to, overwrite: true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Copies a backup into the staging file through SQLite (so anything that is not a database fails here) and checks it.</summary>
    private static string? CopyAndCheckSqlite(string file, string staging)
    {
        try
        {
            using (var from = OpenSqlite(file, SqliteOpenMode.ReadOnly))
            using (var to = OpenSqlite(staging))
            {
                from.BackupDatabase(to);
                Sqlite(to, "PRAGMA journal_mode=DELETE");
                var check = Sqlite(to, "PRAGMA integrity_check");
                if (check != "ok") return check;
                if (Sqlite(to, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'appeals')") != "2")
                    return "not an Uchastok database";
            }
            return null;
        }
        catch (SqliteException exception)
        {
            return exception.Message;
        }
    }

    private static SqliteConnection OpenSqlite(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        // No pooling: every file is closed when this code is done with it, before renames.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static string? Sqlite(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void DeleteSqliteFiles(string path, bool mainFile = true)
    {
        if (mainFile) File.Delete(path);
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
    }

    // ---- PostgreSQL ----

    private async Task<(BackupProblem Problem, string Detail)?> DumpPostgresAsync(DatabaseSettings source, string partial, CancellationToken cancellationToken)
    {
        var dump = await PostgresTools.RunAsync(PostgresTools.Find("pg_dump", settings.PostgresBin), ["--format=custom", "--file", partial], source.ConnectionString, null, cancellationToken);
        if (dump.ExitCode != 0) return (BackupProblem.ToolFailed, dump.Errors);
        var list = await PostgresTools.RunAsync(PostgresTools.Find("pg_restore", settings.PostgresBin), ["--list", partial], source.ConnectionString, null, cancellationToken);
        return list.ExitCode == 0 ? null : (BackupProblem.NotABackup, list.Errors);
    }

    private async Task<RestoreOutcome> RestorePostgresAsync(DatabaseSettings target, string file, long gap, CancellationToken cancellationToken)
    {
        var pgRestore = PostgresTools.Find("pg_restore", settings.PostgresBin);
        var list = await PostgresTools.RunAsync(pgRestore, ["--list", file], target.ConnectionString, null, cancellationToken);
        if (list.ExitCode != 0) return RestoreOutcome.Failed(list.ExitCode == 127 ? BackupProblem.ToolFailed : BackupProblem.NotABackup, list.Errors);

        var connection = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false };
        var name = connection.Database ?? throw new InvalidOperationException("UCHASTOK_PG names no database.");
        // PostgreSQL names are at most 63 bytes.
        var stem = name.Length > 40 ? name[..40] : name;
        var staging = stem + "_restoring";
        var kept = $"{stem}_before_restore_{clock.GetUtcNow():yyyyMMddHHmmss}";
        var maintenance = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = "postgres" }.ConnectionString;

        await using var server = new NpgsqlConnection(maintenance);
        await server.OpenAsync(cancellationToken);
        var exists = await ScalarAsync(server, "SELECT count(*) FROM pg_database WHERE datname = @name", name, cancellationToken) is > 0;
        if (exists && await SessionsAsync(server, name, cancellationToken) is { } sessions) return RestoreOutcome.Failed(BackupProblem.Serving, sessions);

        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {Quote(staging)} WITH (FORCE)", cancellationToken);
        await ExecuteAsync(server, $"CREATE DATABASE {Quote(staging)}", cancellationToken);
        var swapped = false;
        try
        {
            var stagingConnection = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = staging }.ConnectionString;
            // No owner or grants from the source server: the objects belong to the account that restores, as the app expects.
            var restore = await PostgresTools.RunAsync(pgRestore, ["--no-owner", "--no-acl", "--exit-on-error", "--dbname", staging, file], stagingConnection, staging, cancellationToken);
            if (restore.ExitCode != 0) return RestoreOutcome.Failed(BackupProblem.ToolFailed, restore.Errors);

            IReadOnlyList<RaisedCounter> raised;
            await using (var db = Context(new DatabaseSettings("postgres", stagingConnection)))
            {
                var tables = await db.Database.SqlQueryRaw<int>(
                    """SELECT count(*)::int AS "Value" FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('__EFMigrationsHistory', 'appeals')""")
                    .SingleAsync(cancellationToken);
                if (tables != 2) return RestoreOutcome.Failed(BackupProblem.NotABackup, "not an Uchastok database");
                await db.Database.MigrateAsync(cancellationToken);
                raised = await NumberingGuards.RaiseAllAsync(services, db, gap, cancellationToken);
            }

            // Both renames in one transaction: a session that connected meanwhile makes the first fail, and nothing changes.
            if (exists && await SessionsAsync(server, name, cancellationToken) is { } late) return RestoreOutcome.Failed(BackupProblem.Serving, late);
            await using (var swap = await server.BeginTransactionAsync(cancellationToken))
            {
                if (exists) await ExecuteAsync(server, $"ALTER DATABASE {Quote(name)} RENAME TO {Quote(kept)}", cancellationToken);
                await ExecuteAsync(server, $"ALTER DATABASE {Quote(staging)} RENAME TO {Quote(name)}", cancellationToken);
                await swap.CommitAsync(cancellationToken);
            }
            swapped = true;
            return new RestoreOutcome(BackupProblem.None, null, exists ? kept : null, raised);
        }
        finally
        {
            if (!swapped) await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {Quote(staging)} WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>Who else is connected to a database, or null when no one is.</summary>
    private static async Task<string?> SessionsAsync(NpgsqlConnection server, string database, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT count(*), string_agg(DISTINCT COALESCE(NULLIF(application_name, ''), 'a client') || ' from ' || COALESCE(host(client_addr), 'a local socket'), ', ')
            FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()
            """, server);
        command.Parameters.AddWithValue("name", database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt64(0);
        return count == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{database}: {count} session(s), {reader.GetString(1)}");
    }

    private static async Task<long?> ScalarAsync(NpgsqlConnection connection, string sql, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // Database names cannot be parameters; every name here is quoted by Quote.
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // ---- both ----

    /// <summary>A context on a database the host is not connected to (the staging copy of a restore).</summary>
    private static UchastokDbContext Context(DatabaseSettings target) => target.IsPostgres
        ? new PostgresUchastokDbContext(new DbContextOptionsBuilder<PostgresUchastokDbContext>().UseNpgsql(target.ConnectionString).Options)
        : new SqliteUchastokDbContext(new DbContextOptionsBuilder<SqliteUchastokDbContext>().UseSqlite(target.ConnectionString).Options);

    /// <summary>Backups hold every IIN and the key ring: only the owner may read them (mode 0600), from the first byte.</summary>
    private static void CreatePrivateFile(string path)
    {
        using var _ = new FileStream(path, PrivateFiles.Options(FileMode.Create, FileAccess.Write, FileShare.Read));
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Tests.Support;
using Xunit.Abstractions;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// Backup and restore on the suite's database (SQLite or PostgreSQL): a backup taken while appeals
/// are filed holds every appeal acknowledged before it began, and after a restore the next appeal
/// gets a number no one holds.
/// </summary>
public sealed class BackupRestoreTests(UchastokAppFactory factory, ITestOutputHelper output) : IClassFixture<UchastokAppFactory>, IDisposable
{
    private const int Filers = 4;
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (var file in _files) File.Delete(file);
    }

    [Fact]
    public async Task Backup_WhileAppealsAreFiled_RestoreHasEveryAppealAcknowledgedBeforeItAndNumbersAreNotReused()
    {
        var body = await factory.AppealBodyAsync();
        var acknowledged = new ConcurrentBag<(string Number, bool BeforeBackup)>();
        var backupStarted = 0;
        using var stop = new CancellationTokenSource();
        var filers = Enumerable.Range(0, Filers).Select(_ => Task.Run(async () =>
        {
            using var client = factory.Client();
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAppealAsync(body);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var number = (await response.JsonAsync()).GetProperty("number").GetString()!;
                // Read after the answer arrived: 0 means the backup had not begun when it was acknowledged.
                acknowledged.Add((number, Volatile.Read(ref backupStarted) == 0));
            }
        })).ToList();

        await WaitForAsync(() => acknowledged.Count >= 3 * Filers, filers);
        var file = TempFile(".backup");
        Volatile.Write(ref backupStarted, 1);
        var before = acknowledged.Count;
        var backup = await factory.Services.GetRequiredService<DatabaseBackup>().BackupAsync(file);
        var duringBackup = acknowledged.Count - before;
        output.WriteLine($"{before} acknowledged before the backup, {duringBackup} while it ran ({backup.Bytes} bytes)");
        // Filing goes on after the backup: these numbers are issued, then lost with the restore.
        var afterBackup = acknowledged.Count;
        await WaitForAsync(() => acknowledged.Count >= afterBackup + 2 * Filers, filers);
        await stop.CancelAsync();
        await Task.WhenAll(filers);

        Assert.True(backup.Succeeded, $"{backup.Problem} {backup.Detail}");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        var restored = new RestoredAppFactory(factory, file);
        await using var _ = new Disposer(restored);
        await restored.InitializeAsync();
        var present = (await NumbersAsync(restored)).ToHashSet();
        var missing = acknowledged.Where(a => a.BeforeBackup && !present.Contains(a.Number)).Select(a => a.Number).ToList();
        Assert.True(missing.Count == 0, $"acknowledged before the backup but missing after restore: {string.Join(", ", missing)}");
        Assert.Contains(restored.Raised, r => r.Name.StartsWith("appeal numbers", StringComparison.Ordinal) && r.After >= r.Before + 1000);

        using var client = restored.Client();
        var (next, _, _) = await restored.FileAppealAsync(client);
        Assert.DoesNotContain(next, present);
        // Nor a number issued after the backup, which its holder still quotes: the restore moved the counter past them.
        var everIssued = acknowledged.Select(a => a.Number).ToHashSet();
        Assert.DoesNotContain(next, everIssued);
        Assert.True(Sequence(next) > everIssued.Max(Sequence), $"{next} after {everIssued.Max(Sequence)}");
        output.WriteLine($"{everIssued.Count} issued in all, {present.Count} in the restored data; next number {next}");
    }

    [Fact]
    public async Task Start_CounterBehindTheNumbersIssued_IsRaisedSoTheNextNumberIsNew()
    {
        using var client = factory.Client();
        var (first, _, _) = await factory.FileAppealAsync(client);
        var (second, _, _) = await factory.FileAppealAsync(client);

        // A counter set back (a database copied by hand, a counter row lost): the next appeal would get a number someone holds.
        var year = KazakhstanTime.LocalDate(DateTime.UtcNow).Year;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"SELECT setval({AppealNumberingName(year)}::regclass, 1, false)");
            else
                await db.Database.ExecuteSqlRawAsync("UPDATE appeals_sequences SET \"LastNumber\" = 0");

            // What the host does at every start.
            var raised = await NumberingGuards.RaiseAllAsync(scope.ServiceProvider, db, gap: 0);
            Assert.Contains(raised, r => r.Name == $"appeal numbers {year}" && r.After >= Sequence(second));
        }

        var (next, _, _) = await factory.FileAppealAsync(client);
        Assert.True(Sequence(next) > Sequence(second), $"{next} after {first} and {second}");
        Assert.DoesNotContain(next, await NumbersAsync(factory, except: next));
    }

    [Fact]
    public async Task Restore_IntoTheDatabaseTheHostServes_IsRefusedAndChangesNothing()
    {
        using var client = factory.Client();
        var (number, _, _) = await factory.FileAppealAsync(client);
        var backup = factory.Services.GetRequiredService<DatabaseBackup>();
        var file = TempFile(".backup");
        Assert.True((await backup.BackupAsync(file)).Succeeded);
        var (later, _, _) = await factory.FileAppealAsync(client);

        var outcome = await backup.RestoreAsync(factory.Database, file);

        Assert.Equal(BackupProblem.Serving, outcome.Problem);
        Assert.Contains(later, await NumbersAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/about")).StatusCode);
        Assert.NotEqual(number, later);
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNotABackup_IsRefusedAndLeavesTheOldDatabase()
    {
        var backup = factory.Services.GetRequiredService<DatabaseBackup>();
        using var client = factory.Client();
        var (number, _, _) = await factory.FileAppealAsync(client);
        var good = TempFile(".backup");
        Assert.True((await backup.BackupAsync(good)).Succeeded);
        await using var target = await Target.CreateAsync();
        Assert.True((await backup.RestoreAsync(target.Settings, good)).Succeeded);

        var junk = TempFile(".backup");
        await File.WriteAllTextAsync(junk, "SQLite format 3 — or so it says; this is not a database.");
        var outcome = await backup.RestoreAsync(target.Settings, junk);

        Assert.Equal(BackupProblem.NotABackup, outcome.Problem);
        Assert.Contains(number, await target.NumbersAsync());
    }

    [Fact]
    public async Task Schedule_EveryPeriod_TakesABackupAndKeepsTheNewest()
    {
        var folder = Path.Combine(Path.GetTempPath(), "uchastok-tests", "backups-" + Guid.NewGuid().ToString("N"));
        var scheduled = new ScheduledAppFactory(folder);
        try
        {
            await scheduled.InitializeAsync();
            var job = scheduled.Services.GetRequiredService<ScheduledBackupJob>();
            // The host's own first pass may have taken it already; either way one is there, and not twice.
            await job.RunOnceAsync();
            Assert.Single(ScheduledBackupJob.Backups(folder));
            Assert.Null(await job.RunOnceAsync());

            scheduled.Clock.Advance(TimeSpan.FromHours(1));
            await job.RunOnceAsync();
            scheduled.Clock.Advance(TimeSpan.FromHours(1));
            await job.RunOnceAsync();

            var kept = ScheduledBackupJob.Backups(folder);
            Assert.Equal(2, kept.Count);
            Assert.Equal(scheduled.Clock.GetUtcNow().AddHours(-1), kept[0].At);
            Assert.Equal(scheduled.Clock.GetUtcNow(), kept[1].At);
        }
        finally
        {
            // The host first: its own pass may be writing into the folder.
            await ((IAsyncLifetime)scheduled).DisposeAsync();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static string AppealNumberingName(int year) => string.Create(CultureInfo.InvariantCulture, $"appeals_number_{year:0000}");

    private static long Sequence(string number) => long.Parse(number[(number.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    private static async Task<List<string>> NumbersAsync(UchastokAppFactory app, string? except = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        return await db.Appeals.Where(a => a.Number != except).Select(a => a.Number).ToListAsync();
    }

    private static async Task WaitForAsync(Func<bool> condition, IReadOnlyList<Task> workers)
    {
        while (!condition())
        {
            // A filer that failed ends the wait with its own assertion.
            if (workers.FirstOrDefault(w => w.IsCompleted) is { } failed) await failed;
            await Task.Delay(20);
        }
    }

    private string TempFile(string extension)
    {
        var folder = Path.Combine(Path.GetTempPath(), "uchastok-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        _files.Add(file);
        return file;
    }

    /// <summary>Ends a host made inside a test the way xunit ends a fixture: its database goes too.</summary>
    private sealed class Disposer(IAsyncLifetime fixture) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await fixture.DisposeAsync();
    }

    /// <summary>A host started on a database restored, before it starts, from a backup of another host's.</summary>
    private sealed class RestoredAppFactory(UchastokAppFactory source, string backupFile) : UchastokAppFactory
    {
        public IReadOnlyList<RaisedCounter> Raised { get; private set; } = [];

        protected override async Task BeforeStartAsync()
        {
            // The fixture made an empty database for this host; a restore makes its own, so the empty one goes.
            await Target.DropAsync(Database);
            var outcome = await source.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(Database, backupFile);
            Assert.True(outcome.Succeeded, $"{outcome.Problem} {outcome.Detail}");
            Assert.Null(outcome.Kept);
            Raised = outcome.Raised;
        }
    }

    /// <summary>A host with the backup schedule on: every hour into a folder, keeping two.</summary>
    private sealed class ScheduledAppFactory(string folder) : ClockedAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Backup:Folder", folder);
            builder.UseSetting("Backup:Every", "01:00:00");
            builder.UseSetting("Backup:Keep", "2");
        }
    }

    /// <summary>A database to restore into that no host serves: a SQLite file in its own folder, or a PostgreSQL database.</summary>
    private sealed class Target : IAsyncDisposable
    {
        private Target(DatabaseSettings settings) => Settings = settings;

        public DatabaseSettings Settings { get; }

        public static Task<Target> CreateAsync()
        {
            var name = "uchastok_test_" + Guid.NewGuid().ToString("N")[..12];
            var folder = Path.Combine(Path.GetTempPath(), "uchastok-tests", name);
            return Task.FromResult(new Target(UchastokAppFactory.Provider == "postgres"
                ? new DatabaseSettings("postgres", $"{UchastokAppFactory.PostgresServer};Database={name}")
                : new DatabaseSettings("sqlite", $"Data Source={Path.Combine(folder, "uchastok.db")};Pooling=False")));
        }

        public async Task<List<string>> NumbersAsync()
        {
            var numbers = new List<string>();
            await using var connection = Settings.IsPostgres ? (System.Data.Common.DbConnection)new NpgsqlConnection(Settings.ConnectionString + ";Pooling=False") : new SqliteConnection(Settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Number\" FROM appeals";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) numbers.Add(reader.GetString(0));
            return numbers;
        }

        /// <summary>Drops a PostgreSQL database and the copies a restore keeps of it; deletes a SQLite database's folder.</summary>
        public static async Task DropAsync(DatabaseSettings settings)
        {
            if (settings.IsPostgres)
            {
                var name = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database!;
                await using var connection = new NpgsqlConnection(UchastokAppFactory.PostgresServer + ";Database=postgres;Pooling=False");
                await connection.OpenAsync();
                var doomed = new List<string>();
                await using (var find = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname = @n OR datname LIKE @n || '\\_%'", connection))
                {
                    find.Parameters.AddWithValue("n", name);
                    await using var reader = await find.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) doomed.Add(reader.GetString(0));
                }
                foreach (var database in doomed)
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                }
            }
            else
            {
                SqliteConnection.ClearAllPools();
                var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource)!;
                foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : []) File.Delete(file);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await DropAsync(Settings);
            if (!Settings.IsPostgres && Directory.Exists(Path.GetDirectoryName(new SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource)))
                Directory.Delete(Path.GetDirectoryName(new SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource)!, recursive: true);
        }
    }
}

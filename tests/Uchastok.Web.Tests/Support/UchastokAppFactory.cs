using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Uchastok.Web.Demo;

namespace Uchastok.Web.Tests.Support;

/// <summary>
/// The real host over its own fresh database: a SQLite file in a temporary folder, or a new
/// PostgreSQL database when <c>UCHASTOK_TEST_DB=postgres</c> (server from <c>UCHASTOK_TEST_PG</c>).
/// The demo city is seeded into it, without its history unless a fixture asks for it; tests that
/// change things make their own data on top.
/// </summary>
public class UchastokAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "uchastok-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly bool _ownsDatabase = true;

    public UchastokAppFactory()
    {
        if (Provider == "postgres") _postgresDatabase = "uchastok_test_" + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>The fixture's own folder: the SQLite file and the key ring's certificate.</summary>
    public string DataFolder => _dataFolder;

    /// <summary>The key ring's certificate: the fixture's own, or the first node's for a second node (every node on one database needs the same).</summary>
    public string CertificatePath => _sharedCertificate ?? Path.Combine(_dataFolder, "certificates", "data-protection.pfx");

    private readonly string? _sharedCertificate;

    /// <summary>A second node over another factory's PostgreSQL database, which that factory creates and drops.</summary>
    protected UchastokAppFactory(UchastokAppFactory sharing)
    {
        _postgresDatabase = sharing._postgresDatabase ?? throw new InvalidOperationException("Only a PostgreSQL database can be shared by two nodes.");
        _sharedCertificate = sharing.CertificatePath;
        _ownsDatabase = false;
    }

    public static string Provider => Environment.GetEnvironmentVariable("UCHASTOK_TEST_DB") ?? "sqlite";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("UCHASTOK_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    public async Task InitializeAsync()
    {
        if (_postgresDatabase is not null && _ownsDatabase)
        {
            await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
        }
        await BeforeStartAsync();
        BeforeStart();
        // Start the host now, so that seeding happens once per fixture rather than inside the first test.
        _ = Services;
    }

    /// <summary>The database this host uses (made in <see cref="InitializeAsync"/>, before the host starts).</summary>
    public Uchastok.Web.Shared.Data.DatabaseSettings Database => _postgresDatabase is not null
        ? new("postgres", $"{PostgresServer};Database={_postgresDatabase}")
        : new("sqlite", $"Data Source={Path.Combine(_dataFolder, "uchastok.db")};Pooling=True");

    /// <summary>Last chance to prepare the database (e.g. restore a backup into it) before the host starts.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Whether the outbox dispatcher and the deadline job run on their own timers.</summary>
    protected virtual bool RunBackgroundJobs => false;

    /// <summary>
    /// Whether the demo city gets its year of history (appeals, survey answers, meetings, published
    /// reports). Off: each test makes its own data and counts only what it made.
    /// </summary>
    protected virtual bool SeedHistory => false;

    /// <summary>Whether the per-address and per-contact filing limits keep their production defaults.</summary>
    protected virtual bool AppealLimitsAtDefaults => false;

    /// <summary>Sign-ins allowed per network and hour (<c>Accounts:SignInsPerHour</c>).</summary>
    protected virtual int SignInsPerHour => 100_000;

    /// <summary>Registrations allowed per network and hour (<c>Accounts:RegistrationsPerHour</c>).</summary>
    protected virtual int RegistrationsPerHour => 100_000;

    /// <summary>
    /// Settings an administrator would fill in (a term with its source, a limit a test can reach), applied after the
    /// test defaults above. A host that differs from the plain one only in settings sets these and nothing else.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Last chance to choose the server (e.g. Kestrel for a browser) before the host starts.</summary>
    protected virtual void BeforeStart()
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("UCHASTOK_SHARED_DATA", SharedData.Path);
        // Tests run the outbox dispatcher and the deadline job by hand, so that what they assert does not race a timer.
        builder.UseSetting("Notifications:Background", RunBackgroundJobs ? "true" : "false");
        builder.UseSetting(HistorySeeder.Setting, SeedHistory ? "true" : "false");
        // The certificate that encrypts the key ring, made on first start: in the fixture's own folder, with either database.
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        // Every test files from one address and many from one account: the filing limits are out of
        // the way here, and at their defaults where a fixture says so (the flooding tests).
        if (!AppealLimitsAtDefaults)
        {
            builder.UseSetting("Appeals:FilingsPerAddressPerHour", "100000");
            builder.UseSetting("Appeals:FilingsPerContactPerDay", "100000");
            builder.UseSetting("Safety:ReportsPerNetworkPerHour", "100000");
        }
        // Every test signs in and registers from the same (test) address; the limits' own tests set them low.
        builder.UseSetting("Accounts:SignInsPerHour", SignInsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Accounts:RegistrationsPerHour", RegistrationsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_postgresDatabase is not null)
        {
            builder.UseSetting("UCHASTOK_DB", "postgres");
            builder.UseSetting("UCHASTOK_PG", $"{PostgresServer};Database={_postgresDatabase}");
        }
        else
        {
            builder.UseSetting("UCHASTOK_DB", "sqlite");
            builder.UseSetting("UCHASTOK_DATA", _dataFolder);
        }
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_postgresDatabase is not null && !_ownsDatabase)
        {
            // The owner drops the database; this node only lets go of its connections.
        }
        else if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }
}

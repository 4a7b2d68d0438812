using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// Where the data lives. SQLite (one file under <c>data/</c>, WAL) is the embedded default;
/// <c>UCHASTOK_DB=postgres</c> with <c>UCHASTOK_PG</c> switches to PostgreSQL. The data folder
/// (<c>UCHASTOK_DATA</c>) holds the SQLite file and, with either database, the certificate that
/// encrypts the data-protection keys (<see cref="KeyRingCertificate"/>).
/// </summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString, string DataFolder)
{
    public bool IsPostgres => Provider == "postgres";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration["UCHASTOK_DATA"];
        if (string.IsNullOrWhiteSpace(folder)) folder = Path.Combine(contentRoot, "..", "..", "data");
        folder = Path.GetFullPath(folder);

        var provider = (configuration["UCHASTOK_DB"] ?? "sqlite").Trim().ToLowerInvariant();
        if (provider is "postgres" or "postgresql")
        {
            var connection = configuration["UCHASTOK_PG"];
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("UCHASTOK_DB=postgres needs UCHASTOK_PG, a PostgreSQL connection string.");
            return new("postgres", connection, folder);
        }
        if (provider != "sqlite")
            throw new InvalidOperationException($"UCHASTOK_DB must be 'sqlite' or 'postgres', not '{provider}'.");

        PrivateFiles.CreateFolder(folder);
        var file = Path.Combine(folder, "uchastok.db");
        PrivateFiles.PrepareSqlite(file);
        return new("sqlite", $"Data Source={file};Pooling=True", folder);
    }
}

/// <summary>
/// Files only the service's own account may read: the database holds personal data (IINs
/// encrypted, names and phones not), and a copy of it with the key certificate is everything.
/// </summary>
public static class PrivateFiles
{
    /// <summary>rw------- (0600).</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ (0700).</summary>
    public const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>Creates the folder 0700 when it is missing; a folder the operator made keeps the mode he gave it.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    /// <summary>
    /// Makes the SQLite file 0600 before SQLite opens it: a missing file is created empty (SQLite
    /// takes an empty file for a new database), an existing one is narrowed to 0600, and so are
    /// its -wal and -shm. SQLite gives the -wal and -shm it creates the main file's mode.
    /// </summary>
    public static void PrepareSqlite(string file)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(file))
        {
            try
            {
                using var _ = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process (a second node, a command line) made it a moment ago.
            }
        }
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(path) && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0) File.SetUnixFileMode(path, OwnerOnly);
    }
}

public static class DatabaseSetup
{
    public static IServiceCollection AddUchastokDatabase(this IServiceCollection services, DatabaseSettings settings, IConfiguration configuration)
    {
        services.AddSingleton(settings);
        if (settings.IsPostgres)
            services.AddDbContext<UchastokDbContext, PostgresUchastokDbContext>(o => o.UseNpgsql(settings.ConnectionString));
        else
        {
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContext<UchastokDbContext, SqliteUchastokDbContext>((sp, o) => o
                .UseSqlite(settings.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<SqliteWriteGate>()));
        }

        // Keys in the database: every web node behind a load balancer reads the same cookies and protected IINs.
        // Encrypted there with a certificate kept outside the database, so a copy of the database alone decrypts nothing.
        var certificates = KeyRingCertificate.From(configuration, settings.DataFolder);
        services.AddSingleton(certificates);
        services.AddDataProtection().SetApplicationName("Uchastok").PersistKeysToDbContext<UchastokDbContext>()
            .ProtectKeysWithCertificate(certificates.Current)
            .UnprotectKeysWithAnyCertificate([certificates.Current, .. certificates.Previous]);
        return services;
    }

    /// <summary>Brings the schema up to date. SQLite also switches to write-ahead logging, so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteUchastokDbContext</c> build the model without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteUchastokDbContext>
{
    public SqliteUchastokDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteUchastokDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresUchastokDbContext>
{
    public PostgresUchastokDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresUchastokDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

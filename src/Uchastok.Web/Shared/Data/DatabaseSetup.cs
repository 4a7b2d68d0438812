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
public sealed record DatabaseSettings(string Provider, string ConnectionString, string DataFolder = "")
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

        PrivateFiles.CreateDirectory(folder);
        var file = Path.Combine(folder, "uchastok.db");
        PrivateFiles.PrepareSqlite(file);
        return new("sqlite", $"Data Source={file};Pooling=True", folder);
    }
}

public static class DatabaseSetup
{
    public static IServiceCollection AddUchastokDatabase(this IServiceCollection services, DatabaseSettings settings, IConfiguration configuration)
    {
        services.AddSingleton(settings);
        services.AddSingleton<JobLocks>();
        // Contexts come from a pool: building one (its options, the provider's services found again by comparing them, the
        // sets of the Identity model) cost a signed-in request more than its session check (bench/prevention.sh). A pooled
        // context is reset when its request ends; no context here keeps state of its own beyond what EF resets.
        if (settings.IsPostgres)
            services.AddDbContextPool<UchastokDbContext, PostgresUchastokDbContext>(o => o.UseNpgsql(settings.ConnectionString));
        else
        {
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContextPool<UchastokDbContext, SqliteUchastokDbContext>((sp, o) => o
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
        services.AddSingleton<Security.SearchHashes>();
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

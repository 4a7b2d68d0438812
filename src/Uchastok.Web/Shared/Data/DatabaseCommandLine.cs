using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// <c>backup FILE</c> and <c>restore FILE [--number-gap N]</c> from the shell (<c>./run.sh backup FILE</c>).
/// Exit codes as for <c>beats</c>: 0 done, 1 refused or failed, 2 usage or a missing file.
/// </summary>
public static class DatabaseCommandLine
{
    public const string Usage = "usage: backup FILE | restore FILE [--number-gap N]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var backup = services.GetRequiredService<DatabaseBackup>();
        switch (args)
        {
            case ["backup", var file]:
            {
                var outcome = await backup.BackupAsync(file);
                if (!outcome.Succeeded)
                {
                    await errors.WriteLineAsync(Problem(localizer, outcome.Problem, outcome.Detail));
                    return 1;
                }
                await output.WriteLineAsync(localizer["Backup.Done", outcome.File, Megabytes(outcome.Bytes), Describe(backup.Database)]);
                await output.WriteLineAsync(localizer["Backup.KeyRing"]);
                await output.WriteLineAsync(localizer["Backup.KeyFile", KeyMaterial(services)]);
                return 0;
            }

            case ["restore", var file, .. var options]:
            {
                long? gap = null;
                if (options is ["--number-gap", var text])
                {
                    if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return await UsageAsync(errors);
                    gap = parsed;
                }
                else if (options.Length > 0) return await UsageAsync(errors);
                if (!File.Exists(file))
                {
                    await errors.WriteLineAsync(localizer["Cli.FileNotFound", file]);
                    return 2;
                }
                var outcome = await backup.RestoreAsync(file, gap);
                if (!outcome.Succeeded)
                {
                    await errors.WriteLineAsync(Problem(localizer, outcome.Problem, outcome.Detail));
                    return 1;
                }
                await output.WriteLineAsync(localizer["Restore.Done", Path.GetFullPath(file), Describe(backup.Database)]);
                if (outcome.Kept is not null) await output.WriteLineAsync(localizer["Restore.Kept", outcome.Kept]);
                foreach (var counter in outcome.Raised) await output.WriteLineAsync(localizer["Restore.Raised", counter.Name, counter.Before, counter.After]);
                await output.WriteLineAsync(localizer["Backup.KeyFile", KeyMaterial(services)]);
                return 0;
            }

            default:
                return await UsageAsync(errors);
        }
    }

    private static async Task<int> UsageAsync(TextWriter errors)
    {
        await errors.WriteLineAsync(Usage);
        return 2;
    }

    private static string Problem(IStringLocalizer localizer, BackupProblem problem, string? detail) => localizer[$"Backup.{problem}", detail ?? string.Empty];

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.CurrentCulture);

    private static string Describe(DatabaseSettings database)
    {
        if (!database.IsPostgres) return "SQLite " + SqliteServingLock.DatabasePath(database.ConnectionString);
        var pg = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {pg.Database} @ {pg.Host}:{pg.Port}");
    }

    /// <summary>
    /// Where the key that encrypts the data-protection key ring lives, outside the database: a backup
    /// restored without it cannot read the IINs nor the sessions it holds.
    /// </summary>
    private static string KeyMaterial(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        var folder = configuration["UCHASTOK_DATA"];
        if (string.IsNullOrWhiteSpace(folder)) folder = Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, "..", "..", "data");
        return $"DataProtection:CertificatePath ({Path.GetFullPath(folder)})";
    }
}

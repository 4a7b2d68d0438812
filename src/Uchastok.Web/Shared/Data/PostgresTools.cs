using System.Diagnostics;
using Npgsql;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// Runs PostgreSQL's own client tools (<c>pg_dump</c>, <c>pg_restore</c>: Debian's
/// <c>postgresql-client</c>). They are looked for in <c>Backup:PostgresBin</c>, then in the newest
/// <c>/usr/lib/postgresql/*/bin</c> (pg_dump must be at least the server's version, and Debian's
/// wrapper on the PATH may pick an older one), then on the PATH. The connection is passed through
/// libpq's environment variables, so the password never shows in a process list.
/// </summary>
public static class PostgresTools
{
    public sealed record ToolRun(int ExitCode, string Errors);

    public static string Find(string tool, string? configuredFolder)
    {
        if (!string.IsNullOrWhiteSpace(configuredFolder)) return Path.Combine(configuredFolder, tool);
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version >= 0 && File.Exists(Path.Combine(d.Folder, "bin", tool)))
                .OrderByDescending(d => d.Version).FirstOrDefault();
            if (newest.Folder is not null) return Path.Combine(newest.Folder, "bin", tool);
        }
        return tool;
    }

    /// <summary>Runs a tool against the database of <paramref name="connectionString"/> (or another database on the same server).</summary>
    public static async Task<ToolRun> RunAsync(string executable, IEnumerable<string> arguments, string connectionString, string? database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        void Set(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) start.Environment[name] = value;
        }
        Set("PGHOST", connection.Host);
        Set("PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("PGUSER", connection.Username);
        Set("PGPASSWORD", connection.Password);
        Set("PGDATABASE", database ?? connection.Database);
        Set("PGSSLMODE", connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        Set("PGAPPNAME", "Uchastok backup");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new ToolRun(127, $"{executable}: {exception.Message}. Install the PostgreSQL client tools (Debian: postgresql-client) or set Backup:PostgresBin.");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new ToolRun(process.ExitCode, ((await errors) + (await output)).Trim());
        }
    }
}

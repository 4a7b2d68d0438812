using System.Globalization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// Takes a backup into <c>Backup:Folder</c> every <c>Backup:Every</c> and keeps the newest
/// <c>Backup:Keep</c>; off while no folder is set. It looks once a minute whether the newest
/// backup in the folder (by the time in its name, <c>uchastok-YYYYMMDDTHHMMSSZ.db|.dump</c>) is
/// older than the period, so a restart neither skips nor repeats one. On PostgreSQL, where several
/// nodes may have the setting, a pass runs only on the node holding its lock (<see cref="JobLocks"/>), and a node
/// that gets it after another finished finds the fresh file (when the folder is shared) and waits.
/// </summary>
public sealed class ScheduledBackupJob(DatabaseBackup backup, BackupSettings settings, JobLocks locks, TimeProvider clock, ILogger<ScheduledBackupJob> logger)
    : PeriodicJob(settings.Folder is not null, clock, logger)
{
    private const string Prefix = "uchastok-";
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";
    private readonly SemaphoreSlim _pass = new(1, 1);

    protected override TimeSpan Interval => settings.Every < TimeSpan.FromMinutes(1) ? settings.Every : TimeSpan.FromMinutes(1);

    protected override async Task PassAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>One look: the backup taken, or null when none was due (or another node is taking it).</summary>
    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Folder is not { } folder) return null;
        await _pass.WaitAsync(cancellationToken);
        try
        {
            await using var lease = await locks.TryTakeAsync("scheduled-backup", cancellationToken);
            if (lease is null) return null;
            PrivateFiles.CreateDirectory(folder);
            var now = Clock.GetUtcNow();
            var taken = Backups(folder);
            if (taken.Count > 0 && now - taken[^1].At < settings.Every) return null;

            var file = Path.Combine(folder, Prefix + now.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + (backup.Database.IsPostgres ? ".dump" : ".db"));
            var outcome = await backup.BackupAsync(file, cancellationToken);
            if (!outcome.Succeeded)
            {
                Logger.LogError("Scheduled backup to {File} failed: {Problem} {Detail}", file, outcome.Problem, outcome.Detail);
                return null;
            }
            foreach (var old in Backups(folder).SkipLast(Math.Max(1, settings.Keep)))
            {
                File.Delete(old.Path);
                Logger.LogInformation("Old backup {File} deleted (Backup:Keep is {Keep})", old.Path, settings.Keep);
            }
            return file;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>The backups in the folder, oldest first.</summary>
    public static List<(string Path, DateTimeOffset At)> Backups(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Prefix + "*")
                .Select(path => (Path: path, Stamp: System.IO.Path.GetFileNameWithoutExtension(path)[Prefix.Length..]))
                .Where(f => System.IO.Path.GetExtension(f.Path) is ".db" or ".dump")
                .Select(f => (f.Path, Ok: DateTimeOffset.TryParseExact(f.Stamp, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at), At: at))
                .Where(f => f.Ok).OrderBy(f => f.At).Select(f => (f.Path, f.At)).ToList()
            : [];
}

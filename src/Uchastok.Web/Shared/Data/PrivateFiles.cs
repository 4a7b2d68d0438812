namespace Uchastok.Web.Shared.Data;

/// <summary>Files and folders only their owner may read (0600, 0700): the database, its backups and the key ring's certificate hold every IIN and the keys to them.</summary>
internal static class PrivateFiles
{
    public static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>rw------- (0600).</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ (0700).</summary>
    public const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

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

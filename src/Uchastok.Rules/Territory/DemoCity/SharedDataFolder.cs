namespace Uchastok.Rules.Territory.DemoCity;

/// <summary>
/// Where the read-only shared data lives: <c>UCHASTOK_SHARED_DATA</c> when set, otherwise the
/// <c>shared/data</c> folder beside the repository (found by walking up to <c>Uchastok.slnx</c>).
/// The demo city, the tests and the benchmarks all read it from there and never copy it.
/// </summary>
public static class SharedDataFolder
{
    public const string Variable = "UCHASTOK_SHARED_DATA";

    public static string Find(string startDirectory, string? configured = null)
    {
        configured ??= Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(configured)) return configured;
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Uchastok.slnx")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
        throw new DirectoryNotFoundException($"The shared data folder was not found beside the repository; set {Variable}.");
    }
}

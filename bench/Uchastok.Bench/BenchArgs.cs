namespace Uchastok.Bench;

/// <summary>The value after <c>--name</c> on the command line, shared by every benchmark.</summary>
public static class BenchArgs
{
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}

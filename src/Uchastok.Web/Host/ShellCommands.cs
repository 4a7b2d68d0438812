using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Host;

/// <summary>
/// The commands <c>./run.sh</c> passes on (<c>beats …</c>, <c>backup</c>, <c>restore</c>): each module runs its own,
/// the host only picks which. They speak the shell's language and exit 0 done, 1 refused, 2 a usage error.
/// </summary>
public static class ShellCommands
{
    public static bool IsBeats(string[] args) => args is ["beats", ..];

    /// <summary>Backup and restore work on the database as it is: no migration or seeding first, and restore must not find it open.</summary>
    public static bool IsDatabase(string[] args) => args is ["backup", ..] or ["restore", ..];

    public static Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        CommandLineOptions.UseShellLanguage();
        return IsDatabase(args)
            ? DatabaseCommandLine.RunAsync(services, args, Console.Out, Console.Error)
            : RunBeatsAsync(services, args[1..], Console.Out, Console.Error);
    }

    /// <summary><c>beats import|export</c> are Territory's, <c>beats design</c> is BeatDesign's.</summary>
    public static async Task<int> RunBeatsAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        switch (args)
        {
            case ["design", .. var options]:
                return await BeatDesignCommandLine.RunAsync(services, options, output, errors);
            case ["import", _] or ["export", ..]:
                return await TerritoryCommandLine.RunAsync(services, args, output, errors);
            default:
                await errors.WriteLineAsync($"usage: {TerritoryCommandLine.Usage} | {BeatDesignCommandLine.Usage}");
                return 2;
        }
    }
}

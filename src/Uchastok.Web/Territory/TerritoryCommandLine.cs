using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Territory;

/// <summary>
/// <c>beats import FILE</c> and <c>beats export [--district CODE] [--out FILE]</c> from the shell,
/// through the same commands as the administration page.
/// </summary>
public static class TerritoryCommandLine
{
    public const string Usage = "beats import FILE | beats export [--district CODE] [--out FILE]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var localizer = provider.GetRequiredService<IStringLocalizer<SharedResource>>();
        switch (args)
        {
            case ["import", var file]:
                if (!File.Exists(file))
                {
                    await errors.WriteLineAsync(localizer["Cli.FileNotFound", file]);
                    return 2;
                }
                var outcome = await provider.GetRequiredService<ImportBeatsCommand>().ExecuteAsync(await File.ReadAllTextAsync(file));
                if (outcome.Succeeded)
                {
                    await output.WriteLineAsync(localizer["Import.Done", outcome.Created, outcome.Updated, outcome.Deactivated]);
                    return 0;
                }
                await errors.WriteLineAsync(localizer["Import.RefusedDetail", outcome.Errors.Count]);
                foreach (var error in outcome.Errors) await errors.WriteLineAsync("  " + ImportMessages.Describe(localizer, error));
                return 1;

            case ["export", .. var options]:
                var district = CommandLineOptions.Value(options, "--district");
                var geoJson = await provider.GetRequiredService<ExportBeatsQuery>().ExecuteAsync(district);
                if (geoJson is null)
                {
                    await errors.WriteLineAsync(localizer["Territory.DistrictNotFound"]);
                    return 1;
                }
                if (CommandLineOptions.Value(options, "--out") is { } path) await File.WriteAllTextAsync(path, geoJson);
                else await output.WriteLineAsync(geoJson);
                return 0;

            default:
                await errors.WriteLineAsync("usage: " + Usage);
                return 2;
        }
    }

}

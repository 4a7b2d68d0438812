using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Territory;

/// <summary>
/// <c>beats import FILE</c> and <c>beats export [--district CODE] [--out FILE]</c> from the shell,
/// through the same commands as the administration page.
/// </summary>
public static class TerritoryCommandLine
{
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
                var district = Option(options, "--district");
                var geoJson = await provider.GetRequiredService<ExportBeatsQuery>().ExecuteAsync(district);
                if (geoJson is null)
                {
                    await errors.WriteLineAsync(localizer["Territory.DistrictNotFound"]);
                    return 1;
                }
                if (Option(options, "--out") is { } path) await File.WriteAllTextAsync(path, geoJson);
                else await output.WriteLineAsync(geoJson);
                return 0;

            case ["design", .. var options]:
                return await DesignAsync(provider, options, output, errors, localizer);

            default:
                await errors.WriteLineAsync("usage: beats import FILE | beats export [--district CODE] [--out FILE] | beats design --district CODE [--beats N] [--seed N] [--minimal-change] [--keep-reception-points] [--time-limit SECONDS]");
                return 2;
        }
    }

    /// <summary>
    /// Runs the beat optimiser for a district with a progress bar on standard error and prints today's
    /// measures beside the proposal's. Nothing is stored: proposals are approved on the design page.
    /// </summary>
    private static async Task<int> DesignAsync(IServiceProvider provider, string[] options, TextWriter output, TextWriter errors, IStringLocalizer localizer)
    {
        var db = provider.GetRequiredService<Shared.Data.UchastokDbContext>();
        var code = Option(options, "--district");
        var district = code is null ? null : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(db.Districts, d => d.Code == code);
        if (district is null)
        {
            await errors.WriteLineAsync(localizer["Territory.DistrictNotFound"]);
            return 1;
        }
        int? Number(string name) => Option(options, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : null;
        var settings = provider.GetRequiredService<BeatDesign.WorkloadSettings>();
        var clock = provider.GetRequiredService<TimeProvider>();
        var instance = await BeatDesign.DistrictDesignProblem.LoadAsync(db, settings, clock, district.Id, Number("--beats"), options.Contains("--keep-reception-points"), CancellationToken.None);
        if (instance is null)
        {
            await errors.WriteLineAsync(localizer["Design.NoSmallAreas"]);
            return 1;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var bar = new ProgressBar(errors);
        var result = Rules.BeatDesign.BeatOptimiser.Optimise(instance.Problem,
            new Rules.BeatDesign.OptimiserOptions(Seed: Number("--seed") ?? Rules.BeatDesign.OptimiserOptions.DefaultSeed,
                TimeLimit: TimeSpan.FromSeconds(Number("--time-limit") ?? 600), MinimalChange: options.Contains("--minimal-change")),
            bar, cancel.Token);
        bar.Finish();
        var before = Rules.BeatDesign.PlanMetrics.Of(instance.CurrentProblem, instance.CurrentProblem.Current!);
        var after = instance.Measure(result.Plan);
        await output.WriteLineAsync($"| {localizer["Design.Column"]}: {district.Code} | {localizer["Design.Today"]} | {localizer["Design.Proposal"]} |");
        await output.WriteLineAsync("|---|---:|---:|");
        foreach (var (name, today, proposal) in new (string, string, string)[]
        {
            (localizer["Design.Beats"], before.BeatLoads.Count.ToString(CultureInfo.InvariantCulture), after.BeatLoads.Count.ToString(CultureInfo.InvariantCulture)),
            (localizer["Design.MaxOverMean"], before.MaxOverMean.ToString("F3", CultureInfo.InvariantCulture), after.MaxOverMean.ToString("F3", CultureInfo.InvariantCulture)),
            (localizer["Design.MinOverMean"], before.MinOverMean.ToString("F3", CultureInfo.InvariantCulture), after.MinOverMean.ToString("F3", CultureInfo.InvariantCulture)),
            (localizer["Design.Cv"], before.CoefficientOfVariation.ToString("F3", CultureInfo.InvariantCulture), after.CoefficientOfVariation.ToString("F3", CultureInfo.InvariantCulture)),
            (localizer["Design.Contiguous"], before.ContiguousShare.ToString("P0", CultureInfo.InvariantCulture), after.ContiguousShare.ToString("P0", CultureInfo.InvariantCulture)),
            (localizer["Design.Compactness"], before.MeanPolsbyPopper.ToString("F3", CultureInfo.InvariantCulture), after.MeanPolsbyPopper.ToString("F3", CultureInfo.InvariantCulture)),
            (localizer["Design.AreasMoved"], "—", after.AreasMoved.ToString(CultureInfo.InvariantCulture)),
            (localizer["Design.ResidentsMoved"], "—", after.ResidentsMoved.ToString(CultureInfo.InvariantCulture)),
        })
            await output.WriteLineAsync($"| {name} | {today} | {proposal} |");
        return 0;
    }

    /// <summary>A one-line progress bar, redrawn in place on the terminal.</summary>
    private sealed class ProgressBar(TextWriter errors) : IProgress<Rules.BeatDesign.OptimiserProgress>
    {
        private int _shown = -1;

        public void Report(Rules.BeatDesign.OptimiserProgress value)
        {
            var percent = (int)(value.Fraction * 100);
            if (percent == _shown) return;
            _shown = percent;
            var filled = percent / 4;
            var balance = double.IsNaN(value.MaxOverMean) ? string.Empty : $" max/mean {value.MaxOverMean.ToString("F3", CultureInfo.InvariantCulture)}";
            errors.Write($"\r[{new string('#', filled)}{new string('-', 25 - filled)}] {percent,3} % {value.Phase}{balance}   ");
        }

        public void Finish() => errors.WriteLine();
    }

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }

    /// <summary>The command line speaks the language of the shell's LANG (kk, ru or en).</summary>
    public static void UseShellLanguage()
    {
        var lang = Environment.GetEnvironmentVariable("LANG") ?? "en";
        lang = lang.Length >= 2 ? lang[..2] : "en";
        var culture = new CultureInfo(lang is "kk" or "ru" ? lang : "en");
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}

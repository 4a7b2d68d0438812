using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.BeatDesign;

/// <summary><c>beats design --district CODE [--beats N] [--seed N] [--minimal-change] [--keep-reception-points] [--time-limit SECONDS]</c> from the shell.</summary>
public static class BeatDesignCommandLine
{
    public const string Usage = "beats design --district CODE [--beats N] [--seed N] [--minimal-change] [--keep-reception-points] [--time-limit SECONDS]";

    /// <summary>
    /// Runs the beat optimiser for a district with a progress bar on standard error and prints today's
    /// measures beside the proposal's. Nothing is stored: proposals are approved on the design page.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] options, TextWriter output, TextWriter errors)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var localizer = provider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var db = provider.GetRequiredService<UchastokDbContext>();
        var code = CommandLineOptions.Value(options, "--district");
        var district = code is null ? null : await db.Districts.SingleOrDefaultAsync(d => d.Code == code);
        if (district is null)
        {
            await errors.WriteLineAsync(localizer["Territory.DistrictNotFound"]);
            return 1;
        }
        int? Number(string name) => CommandLineOptions.Value(options, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : null;
        var settings = provider.GetRequiredService<WorkloadSettings>();
        var clock = provider.GetRequiredService<TimeProvider>();
        var instance = await DistrictDesignProblem.LoadAsync(db, settings, clock, district.Id, Number("--beats"), options.Contains("--keep-reception-points"), CancellationToken.None);
        if (instance is null)
        {
            await errors.WriteLineAsync(localizer["Design.NoSmallAreas"]);
            return 1;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var bar = new ProgressBar(errors);
        var result = BeatOptimiser.Optimise(instance.Problem,
            new OptimiserOptions(Seed: Number("--seed") ?? OptimiserOptions.DefaultSeed,
                TimeLimit: TimeSpan.FromSeconds(Number("--time-limit") ?? 600), MinimalChange: options.Contains("--minimal-change")),
            bar, cancel.Token);
        bar.Finish();
        var before = PlanMetrics.Of(instance.CurrentProblem, instance.CurrentProblem.Current!);
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
            (localizer["Design.Bound"], BalanceBound.Of(instance.CurrentProblem).Value.ToString("F3", CultureInfo.InvariantCulture), result.Bound.Value.ToString("F3", CultureInfo.InvariantCulture)),
            (localizer["Design.WithinShare"], before.WithinFairShare.ToString("P0", CultureInfo.InvariantCulture), after.WithinFairShare.ToString("P0", CultureInfo.InvariantCulture)),
            (localizer["Design.Compactness"], before.MeanPolsbyPopper.ToString("F3", CultureInfo.InvariantCulture), after.MeanPolsbyPopper.ToString("F3", CultureInfo.InvariantCulture)),
            (localizer["Design.AreasMoved"], "—", after.AreasMoved.ToString(CultureInfo.InvariantCulture)),
            (localizer["Design.ResidentsMoved"], "—", after.ResidentsMoved.ToString(CultureInfo.InvariantCulture)),
        })
            await output.WriteLineAsync($"| {name} | {today} | {proposal} |");
        return 0;
    }

    /// <summary>A one-line progress bar, redrawn in place on the terminal.</summary>
    private sealed class ProgressBar(TextWriter errors) : IProgress<OptimiserProgress>
    {
        private int _shown = -1;

        public void Report(OptimiserProgress value)
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
}

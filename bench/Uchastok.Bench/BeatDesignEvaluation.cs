using System.Diagnostics;
using System.Globalization;
using Uchastok.Rules.BeatDesign;

namespace Uchastok.Bench;

/// <summary>
/// The beat-design evaluation of docs/beat-design.md: on each real-data instance, the two
/// baselines and the optimiser, with balance, contiguity, compactness and runtime, as Markdown.
///   dotnet run -c Release --project bench/Uchastok.Bench -- beat-design [--only NAME] [--seed N]
/// </summary>
public static class BeatDesignEvaluation
{
    public static int Run(string sharedData, string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var only = BenchArgs.Option(args, "--only");
        var seed = int.Parse(BenchArgs.Option(args, "--seed") ?? "20260301", CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();

        if (args.Contains("--tune")) return Tune(sharedData, seed);

        var instances = new List<Func<IEnumerable<EvaluationInstance>>>
        {
            () =>
            {
                var london = BeatDesignInstances.London(sharedData);
                Console.Error.WriteLine($"London read and joined in {watch.Elapsed.TotalSeconds:F0} s: {london.Count} areas, {london.Sum(a => a.Residents):N0} residents, {london.Sum(a => a.Incidents["burglary"]):N0} burglaries in 2024");
                const string source = "ONS LSOA 2021, mid-2020 population, Metropolitan Police burglaries 2024";
                return
                [
                    new("London: Camden", london.Where(a => a.Group == "Camden").ToList(), 20, source),
                    new("London: Westminster", london.Where(a => a.Group == "Westminster").ToList(), 18, source),
                    new("London: Croydon", london.Where(a => a.Group == "Croydon").ToList(), 28, source),
                    new("London: all 33 boroughs", london, 600, source),
                ];
            },
            () =>
            {
                var sf = BeatDesignInstances.SanFrancisco(sharedData);
                const string source = "SF block groups, population, four crime types Jul–Dec 2012";
                return [new("San Francisco", sf, 20, source), new("San Francisco", sf, 60, source)];
            },
            () =>
            {
                var almaty = BeatDesignInstances.Almaty(sharedData);
                // Beats stay inside their district: each district is its own instance, with a beat per three demo beats.
                return almaty.GroupBy(a => a.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new EvaluationInstance($"Almaty demo: {g.Key}", g.ToList(), Math.Max(1, (int)Math.Round(g.Count() / 3.0)), "generated demo beats as small areas"));
            },
        };

        Console.WriteLine($"Seed {seed}. Loads with the default weights (residents 1, incident 20, km² 300). Runtime on this machine, one thread.");
        Console.WriteLine();
        Console.WriteLine("| Instance | Areas | k | Method | max/mean | min/mean | CV | Contiguous | Mean Polsby–Popper | Runtime |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in instances)
        {
            foreach (var instance in group())
            {
                if (only is not null && !instance.Name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
                var build = Stopwatch.StartNew();
                var problem = instance.Problem();
                Console.Error.WriteLine($"{instance.Name} (k = {instance.Beats}): problem built in {build.Elapsed.TotalSeconds:F1} s, {problem.Adjacency.Pairs.Count} neighbouring pairs, heaviest area {problem.Loads.Max() / problem.MeanLoad:F3} of the mean");
                Row(instance, "k-means + contiguity repair", () => Baselines.KMeansWithRepair(problem, seed));
                Row(instance, "greedy region growing", () => Baselines.GreedyRegionGrowing(problem));
                Row(instance, "**Uchastok optimiser**", () => BeatOptimiser.Optimise(problem, new OptimiserOptions(Seed: seed)).Plan, bold: true);

                void Row(EvaluationInstance i, string method, Func<IReadOnlyList<int>> run, bool bold = false)
                {
                    var timer = Stopwatch.StartNew();
                    var plan = run();
                    timer.Stop();
                    var m = PlanMetrics.Of(problem, plan);
                    string B(string text) => bold ? $"**{text}**" : text;
                    Console.WriteLine($"| {i.Name} | {i.Areas.Count:N0} | {i.Beats} | {method} | {B(m.MaxOverMean.ToString("F3"))} | {m.MinOverMean:F3} | {m.CoefficientOfVariation:F3} | {m.ContiguousShare:P1} | {m.MeanPolsbyPopper:F3} | {timer.Elapsed.TotalSeconds:F1} s |");
                }
            }
        }
        return 0;
    }

    /// <summary>
    /// Chooses the optimiser's compactness weight and budget on boroughs that are not evaluation
    /// instances (Islington, Hackney, Lambeth, Southwark, with their ward counts as k), so the
    /// evaluation table is not tuned to itself.
    /// </summary>
    private static int Tune(string sharedData, int seed)
    {
        var london = BeatDesignInstances.London(sharedData);
        var boroughs = new[] { ("Islington", 16), ("Hackney", 21), ("Lambeth", 25), ("Southwark", 23) }
            .Select(b => new EvaluationInstance(b.Item1, london.Where(a => a.Group == b.Item1).ToList(), b.Item2, "tuning")).ToList();
        var problems = boroughs.Select(b => b.Problem()).ToList();
        Console.WriteLine("| Compactness weight | Iterations per area | Balance tolerance | mean max/mean | worst max/mean | mean Polsby–Popper | mean runtime |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var weight in new[] { 0.01, 0.03, 0.1, 0.3 })
        {
            foreach (var iterations in new[] { 3000, 20000 })
            {
                foreach (var tolerance in new[] { 0.03, 0.05 })
                {
                    var runs = problems.Select(p =>
                    {
                        var timer = Stopwatch.StartNew();
                        var result = BeatOptimiser.Optimise(p, new OptimiserOptions(Seed: seed, CompactnessWeight: weight, IterationsPerArea: iterations, BalanceTolerance: tolerance));
                        return (result.Metrics, timer.Elapsed.TotalSeconds);
                    }).ToList();
                    Console.WriteLine($"| {weight} | {iterations} | {tolerance} | {runs.Average(r => r.Metrics.MaxOverMean):F3} | {runs.Max(r => r.Metrics.MaxOverMean):F3} | {runs.Average(r => r.Metrics.MeanPolsbyPopper):F3} | {runs.Average(r => r.Item2):F1} s |");
                }
            }
        }
        return 0;
    }
}

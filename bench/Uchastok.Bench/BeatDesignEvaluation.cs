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
        var seeds = int.Parse(BenchArgs.Option(args, "--seeds") ?? "20", CultureInfo.InvariantCulture);
        var londonSeeds = int.Parse(BenchArgs.Option(args, "--london-seeds") ?? seeds.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        if (args.Contains("--tune")) return Tune(sharedData, seed, args.Contains("--recombination"));
        if (args.Contains("--survey")) return Survey(sharedData);

        Console.WriteLine($"The optimiser with its defaults ({OptimiserOptions.DefaultStarts} starts side by side) for seeds 1–{seeds} " +
            $"(the whole of London: 1–{londonSeeds}); k-means for the same seeds; greedy growing is deterministic. Loads with the default weights " +
            "(residents 1, incident 20, km² 300). Bound: the heaviest single area, or the map's connected pieces, over the mean (`BalanceBound`). " +
            "Within ±10 %: the share of beats whose load is within 10 % of their fair share (`FairShare`). Cells give the median, and the worst in brackets, over the seeds.");
        Console.WriteLine();
        Console.WriteLine("| Instance | Areas | k | Pieces | Bound | Method | max/mean | Gap to bound | Within ±10 % | Lightest / its share | Contiguous | Mean Polsby–Popper | Runtime |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var instance in Instances(sharedData))
        {
            if (only is not null && !instance.Name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var build = Stopwatch.StartNew();
            var problem = instance.Problem();
            var bound = BalanceBound.Of(problem);
            Console.Error.WriteLine($"{instance.Name} (k = {instance.Beats}): problem built in {build.Elapsed.TotalSeconds:F1} s, {problem.Adjacency.Pairs.Count} neighbouring pairs, bound {bound.Value:F3}");
            var runs = instance.Name.Contains("all 33", StringComparison.Ordinal) ? londonSeeds : seeds;
            Row("k-means + contiguity repair", Enumerable.Range(1, runs).Select(s => (Func<IReadOnlyList<int>>)(() => Baselines.KMeansWithRepair(problem, s))));
            Row("greedy region growing", [() => Baselines.GreedyRegionGrowing(problem)]);
            Row("**Uchastok optimiser**", Enumerable.Range(1, runs).Select(s => (Func<IReadOnlyList<int>>)(() =>
            {
                var result = BeatOptimiser.Optimise(problem, new OptimiserOptions(Seed: s));
                Console.Error.WriteLine($"  seed {s}: max/mean {result.Metrics.MaxOverMean:F3}, within {result.Metrics.WithinFairShare:P0}, {result.Elapsed.TotalSeconds:F1} s");
                return result.Plan;
            })), bold: true);

            void Row(string method, IEnumerable<Func<IReadOnlyList<int>>> runsOfMethod, bool bold = false)
            {
                var results = runsOfMethod.Select(run =>
                {
                    var timer = Stopwatch.StartNew();
                    var plan = run();
                    return (Metrics: PlanMetrics.Of(problem, plan), Seconds: timer.Elapsed.TotalSeconds);
                }).ToList();
                string Spread(Func<PlanMetrics, double> of, bool higherIsWorse, string format)
                {
                    var values = results.Select(r => of(r.Metrics)).ToList();
                    var median = Median(values);
                    var worst = higherIsWorse ? values.Max() : values.Min();
                    return results.Count == 1 ? median.ToString(format) : $"{median.ToString(format)} ({worst.ToString(format)})";
                }
                string B(string text) => bold ? $"**{text}**" : text;
                Console.WriteLine($"| {instance.Name} | {instance.Areas.Count:N0} | {instance.Beats} | {bound.PieceCount} | {bound.Value:F3} | {method} | " +
                    $"{B(Spread(m => m.MaxOverMean, true, "F3"))} | {Spread(m => m.MaxOverMean - bound.Value, true, "F3")} | {Spread(m => m.WithinFairShare * 100, false, "F0")} % | " +
                    $"{Spread(m => m.MinOverFairShare, false, "F2")} | {Spread(m => m.ContiguousShare * 100, false, "F1")} % | {Spread(m => m.MeanPolsbyPopper, false, "F3")} | " +
                    $"{Median(results.Select(r => r.Seconds).ToList()):F1} s |");
            }
        }
        return 0;
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// The evaluation instances. The stress instances were chosen by <c>--survey</c> for the
    /// property named, from the data alone, before the optimiser ran on them.
    /// </summary>
    private static IEnumerable<EvaluationInstance> Instances(string sharedData)
    {
        var watch = Stopwatch.StartNew();
        var london = BeatDesignInstances.London(sharedData);
        Console.Error.WriteLine($"London read and joined in {watch.Elapsed.TotalSeconds:F0} s: {london.Count} areas, {london.Sum(a => a.Residents):N0} residents, {london.Sum(a => a.Incidents["burglary"]):N0} burglaries in 2024");
        const string source = "ONS LSOA 2021, mid-2020 population, Metropolitan Police burglaries 2024";
        EvaluationInstance Borough(string name, int k, string? label = null) =>
            new(label ?? $"London: {name}", london.Where(a => a.Group == name).ToList(), k, source);
        yield return Borough("Camden", 20);
        yield return Borough("Westminster", 18);
        yield return Borough("Croydon", 28);
        // Stress instances, chosen by --survey for the property named before the optimiser ran on them.
        // Tower Hamlets and Greenwich as one district: the Thames between them leaves the map in two pieces (the small
        // areas do not reach across it), and the Isle of Dogs is a peninsula behind a narrow neck.
        yield return new("London: Tower Hamlets + Greenwich (two banks of the Thames)", london.Where(a => a.Group is "Tower Hamlets" or "Greenwich").ToList(), 41, source);
        // Hillingdon with 60 beats (2.8 areas each): one area alone carries 1.20 of a mean beat's load and pins the maximum.
        yield return Borough("Hillingdon", 60, "London: Hillingdon (one area heavier than a beat)");
        yield return new("London: all 33 boroughs", london, 600, source);

        var sf = BeatDesignInstances.SanFrancisco(sharedData);
        const string sfSource = "SF block groups, population, four crime types Jul–Dec 2012";
        yield return new("San Francisco", sf, 20, sfSource);
        yield return new("San Francisco", sf, 60, sfSource);
        // With 100 beats one block group alone carries 1.07 of a mean beat's load.
        yield return new("San Francisco (one block group heavier than a beat)", sf, 100, sfSource);

        // Beats stay inside their district: each district is its own instance, with a beat per three demo beats.
        foreach (var district in BeatDesignInstances.Almaty(sharedData).GroupBy(a => a.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
            yield return new EvaluationInstance($"Almaty demo: {district.Key}", district.ToList(), Math.Max(1, (int)Math.Round(district.Count() / 3.0)), "generated demo beats as small areas");
    }

    /// <summary>
    /// What each borough outside the evaluation and tuning sets would stress, from the data alone:
    /// its connected pieces and the bound, with about eight areas per beat and with four.
    /// </summary>
    private static int Survey(string sharedData)
    {
        var london = BeatDesignInstances.London(sharedData);
        var taken = new HashSet<string> { "Camden", "Westminster", "Croydon", "Islington", "Hackney", "Lambeth", "Southwark" };
        Console.WriteLine("| Borough | Areas | Pieces | k (8 per beat) | Heaviest area / mean | Pieces bound | k (4 per beat) | Heaviest area / mean | Pieces bound |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var borough in london.GroupBy(a => a.Group).Where(g => !taken.Contains(g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var areas = borough.ToList();
            string Cells(int k)
            {
                var bound = BalanceBound.Of(new EvaluationInstance(borough.Key, areas, k, "survey").Problem());
                return $"{k} | {bound.HeaviestArea:F3} | {bound.Pieces:F3}";
            }
            var pieces = BalanceBound.Of(new EvaluationInstance(borough.Key, areas, 1, "survey").Problem()).PieceCount;
            Console.WriteLine($"| {borough.Key} | {areas.Count} | {pieces} | {Cells(Math.Max(1, areas.Count / 8))} | {Cells(Math.Max(1, areas.Count / 4))} |");
        }
        return 0;
    }

    /// <summary>
    /// Chooses the optimiser's parameters on boroughs that are not evaluation instances (Islington,
    /// Hackney, Lambeth, Southwark), so the evaluation table is not tuned to itself: first the
    /// compactness weight and the budget (with their ward counts as k), then how often a step
    /// recombines two beats (also with three areas per beat, where single moves are too coarse).
    /// </summary>
    private static int Tune(string sharedData, int seed, bool recombination)
    {
        var london = BeatDesignInstances.London(sharedData);
        var boroughs = new[] { ("Islington", 16), ("Hackney", 21), ("Lambeth", 25), ("Southwark", 23) };
        var problems = boroughs.Select(b => new EvaluationInstance(b.Item1, london.Where(a => a.Group == b.Item1).ToList(), b.Item2, "tuning").Problem()).ToList();
        if (!recombination)
        {
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
                            var result = BeatOptimiser.Optimise(p, new OptimiserOptions(Seed: seed, CompactnessWeight: weight, IterationsPerArea: iterations, BalanceTolerance: tolerance, Starts: 1, RecombineEvery: 0));
                            return (result.Metrics, timer.Elapsed.TotalSeconds);
                        }).ToList();
                        Console.WriteLine($"| {weight} | {iterations} | {tolerance} | {runs.Average(r => r.Metrics.MaxOverMean):F3} | {runs.Max(r => r.Metrics.MaxOverMean):F3} | {runs.Average(r => r.Metrics.MeanPolsbyPopper):F3} | {runs.Average(r => r.Item2):F1} s |");
                    }
                }
            }
            return 0;
        }

        // Recombination: the tuning boroughs with their ward counts and with three areas per beat, seeds 1–3, one start each.
        var coarse = boroughs.Select(b => new EvaluationInstance(b.Item1, london.Where(a => a.Group == b.Item1).ToList(), london.Count(a => a.Group == b.Item1) / 3, "tuning").Problem()).ToList();
        Console.WriteLine("| One step in … recombines | Areas per beat | mean max/mean | worst max/mean | mean gap to bound | mean within ±10 % | worst within ±10 % | mean Polsby–Popper | mean runtime |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var every in new[] { 0, 256, 64, 16 })
        {
            foreach (var (label, set) in new[] { ("ward counts (6–8)", problems), ("three", coarse) })
            {
                var runs = set.SelectMany(p => Enumerable.Range(1, 3).Select(s =>
                {
                    var timer = Stopwatch.StartNew();
                    var result = BeatOptimiser.Optimise(p, new OptimiserOptions(Seed: s, Starts: 1, RecombineEvery: every));
                    return (result.Metrics, result.GapToBound, timer.Elapsed.TotalSeconds);
                })).ToList();
                Console.WriteLine($"| {(every == 0 ? "never" : every.ToString(CultureInfo.InvariantCulture))} | {label} | {runs.Average(r => r.Metrics.MaxOverMean):F3} | {runs.Max(r => r.Metrics.MaxOverMean):F3} | {runs.Average(r => r.GapToBound):F3} | " +
                    $"{runs.Average(r => r.Metrics.WithinFairShare):P0} | {runs.Min(r => r.Metrics.WithinFairShare):P0} | {runs.Average(r => r.Metrics.MeanPolsbyPopper):F3} | {runs.Average(r => r.Item3):F1} s |");
            }
        }
        return 0;
    }
}

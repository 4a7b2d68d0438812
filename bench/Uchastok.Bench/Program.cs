using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Uchastok.Bench;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Territory.DemoCity;

// Two benchmarks, both printing Markdown:
//   lookups (default): single-threaded beat lookups per second over the demo city and over
//     London's small areas used as beats, with a linear scan measured in the same run as the baseline.
//       dotnet run -c Release --project bench/Uchastok.Bench [-- --points N --linear-points N --rounds N]
//   appeals: files appeals over HTTP against a running server for a fixed time, then checks in its
//     database that every acknowledged appeal is stored exactly once (see AppealLoad.cs).
//       dotnet run -c Release --project bench/Uchastok.Bench -- appeals --url URL --db sqlite|postgres --connection CS
if (args is ["appeals", ..]) return await AppealLoad.RunAsync(args[1..]);
//   crash-load / crash-count: the two halves of bench/crash.sh, either side of kill -9 (see CrashLoad.cs).
if (args is ["crash-load", ..]) return await CrashLoad.LoadAsync(args[1..]);
if (args is ["crash-count", ..]) return await CrashLoad.CountAsync(args[1..]);
if (args is ["page-weight", ..]) return await PageWeight.RunAsync(args[1..]);
if (args is ["adjacency", ..]) return AdjacencyExplore.Run(SharedDataFolder.Find(AppContext.BaseDirectory));
if (args is ["trust", ..]) return TrustValidation.Run(args[1..]);
if (args is ["beat-design", ..]) return BeatDesignEvaluation.Run(SharedDataFolder.Find(AppContext.BaseDirectory), args[1..]);
//   beat-design-exact: CP-SAT's optimum beside the optimiser on small pieces of real data (see BeatDesignExactEvaluation.cs).
if (args is ["beat-design-exact", ..]) return BeatDesignExactEvaluation.Run(SharedDataFolder.Find(AppContext.BaseDirectory), args[1..]);
//   crime-forecast: rolling-origin evaluation of the crime forecasts on London's burglaries (issue 20, see CrimeForecastEvaluation.cs).
if (args is ["crime-forecast", ..]) return CrimeForecastEvaluation.Run(SharedDataFolder.Find(AppContext.BaseDirectory), args[1..]);
const int Seed = 20260301;
const double AimAtFiveThousandPolygons = 300_000;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var points = Option("--points", 1_000_000);
var linearPoints = Option("--linear-points", 20_000);
var rounds = Option("--rounds", 5);
var sharedData = SharedDataFolder.Find(AppContext.BaseDirectory);

var watch = Stopwatch.StartNew();
var demoCity = DemoCityGenerator.Generate(AlmatyDistrictSource.Load(sharedData));
var demoLoad = watch.Elapsed;
watch.Restart();
var london = LondonSmallAreas.Load(sharedData);
var londonLoad = watch.Elapsed;

var rows = new[]
{
    Run("Demo city (Almaty)", demoCity.Beats.Select((b, i) => (i, b.Boundary)).ToList(), demoLoad),
    Run("London LSOA 2021", london.Select((g, i) => (i, g)).ToList(), londonLoad),
};

Console.WriteLine($"Single thread, {points:N0} fixed-seed random points in each dataset's bounding box, median of {rounds} timed passes after one warm-up pass; linear scan on the first {linearPoints:N0} of them.");
Console.WriteLine();
Console.WriteLine("| Dataset | Beats | Points inside a beat | STR-tree lookups/s | STR-tree lookups/s, points inside a beat only | Linear scan lookups/s | STR-tree / linear scan (all points) | Locator build |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var row in rows) Console.WriteLine(row.Markdown);
var london5k = rows[^1];
var slowest = Math.Min(london5k.AllPoints, london5k.InsideOnly);
Console.WriteLine();
Console.WriteLine($"**Aim ≥ {AimAtFiveThousandPolygons:N0} lookups/s at ~5,000 polygons: {(slowest >= AimAtFiveThousandPolygons ? "met" : "not met")}** " +
    $"(London, {london5k.Beats:N0} areas: {london5k.AllPoints:N0}/s over all points, {london5k.InsideOnly:N0}/s over points inside an area).");
return 0;

Row Run(string name, List<(int BeatId, Geometry Boundary)> beats, TimeSpan loadTime)
{
    var box = new Envelope();
    foreach (var (_, boundary) in beats) box.ExpandToInclude(boundary.EnvelopeInternal);
    var query = QueryPoints.Inside(box, points, Seed);

    var build = Stopwatch.StartNew();
    var locator = new BeatLocator(beats);
    build.Stop();
    var linear = new LinearScanLocator(beats);

    var tree = LookupTimer.Measure(locator.Locate, query, rounds);
    // Points outside every beat are cheap (the tree descent finds nothing), so also time the hits alone.
    var hits = query.Where(i => tree.Answers[i] is not null);
    var treeOnHits = LookupTimer.Measure(locator.Locate, hits, rounds);
    var scan = LookupTimer.Measure(linear.Locate, query.Take(linearPoints), rounds);
    for (var i = 0; i < linearPoints; i++)
    {
        if (tree.Answers[i] != scan.Answers[i])
            throw new InvalidOperationException($"{name}: the STR-tree and the linear scan disagree at ({query.Longitudes[i]}, {query.Latitudes[i]}): {tree.Answers[i]} vs {scan.Answers[i]}.");
    }

    Console.Error.WriteLine($"{name}: loaded in {loadTime.TotalSeconds:F1} s; STR-tree passes {tree.SlowestRound:N0}–{tree.FastestRound:N0}/s, on hits {treeOnHits.SlowestRound:N0}–{treeOnHits.FastestRound:N0}/s, linear scan {scan.SlowestRound:N0}–{scan.FastestRound:N0}/s");
    return new Row(beats.Count, tree.LookupsPerSecond, treeOnHits.LookupsPerSecond, $"| {name} | {beats.Count:N0} | {hits.Count / (double)query.Count:P1} | {tree.LookupsPerSecond:N0} | {treeOnHits.LookupsPerSecond:N0} | {scan.LookupsPerSecond:N0} | {tree.LookupsPerSecond / scan.LookupsPerSecond:N1}× | {build.Elapsed.TotalMilliseconds:N0} ms |");
}

int Option(string name, int fallback) => BenchArgs.Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

internal sealed record Row(int Beats, double AllPoints, double InsideOnly, string Markdown);

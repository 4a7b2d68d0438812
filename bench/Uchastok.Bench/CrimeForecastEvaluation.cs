using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Uchastok.CrimeModel;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Rules.Territory;

namespace Uchastok.Bench;

/// <summary>
/// The crime-forecast evaluation of docs/crime-forecast.md (issue 20), rolling origin on the
/// Metropolitan Police burglaries: for each month, every method is given the counts of all months
/// before it and ranks the 250 m cells of London; hit rate and PAI at 1 % and 5 % of the area.
/// Parameters and the default method are chosen on the tuning months (2023-03..2024-02) only; the
/// test months (2024-03..2025-02) are then run once with those choices.
///   dotnet run -c Release --project bench/Uchastok.Bench -- crime-forecast
/// </summary>
public static class CrimeForecastEvaluation
{
    private const string BurglaryFile = "london/met-burglary-2010-12_to_2025-02.csv.gz";
    private const string BoroughsFile = "london/boroughs-2022.geojson";
    private const double Aim = 1.15;
    private const double AimSeconds = 60;

    public static int Run(string sharedData, string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var watch = Stopwatch.StartNew();
        var incidents = ReadIncidents(Path.Combine(sharedData, BurglaryFile), out var firstMonth, out var monthCount, out var withoutPoint);
        var london = UnaryUnionOp.Union(GeoJsonFeatures.Geometries(Path.Combine(sharedData, BoroughsFile)));
        var box = london.EnvelopeInternal;
        // The origin: London's south-west corner rounded down to 0.01°, so the grid is fixed by the data's boundary alone.
        var grid = new CrimeGrid(Math.Floor(box.MinX * 100) / 100, Math.Floor(box.MinY * 100) / 100);
        var area = new StudyArea(grid, grid.CellsCovering(london));
        var cellOf = incidents.Select(i => area.IndexOf(i.Longitude, i.Latitude)).ToArray();
        var history = CountHistory.FromIncidents(area.Count, monthCount, incidents.Select((incident, i) => (incident.Month, cellOf[i])));
        var outside = cellOf.Count(c => c < 0);
        Console.Error.WriteLine($"Read {incidents.Count:N0} incidents and built {area.Count:N0} cells in {watch.Elapsed.TotalSeconds:F1} s");

        string MonthName(int month) => firstMonth.AddMonths(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        int MonthIndex(string name) => Enumerable.Range(0, monthCount).Single(m => MonthName(m) == name);
        var tuning = Enumerable.Range(MonthIndex("2023-03"), 12).ToList();
        var test = Enumerable.Range(MonthIndex("2024-03"), 12).ToList();
        if (MonthName(test[^1]) != "2025-02") throw new InvalidOperationException("The test months must end at 2025-02.");

        Console.WriteLine($"Data: `{BurglaryFile}`, {incidents.Count + withoutPoint:N0} rows, {MonthName(0)}..{MonthName(monthCount - 1)} ({monthCount} months); " +
            $"{withoutPoint:N0} rows without a point are left out, and {outside:N0} points fall outside the study area (not counted).");
        Console.WriteLine($"Grid: {grid.CellMetres:0} m cells, origin {grid.OriginLongitude:F2}, {grid.OriginLatitude:F2} (local equirectangular projection). " +
            $"Study area: the {area.Count:N0} cells that meet the union of London's 33 boroughs (`{BoroughsFile}`); 1 % = {ForecastMeasures.FlaggedCells(area.Count, 0.01)} cells, 5 % = {ForecastMeasures.FlaggedCells(area.Count, 0.05)} cells.");
        Console.WriteLine("Ties in a ranking: by cell index (row, then column, from the south-west), which depends on the grid alone.");
        Console.WriteLine();

        // The other study area the README's figure might use: cells with any incident before the tuning months.
        var everHit = new List<GridCell>();
        var seen = new bool[area.Count];
        for (var m = 0; m < tuning[0]; m++) { var row = history.Month(m); for (var c = 0; c < area.Count; c++) seen[c] |= row[c] > 0; }
        for (var c = 0; c < area.Count; c++) if (seen[c]) everHit.Add(area[c]);
        var hitArea = new StudyArea(grid, everHit);
        var hitHistory = CountHistory.FromIncidents(hitArea.Count, monthCount, incidents.Select(i => (i.Month, hitArea.IndexOf(i.Longitude, i.Latitude))));
        Console.WriteLine("### The 12-month baseline against the data README (test months 2024-03..2025-02)");
        Console.WriteLine();
        Console.WriteLine("| Study area | Cells | PAI@1% min–max (mean) | PAI@5% min–max (mean) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (label, a, h) in new[] { ("cells meeting London's boroughs (used)", area, history), ("cells with an incident before 2023-03", hitArea, hitHistory) })
        {
            var results = test.Select(m => Evaluate(new RecentCountForecaster(12), h, a, m)).ToList();
            string Spread(Func<MonthResult, double> of) => $"{results.Min(of):F2}–{results.Max(of):F2} ({results.Average(of):F2})";
            Console.WriteLine($"| {label} | {a.Count:N0} | {Spread(r => r.At1.Pai)} | {Spread(r => r.At5.Pai)} |");
        }
        {
            // A third reading, for the comparison only: "the area" as the cells with an incident in the 12 months before
            // the month (the baseline's own non-zero cells, so it changes every month); every London incident still counts.
            var rows = test.Select(m =>
            {
                var scores = new RecentCountForecaster(12).Forecast(history.Before(m), area);
                var active = ForecastMeasures.Rank(scores).Where(c => scores[c] > 0).ToList();
                var actual = history.Before(m + 1).Month(m).ToArray();
                var total = 0L;
                foreach (var n in actual) total += n;
                double Pai(double share)
                {
                    var flagged = ForecastMeasures.FlaggedCells(active.Count, share);
                    return active.Take(flagged).Sum(c => (double)actual[c]) / total / (flagged / (double)active.Count);
                }
                return (Cells: active.Count, Pai1: Pai(0.01), Pai5: Pai(0.05));
            }).ToList();
            Console.WriteLine($"| cells with an incident in the 12 months before the month (changes monthly) | {rows.Min(r => r.Cells):N0}–{rows.Max(r => r.Cells):N0} | " +
                $"{rows.Min(r => r.Pai1):F2}–{rows.Max(r => r.Pai1):F2} ({rows.Average(r => r.Pai1):F2}) | {rows.Min(r => r.Pai5):F2}–{rows.Max(r => r.Pai5):F2} ({rows.Average(r => r.Pai5):F2}) |");
        }
        Console.WriteLine("| data README | | 5.6–7.7 | 3.9–4.8 |");
        Console.WriteLine();

        // Tuning: every candidate on the tuning months; each family keeps its best mean PAI@1%. The candidate lists are
        // fixed here, before the test months run; the blend's parts are the winners of the families tuned before it.
        var chosen = new List<(string Family, ICrimeForecaster Method, double TuningPai1)>();
        ICrimeForecaster Winner(string family) => chosen.Single(c => c.Family == family).Method;
        var families = new (string Family, Func<ICrimeForecaster[]> Candidates)[]
        {
            ("Baseline: last 12 months", () => [new RecentCountForecaster(12)]),
            ("Baseline: last month", () => [new RecentCountForecaster(1)]),
            ("Recency-weighted count", () => [.. new double[] { 3, 6, 12, 24, 48, 96 }.Select(h => new RecencyWeightedForecaster(h))]),
            ("Long-term count", () => [.. new[] { 24, 36, 60, 120 }.Select(w => new RecentCountForecaster(w))]),
            ("Kernel density", () => [
                .. new double[] { 100, 150, 250, 400, 600 }.SelectMany(b => new[] { 12, 36 }.Select(w => (ICrimeForecaster)new KernelDensityForecaster(b, w))),
                .. new double[] { 150, 250 }.Select(b => (ICrimeForecaster)new KernelDensityForecaster(b, 12, KernelShape.Gaussian, 24)),
                new KernelDensityForecaster(400, 12, KernelShape.Quartic),
            ]),
            ("Self-exciting process (ETAS)", () => [.. new[] { 24, 48, 96, 1000 }.Select(t => new SelfExcitingForecaster(t))]),
            // Long-term + recent + smoothed, weights on a 0.1 grid of the simplex (each weight 0..1, summing to 1),
            // the three single parts left out (they are their families' rows above).
            ("Blend", () => [.. BlendWeights().Select(w => new BlendForecaster([
                (Winner("Long-term count"), w.Long), (Winner("Recency-weighted count"), w.Recent), (Winner("Kernel density"), w.Density)]))]),
            ("Gradient-boosted trees", () => [
                new BoostedTreeForecaster(firstMonth.Month, trainingMonths: 12, BoostingObjective.Tweedie, trees: 100, leaves: 20, minimumExamplesPerLeaf: 50),
                new BoostedTreeForecaster(firstMonth.Month, trainingMonths: 12, BoostingObjective.SquaredError, trees: 100, leaves: 20, minimumExamplesPerLeaf: 50),
                new BoostedTreeForecaster(firstMonth.Month, trainingMonths: 24, BoostingObjective.Tweedie, trees: 100, leaves: 20, minimumExamplesPerLeaf: 50),
            ]),
        };
        Console.WriteLine("### Tuning months 2023-03..2024-02 (choices made here only)");
        Console.WriteLine();
        Console.WriteLine("| Family | Candidate | Mean HR@1% | Mean PAI@1% | Mean PAI@5% | Chosen |");
        Console.WriteLine("|---|---|---:|---:|---:|---|");
        foreach (var (family, candidatesOf) in families)
        {
            var candidates = candidatesOf();
            var scored = candidates.Select(c =>
            {
                var results = tuning.Select(m => Evaluate(c, history, area, m)).ToList();
                Console.Error.WriteLine($"  tuned {c.Name}: PAI@1% {results.Average(r => r.At1.Pai):F3}, worst month {results.Max(r => r.Seconds):F1} s");
                return (Method: c, Hr1: results.Average(r => r.At1.HitRate), Pai1: results.Average(r => r.At1.Pai), Pai5: results.Average(r => r.At5.Pai));
            }).ToList();
            // Best mean PAI@1%; an exact tie keeps the first candidate listed (the simpler one).
            var best = scored.Aggregate((a, b) => b.Pai1 > a.Pai1 ? b : a);
            foreach (var s in scored)
                Console.WriteLine($"| {family} | {s.Method.Name} | {s.Hr1:P1} | {s.Pai1:F2} | {s.Pai5:F2} | {(ReferenceEquals(s.Method, best.Method) ? "yes" : "")} |");
            chosen.Add((family, best.Method, best.Pai1));
        }
        var baselineTuning = chosen[0].TuningPai1;
        // The default: the best tuned method whose tuning mean PAI@1% beats the 12-month baseline's; the baseline otherwise.
        var contenders = chosen.Skip(2).Where(c => c.TuningPai1 > baselineTuning).ToList();
        var defaultMethod = contenders.Count > 0 ? contenders.Aggregate((a, b) => b.TuningPai1 > a.TuningPai1 ? b : a) : chosen[0];
        Console.WriteLine();
        Console.WriteLine($"Default chosen on the tuning months: **{defaultMethod.Method.Name}** (tuning mean PAI@1% {defaultMethod.TuningPai1:F2}, " +
            $"{defaultMethod.TuningPai1 / baselineTuning:F3}× the 12-month baseline's {baselineTuning:F2}).");
        Console.WriteLine();
        // --tuning-only stops here, before any test month is read: for trying candidate lists without seeing the test.
        if (args.Contains("--tuning-only")) return 0;

        // Test: once, with the choices above; each forecast timed alone (forecast + ranking of every cell).
        var testResults = chosen.Select(c => (c.Family, c.Method, Results: test.Select(m => Evaluate(c.Method, history, area, m)).ToList())).ToList();
        Console.WriteLine("### Test months 2024-03..2025-02, per month");
        Console.WriteLine();
        Console.WriteLine("| Month | Incidents | " + string.Join(" | ", testResults.Select(r => $"{r.Family}: HR@1% / PAI@1% / HR@5% / PAI@5%")) + " |");
        Console.WriteLine("|---|---:|" + string.Concat(testResults.Select(_ => "---:|")));
        for (var i = 0; i < test.Count; i++)
            Console.WriteLine($"| {MonthName(test[i])} | {testResults[0].Results[i].At1.Incidents:N0} | " +
                string.Join(" | ", testResults.Select(r => $"{r.Results[i].At1.HitRate:P1} / {r.Results[i].At1.Pai:F2} / {r.Results[i].At5.HitRate:P1} / {r.Results[i].At5.Pai:F2}")) + " |");
        Console.WriteLine();
        Console.WriteLine("### Test months 2024-03..2025-02, mean and 95 % interval (Student t over the 12 months, 11 degrees of freedom; the paired column: the same over the monthly differences from the 12-month baseline)");
        Console.WriteLine();
        Console.WriteLine("| Method (as tuned) | HR@1% | PAI@1% | HR@5% | PAI@5% | PAI@1% / baseline's | PAI@1% − baseline's, paired | Beats the 12-month baseline by ≥ 15 % | Forecast time, median (worst) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|");
        var baselineTest = testResults[0].Results.Average(r => r.At1.Pai);
        foreach (var (family, method, results) in testResults)
        {
            string Interval(Func<MonthResult, double> of, string format, double scale = 1)
            {
                var m = MeanInterval.Of(results.Select(of).ToList());
                return $"{(m.Mean * scale).ToString(format)} [{(m.Low * scale).ToString(format)}, {(m.High * scale).ToString(format)}]";
            }
            var ratio = results.Average(r => r.At1.Pai) / baselineTest;
            // Same months, so the difference month by month is the sharper comparison than two separate intervals.
            var paired = MeanInterval.Of(results.Select((r, i) => r.At1.Pai - testResults[0].Results[i].At1.Pai).ToList());
            var isDefault = ReferenceEquals(method, defaultMethod.Method);
            var seconds = results.Select(r => r.Seconds).Order().ToList();
            var median = (seconds[5] + seconds[6]) / 2;
            var name = isDefault ? $"**{method.Name} (default)**" : method.Name;
            var verdict = family.StartsWith("Baseline: last 12", StringComparison.Ordinal) ? "(the baseline)" : ratio >= Aim ? "yes" : ratio > 1 ? "better, but by less than 15 %" : "no: does not beat it";
            Console.WriteLine($"| {name} | {Interval(r => r.At1.HitRate, "F1", 100)} % | {Interval(r => r.At1.Pai, "F2")} | {Interval(r => r.At5.HitRate, "F1", 100)} % | {Interval(r => r.At5.Pai, "F2")} | {ratio:F3} | {paired.Mean:+0.00;-0.00;0.00} [{paired.Low:+0.00;-0.00;0.00}, {paired.High:+0.00;-0.00;0.00}] | {verdict} | {median:F2} s ({seconds[^1]:F2} s) |");
        }
        var defaultResults = testResults.Single(r => ReferenceEquals(r.Method, defaultMethod.Method)).Results;
        var defaultRatio = defaultResults.Average(r => r.At1.Pai) / baselineTest;
        var defaultWorst = defaultResults.Max(r => r.Seconds);
        Console.WriteLine();
        Console.WriteLine($"**Aim: the default beats the 12-month baseline's mean PAI@1% by ≥ 15 % on the test months: {(defaultRatio >= Aim ? "met" : "not met")}** " +
            $"({defaultMethod.Method.Name}: {defaultResults.Average(r => r.At1.Pai):F2} against {baselineTest:F2}, ratio {defaultRatio:F3}).");
        Console.WriteLine();
        Console.WriteLine($"**Aim: forecasting all {area.Count:N0} London cells for one month in ≤ {AimSeconds:0} s: {(defaultWorst <= AimSeconds ? "met" : "not met")}** " +
            $"(default method, worst month {defaultWorst:F2} s, single thread; the slowest method's worst month {testResults.Max(r => r.Results.Max(x => x.Seconds)):F2} s).");
        // How much room there is (no choice depends on it; these read the future, so they are ceilings, not methods):
        // ranking by a cell's count in the other months within 12 of the month (both sides, clipped at the data's end)
        // ranks by a good estimate of each cell's true rate that month; ranking by the month's own counts is the maximum.
        var nearRate = new List<double>();
        var perfect = new List<double>();
        foreach (var m in test)
        {
            var scores = new double[area.Count];
            for (var t = Math.Max(0, m - 12); t <= Math.Min(monthCount - 1, m + 12); t++)
            {
                if (t == m) continue;
                var row = history.Month(t);
                for (var c = 0; c < scores.Length; c++) scores[c] += row[c];
            }
            var actual = history.Month(m);
            nearRate.Add(ForecastMeasures.Score(ForecastMeasures.Rank(scores), actual, 0.01).Pai);
            perfect.Add(ForecastMeasures.Score(ForecastMeasures.Rank([.. actual.ToArray().Select(n => (double)n)]), actual, 0.01).Pai);
        }
        var near = MeanInterval.Of(nearRate);
        var most = MeanInterval.Of(perfect);
        Console.WriteLine();
        Console.WriteLine($"Ceilings (they read the month's neighbours or the month itself, so no forecast can use them), test months, mean PAI@1%: " +
            $"ranking by the count of the other months within 12 of the month, both sides: {near.Mean:F2} [{near.Low:F2}, {near.High:F2}], {near.Mean / baselineTest:F3}× the baseline; " +
            $"ranking by the month's own counts: {most.Mean:F2} [{most.Low:F2}, {most.High:F2}], {most.Mean / baselineTest:F3}×.");
        // Robustness only (no choice depends on it): the same comparison on the smaller study area of the README check.
        double MeanPai1(ICrimeForecaster method, CountHistory h, StudyArea a) => test.Average(m => Evaluate(method, h, a, m).At1.Pai);
        var hitBaseline = MeanPai1(new RecentCountForecaster(12), hitHistory, hitArea);
        Console.WriteLine();
        Console.WriteLine($"Check on the other study area (the {hitArea.Count:N0} cells with an incident before 2023-03), test months, mean PAI@1% over the 12-month baseline's ({hitBaseline:F2}): " +
            string.Join("; ", chosen.Skip(1).Select(c => $"{c.Method.Name} {MeanPai1(c.Method, hitHistory, hitArea) / hitBaseline:F3}")) + ".");
        Console.Error.WriteLine($"Done in {watch.Elapsed.TotalMinutes:F1} min");
        return 0;
    }

    /// <summary>(long-term, recent, density) weights on a 0.1 grid of the simplex, without its three corners.</summary>
    private static IEnumerable<(double Long, double Recent, double Density)> BlendWeights()
    {
        for (var a = 0; a <= 10; a++)
            for (var b = 0; a + b <= 10; b++)
            {
                var c = 10 - a - b;
                if (a == 10 || b == 10 || c == 10) continue;
                yield return (a / 10.0, b / 10.0, c / 10.0);
            }
    }

    private static MonthResult Evaluate(ICrimeForecaster method, CountHistory history, StudyArea area, int month)
    {
        var timer = Stopwatch.StartNew();
        var scores = method.Forecast(history.Before(month), area);
        var ranking = ForecastMeasures.Rank(scores);
        var seconds = timer.Elapsed.TotalSeconds;
        var actual = history.Before(month + 1).Month(month);
        return new MonthResult(ForecastMeasures.Score(ranking, actual, 0.01), ForecastMeasures.Score(ranking, actual, 0.05), seconds);
    }

    private static List<Incident> ReadIncidents(string path, out DateTime firstMonth, out int monthCount, out int withoutPoint)
    {
        var rows = new List<(DateTime Month, double Longitude, double Latitude)>();
        withoutPoint = 0;
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{path} is empty.");
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"{path} has no column {name}.");
        int month = Column("Month"), longitude = Column("Longitude"), latitude = Column("Latitude");
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (!double.TryParse(fields[longitude], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ||
                !double.TryParse(fields[latitude], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
            {
                withoutPoint++;
                continue;
            }
            rows.Add((DateTime.ParseExact(fields[month], "yyyy-MM", CultureInfo.InvariantCulture), lon, lat));
        }
        firstMonth = rows.Min(r => r.Month);
        var first = firstMonth;
        var last = rows.Max(r => r.Month);
        monthCount = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        return rows.Select(r => new Incident((r.Month.Year - first.Year) * 12 + r.Month.Month - first.Month, r.Longitude, r.Latitude)).ToList();
    }

    private sealed record Incident(int Month, double Longitude, double Latitude);

    private sealed record MonthResult(ForecastScore At1, ForecastScore At5, double Seconds);
}

using System.Diagnostics;

namespace Uchastok.Rules.BeatDesign;

/// <summary>How the optimiser runs.</summary>
/// <param name="Seed">The same seed, problem and options give the same plan (unless the time limit cuts the search short).</param>
/// <param name="TimeLimit">A safety stop; the search normally ends by its own iteration budget first.</param>
/// <param name="MinimalChange">Start from today's beats and pay <see cref="MoveCost"/> for every area moved out of its beat.</param>
/// <param name="MoveCost">The price of moving one area, in units of the balance term (squared relative deviation).</param>
/// <param name="CompactnessWeight">How much a beat's lack of compactness (1 − Polsby–Popper) counts beside balance: a second concern.</param>
/// <param name="IterationsPerArea">The annealing budget, per area.</param>
/// <param name="BalanceTolerance">Plans whose heaviest beat (against its fair share) is within this share above it are ranked by the whole objective (compactness, changes); above it, by that beat first.</param>
/// <param name="Starts">Independent searches from different seeds, run side by side; the best plan is kept. The result depends on the count, not on the machine's cores.</param>
/// <param name="RecombineEvery">One annealing step in this many recombines two neighbouring beats (<see cref="BeatOptimiser"/>); 0 turns recombination off, the final polish's too.</param>
public sealed record OptimiserOptions(
    int Seed = OptimiserOptions.DefaultSeed,
    TimeSpan? TimeLimit = null,
    bool MinimalChange = false,
    double MoveCost = 0.002,
    double CompactnessWeight = 0.1,
    int IterationsPerArea = 20000,
    double BalanceTolerance = 0.03,
    int Starts = OptimiserOptions.DefaultStarts,
    int RecombineEvery = 256)
{
    public const int DefaultSeed = 20260301;
    public const int DefaultStarts = 2;

    public TimeSpan Limit => TimeLimit ?? TimeSpan.FromMinutes(10);
}

public enum OptimiserPhase
{
    Start,
    Grow,
    Descend,
    Anneal,
    Polish,
    Done,
}

/// <summary>Where a run is: the phase, the share of the work done (0..1), and the balance so far.</summary>
public sealed record OptimiserProgress(OptimiserPhase Phase, double Fraction, double MaxOverMean);

/// <summary>The plan found, its measures, the bound it is judged against, and how the search ended.</summary>
public sealed record OptimiserResult(IReadOnlyList<int> Plan, PlanMetrics Metrics, bool StoppedByTimeLimit, long Iterations, TimeSpan Elapsed, BalanceBound Bound)
{
    /// <summary>How far the heaviest beat is above what the data allow: max/mean − the bound.</summary>
    public double GapToBound => Metrics.MaxOverMean - Bound.Value;
}

/// <summary>
/// Partitions small areas into k contiguous beats whose loads are as equal as possible, compact
/// second, changing today's beats as little as it pays in minimal-change mode. The plan grows
/// from k spread seeds (lightest beat first), then a descent and a simulated annealing minimise
/// Σ((Lᵦ − Fᵦ)/μ)² + w_c·Σ(1 − PPᵦ) + w_m·moved, where Fᵦ is the beat's fair share
/// (<see cref="FairShare"/>: the mean, unless an indivisible area or a piece of the map pins it), so
/// that every beat is balanced and not only the heaviest. The annealing moves single areas across
/// a border, exchanges two neighbouring areas, and now and then recombines two neighbouring beats:
/// their union is cut along a random spanning tree where the two sides come closest to their
/// shares, which moves a whole connected group across the border at once — a pocket behind a
/// narrow neck, a chain, a peninsula, that no single move can shift. Every step keeps each beat
/// connected and non-empty; fixed areas never move. Compactness is tracked exactly and
/// incrementally from the shared boundary lengths of <see cref="AreaAdjacency"/>. Several starts
/// run side by side and the best plan is kept. Deterministic for a seed and a number of starts.
/// </summary>
public static class BeatOptimiser
{
    public static OptimiserResult Optimise(DesignProblem problem, OptimiserOptions? options = null, IProgress<OptimiserProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new OptimiserOptions();
        var watch = Stopwatch.StartNew();
        progress?.Report(new OptimiserProgress(OptimiserPhase.Start, 0, double.NaN));
        var starts = Math.Max(1, options.Starts);
        var runs = new (int[] Plan, (double, int, double) Key, bool TimedOut, long Iterations)[starts];
        // Each start its own seed; only the first reports progress, which all of them share.
        Parallel.For(0, starts, new ParallelOptions { CancellationToken = cancellationToken }, s =>
            runs[s] = Search(problem, options, options.Seed + s * 7919, s == 0 ? progress : null, watch, cancellationToken));
        var best = Enumerable.Range(0, starts).MinBy(s => (runs[s].Key, s));
        var plan = runs[best].Plan;
        var metrics = PlanMetrics.Of(problem, plan);
        progress?.Report(new OptimiserProgress(OptimiserPhase.Done, 1, metrics.MaxOverMean));
        return new OptimiserResult(plan, metrics, runs.Any(r => r.TimedOut), runs.Sum(r => r.Iterations), watch.Elapsed, BalanceBound.Of(problem));
    }

    /// <summary>One start: grow, descend, anneal, polish. Returns the plan and its key, taken on fresh sums.</summary>
    private static (int[] Plan, (double, int, double) Key, bool TimedOut, long Iterations) Search(
        DesignProblem problem, OptimiserOptions options, int seed, IProgress<OptimiserProgress>? progress, Stopwatch watch, CancellationToken cancellationToken)
    {
        var random = new Random(seed);

        var initial = options.MinimalChange && problem.Current is not null ? FromCurrent(problem) : Grow(problem, random);
        progress?.Report(new OptimiserProgress(OptimiserPhase.Grow, 0.05, PlanMetrics.Of(problem, initial).MaxOverMean));
        var state = new SearchState(problem, initial, options);

        var budget = (long)options.IterationsPerArea * problem.Count;
        long iterations = 0;
        var timedOut = false;
        bool OutOfTime() => timedOut |= watch.Elapsed > options.Limit;

        state.Descend(random, OutOfTime, cancellationToken);
        progress?.Report(new OptimiserProgress(OptimiserPhase.Descend, 0.1, state.MaxOverMean));

        // Annealing: random border moves, worse ones taken with a probability that falls with the temperature.
        var best = state.Plan.ToArray();
        var bestKey = state.Key();
        var bestMax = state.MaxOverMean;
        var startTemperature = state.TypicalWorsening(random);
        var reportEvery = Math.Max(1, budget / 100);
        for (iterations = 0; iterations < budget; iterations++)
        {
            if ((iterations & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (OutOfTime()) break;
            }
            var temperature = startTemperature * Math.Pow(1e-3, (double)iterations / budget);
            var moved = options.RecombineEvery > 0 && iterations % options.RecombineEvery == 0 ? state.TryRecombine(random, temperature)
                : (iterations & 1) == 0 ? state.TryRandomMove(random, temperature) : state.TryRandomSwap(random, temperature);
            if (moved && state.Key() is var key && key.CompareTo(bestKey) < 0)
            {
                bestKey = key;
                bestMax = state.MaxOverMean;
                state.Plan.CopyTo(best, 0);
            }
            if (iterations % reportEvery == 0)
                progress?.Report(new OptimiserProgress(OptimiserPhase.Anneal, 0.1 + 0.85 * iterations / budget, bestMax));
        }

        // Polish: the heaviest beat sheds an area or trades a heavier one for a lighter one while that lowers the maximum.
        // The best plan's key is taken again from sums made afresh, so the polished plan is compared with it like for like.
        state = new SearchState(problem, best, options);
        bestKey = state.Key();
        progress?.Report(new OptimiserProgress(OptimiserPhase.Polish, 0.95, state.MaxOverMean));
        state.Descend(random, OutOfTime, cancellationToken);
        if (!options.MinimalChange)
        {
            state.LowerTheMaximum(cancellationToken);
            if (options.RecombineEvery > 0)
            {
                state.RecombineTheWorst(random, OutOfTime, cancellationToken);
                state.LowerTheMaximum(cancellationToken);
            }
        }
        var plan = state.Key().CompareTo(bestKey) <= 0 ? state.Plan.ToArray() : best;
        // Minimal change promises a plan that scores no worse than today's; a supervisor must never be offered
        // one that moves areas for nothing. Checked on fresh sums, so no bookkeeping of the search can break it.
        if (options.MinimalChange && problem.Current is not null && new SearchState(problem, plan, options).Objective > new SearchState(problem, initial, options).Objective)
            plan = initial;
        return (plan, new SearchState(problem, plan, options).Key(), timedOut, iterations);
    }

    /// <summary>
    /// k seeds spread by farthest-point sampling within each connected piece of the map (pieces
    /// get seeds in proportion to their load), fixed areas seeding their own beats; then the
    /// lightest beat with room to grow takes the free neighbour nearest its seed, until none is left.
    /// </summary>
    internal static int[] Grow(DesignProblem problem, Random random)
    {
        var n = problem.Count;
        var k = problem.Beats;
        var plan = Enumerable.Repeat(-1, n).ToArray();
        var load = new double[k];
        var seeds = new (double X, double Y)[k];
        var seeded = new bool[k];

        for (var i = 0; i < n; i++)
        {
            if (!problem.Fixed[i]) continue;
            var beat = problem.Current![i];
            plan[i] = beat;
            load[beat] += problem.Loads[i];
            if (!seeded[beat]) (seeds[beat], seeded[beat]) = (problem.Centroids[i], true);
        }

        var pieces = problem.Adjacency.Pieces(Enumerable.Range(0, n));
        var freeBeats = new Queue<int>(Enumerable.Range(0, k).Where(b => !seeded[b]));
        var seedsPerPiece = Apportion(pieces.Select(p => p.Sum(i => problem.Loads[i]) + 1e-9).ToList(), freeBeats.Count, pieces.Select(p => p.Any(i => problem.Fixed[i])).ToList());
        for (var p = 0; p < pieces.Count; p++)
        {
            var chosen = pieces[p].Where(i => plan[i] >= 0).Select(i => problem.Centroids[i]).ToList();
            for (var s = 0; s < seedsPerPiece[p]; s++)
            {
                var candidates = pieces[p].Where(i => plan[i] < 0).ToList();
                if (candidates.Count == 0) break;
                var pick = chosen.Count == 0
                    ? candidates[random.Next(candidates.Count)]
                    : candidates.MaxBy(i => chosen.Min(c => Distance(problem.Centroids[i], c)));
                var beat = freeBeats.Dequeue();
                plan[pick] = beat;
                load[beat] += problem.Loads[pick];
                seeds[beat] = problem.Centroids[pick];
                chosen.Add(problem.Centroids[pick]);
            }
        }

        // Grow, lightest first. A beat whose border holds no free area drops out.
        var frontier = Enumerable.Range(0, k).Select(_ => new HashSet<int>()).ToArray();
        for (var i = 0; i < n; i++)
        {
            if (plan[i] < 0) continue;
            foreach (var (j, _) in problem.Adjacency.Neighbours[i])
                if (plan[j] < 0) frontier[plan[i]].Add(j);
        }
        var queue = new PriorityQueue<int, (double, int)>();
        for (var b = 0; b < k; b++) if (frontier[b].Count > 0) queue.Enqueue(b, (load[b], b));
        while (queue.TryDequeue(out var beat, out _))
        {
            frontier[beat].RemoveWhere(i => plan[i] >= 0);
            if (frontier[beat].Count == 0) continue;
            var next = frontier[beat].MinBy(i => (Distance(problem.Centroids[i], seeds[beat]), i));
            plan[next] = beat;
            load[beat] += problem.Loads[next];
            frontier[beat].Remove(next);
            foreach (var (j, _) in problem.Adjacency.Neighbours[next])
                if (plan[j] < 0) frontier[beat].Add(j);
            if (frontier[beat].Count > 0) queue.Enqueue(beat, (load[beat], beat));
        }

        // Pieces of the map without a seed (more pieces than beats): join the nearest beat, which cannot be contiguous.
        for (var i = 0; i < n; i++)
        {
            if (plan[i] >= 0) continue;
            plan[i] = Enumerable.Range(0, k).MinBy(b => Distance(problem.Centroids[i], seeds[b]));
        }
        return plan;
    }

    /// <summary>Today's beats; areas without one join the neighbouring beat they share most boundary with.</summary>
    internal static int[] FromCurrent(DesignProblem problem)
    {
        var plan = problem.Current!.ToArray();
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < plan.Length; i++)
            {
                if (plan[i] >= 0) continue;
                var best = problem.Adjacency.Neighbours[i].Where(x => plan[x.Area] >= 0).GroupBy(x => plan[x.Area])
                    .Select(g => (Beat: g.Key, Shared: g.Sum(x => x.SharedMetres))).OrderByDescending(g => g.Shared).ThenBy(g => g.Beat).FirstOrDefault();
                if (best.Shared > 0) (plan[i], changed) = (best.Beat, true);
            }
        }
        while (changed);
        for (var i = 0; i < plan.Length; i++) if (plan[i] < 0) plan[i] = 0;
        return plan;
    }

    /// <summary>Splits <paramref name="count"/> seeds over pieces by load (largest remainder), at least one for every piece without fixed areas while seeds last.</summary>
    private static int[] Apportion(IReadOnlyList<double> weights, int count, IReadOnlyList<bool> hasFixed)
    {
        var result = new int[weights.Count];
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(p => weights[p]).ToList();
        var left = count;
        foreach (var p in order.Where(p => !hasFixed[p]))
        {
            if (left == 0) break;
            result[p] = 1;
            left--;
        }
        var total = weights.Sum();
        var ideal = weights.Select(w => w / total * count).ToArray();
        while (left > 0)
        {
            var p = order.MaxBy(q => ideal[q] - result[q]);
            result[p]++;
            left--;
        }
        return result;
    }

    private static double Distance((double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (a.X - b.X, a.Y - b.Y);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>The plan under search, with each beat's sums kept up to date move by move.</summary>
    private sealed class SearchState
    {
        private readonly DesignProblem _problem;
        private readonly OptimiserOptions _options;
        private readonly double[] _load, _area, _perimeter;
        private readonly int[] _size;
        private readonly double _mean;
        private readonly int[] _mark;
        private readonly int[] _stack;
        private int _stamp;
        // Fair shares: the water level of each beat's piece of the map, and the indivisible areas heavier
        // than it (pinned), each of which sets its beat's share to its own load.
        private readonly double[] _level;
        private readonly double[] _pinned;
        private readonly List<int>[] _pinnedIn;
        private readonly double[] _share;
        // Work arrays of a recombination, indexed by area or by position in the union.
        private readonly int[] _local;
        private readonly List<int> _union = [];

        public SearchState(DesignProblem problem, int[] plan, OptimiserOptions options)
        {
            _problem = problem;
            _options = options;
            Plan = plan.ToArray();
            var k = problem.Beats;
            (_load, _area, _perimeter, _size) = (new double[k], new double[k], new double[k], new int[k]);
            for (var i = 0; i < problem.Count; i++)
            {
                _load[Plan[i]] += problem.Loads[i];
                _area[Plan[i]] += problem.AreaSquareMetres[i];
                _perimeter[Plan[i]] += problem.PerimeterMetres[i];
                _size[Plan[i]]++;
            }
            foreach (var pair in problem.Adjacency.Pairs)
                if (Plan[pair.First] == Plan[pair.Second]) _perimeter[Plan[pair.First]] -= 2 * pair.SharedMetres;
            _mean = Math.Max(problem.MeanLoad, 1e-12);
            _mark = new int[problem.Count];
            _stack = new int[problem.Count];
            _local = new int[problem.Count];
            (_level, _pinned) = Pins(problem, Plan);
            _pinnedIn = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < problem.Count; i++) if (_pinned[i] > 0) _pinnedIn[Plan[i]].Add(i);
            _share = Enumerable.Range(0, k).Select(ShareOf).ToArray();
            Objective = FullObjective();
        }

        /// <summary>The objective, kept up to date move by move.</summary>
        public double Objective { get; private set; }

        public int[] Plan { get; }

        public double MaxOverMean => _load.Max() / _mean;

        /// <summary>The heaviest beat against its fair share: the mean's max/mean where nothing is pinned.</summary>
        public double MaxOverShare
        {
            get
            {
                var max = 0.0;
                for (var b = 0; b < _load.Length; b++) max = Math.Max(max, _load[b] / _share[b]);
                return max;
            }
        }

        /// <summary>
        /// What "better" means when keeping the best plan: the heaviest beat against its share first,
        /// then the fewest beats more than <see cref="FairShare.Tolerance"/> from their share either
        /// way (an inspector with far less than his share is as unfair as one with far more), then the objective.
        /// </summary>
        /// <remarks>In minimal-change mode every change must pay for itself, so plans are ranked by the whole objective, moves included.</remarks>
        public (double MaxOverShare, int OutsideShare, double Objective) Key() =>
            _options.MinimalChange ? (0, 0, Objective) : (Math.Round(Math.Max(MaxOverShare, 1 + _options.BalanceTolerance), 9), OutsideShare, Objective);

        private int OutsideShare
        {
            get
            {
                var outside = 0;
                for (var b = 0; b < _load.Length; b++) if (Math.Abs(_load[b] - _share[b]) > FairShare.Tolerance * _share[b]) outside++;
                return outside;
            }
        }

        /// <summary>
        /// The water level of each beat (by the piece of the map it starts in) and each area's load if
        /// it is pinned (heavier than its piece's level with the heavier areas each set apart), else 0.
        /// Fixed once per search: beats stay in their piece, and which areas are too heavy to share a
        /// beat does not depend on the plan. On a map whose beats do not each lie in one piece, one level for all.
        /// </summary>
        private static (double[] Level, double[] Pinned) Pins(DesignProblem problem, int[] plan)
        {
            var pieceOf = FairShare.PieceOf(problem);
            var pieceOfBeat = FairShare.PieceOfBeats(problem, plan, pieceOf);
            var beatsOfPiece = pieceOfBeat.GroupBy(x => x.Value).ToDictionary(g => g.Key, g => g.Count());
            var eachInOne = pieceOfBeat.Count == problem.Beats && Enumerable.Range(0, problem.Count).All(i => pieceOfBeat[plan[i]] == pieceOf[i]);
            if (!eachInOne) (pieceOf, beatsOfPiece) = (new int[problem.Count], new Dictionary<int, int> { [0] = problem.Beats });

            var level = new double[problem.Beats];
            var pinned = new double[problem.Count];
            foreach (var (piece, beats) in beatsOfPiece)
            {
                var areas = Enumerable.Range(0, problem.Count).Where(i => pieceOf[i] == piece).OrderByDescending(i => problem.Loads[i]).ToList();
                var rest = areas.Sum(i => problem.Loads[i]);
                var m = 0;
                // The heaviest areas are set apart, one beat each, while heavier than what the other beats would carry.
                while (m < beats - 1 && problem.Loads[areas[m]] > rest / (beats - m))
                {
                    pinned[areas[m]] = problem.Loads[areas[m]];
                    rest -= problem.Loads[areas[m]];
                    m++;
                }
                var pieceLevel = Math.Max(rest / (beats - m), 1e-12);
                for (var i = 0; i < problem.Count; i++) if (pieceOf[i] == piece) level[plan[i]] = pieceLevel;
            }
            return (level, pinned);
        }

        private double ShareOf(int beat)
        {
            var share = _level[beat];
            foreach (var i in _pinnedIn[beat]) share = Math.Max(share, _pinned[i]);
            return share;
        }

        /// <summary>A beat's share if <paramref name="leaving"/> left it or <paramref name="joining"/> joined it (−1 for neither).</summary>
        private double ShareWith(int beat, int leaving, int joining)
        {
            var share = _level[beat];
            foreach (var i in _pinnedIn[beat]) if (i != leaving) share = Math.Max(share, _pinned[i]);
            return joining >= 0 ? Math.Max(share, _pinned[joining]) : share;
        }

        private double FullObjective()
        {
            var objective = 0.0;
            for (var b = 0; b < _load.Length; b++)
            {
                var d = (_load[b] - _share[b]) / _mean;
                objective += d * d + _options.CompactnessWeight * (1 - PlanMetrics.PolsbyPopper(_area[b], _perimeter[b]));
            }
            if (_options.MinimalChange && _problem.Current is { } current)
                for (var i = 0; i < Plan.Length; i++) if (current[i] >= 0 && current[i] != Plan[i]) objective += _options.MoveCost;
            return objective;
        }

        /// <summary>Takes every improving border move, sweeping in a random order, until none is left.</summary>
        public void Descend(Random random, Func<bool> outOfTime, CancellationToken cancellationToken)
        {
            var order = Enumerable.Range(0, _problem.Count).ToArray();
            for (var sweep = 0; sweep < 1000; sweep++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (outOfTime()) return;
                random.Shuffle(order);
                var improved = false;
                foreach (var area in order)
                {
                    var (target, delta) = BestMove(area);
                    if (target >= 0 && delta < -1e-12 && KeepsConnected(area))
                    {
                        Move(area, target, delta);
                        improved = true;
                    }
                }
                if (!improved) return;
            }
        }

        /// <summary>The median worsening of 1,000 random border moves: the starting temperature, so that the schedule fits any instance's scale.</summary>
        public double TypicalWorsening(Random random)
        {
            var worse = new List<double>();
            for (var attempt = 0; attempt < 20_000 && worse.Count < 1000; attempt++)
            {
                var area = random.Next(_problem.Count);
                var neighbours = _problem.Adjacency.Neighbours[area];
                if (neighbours.Count == 0 || _problem.Fixed[area]) continue;
                var to = Plan[neighbours[random.Next(neighbours.Count)].Area];
                if (to == Plan[area]) continue;
                var delta = Delta(area, to);
                if (delta > 0) worse.Add(delta);
            }
            if (worse.Count == 0) return 1e-9;
            worse.Sort();
            return worse[worse.Count / 2];
        }

        /// <summary>One annealing step: a random area on a border, moved to one of the beats across it.</summary>
        public bool TryRandomMove(Random random, double temperature)
        {
            var area = random.Next(_problem.Count);
            if (_problem.Fixed[area]) return false;
            var from = Plan[area];
            if (_size[from] <= 1) return false;
            var neighbours = _problem.Adjacency.Neighbours[area];
            if (neighbours.Count == 0) return false;
            var (across, _) = neighbours[random.Next(neighbours.Count)];
            var to = Plan[across];
            if (to == from) return false;
            var delta = Delta(area, to);
            if (delta > 0 && random.NextDouble() >= Math.Exp(-delta / temperature)) return false;
            if (!KeepsConnected(area)) return false;
            Move(area, to, delta);
            return true;
        }

        /// <summary>
        /// One annealing step of another kind: two neighbouring areas of different beats trade
        /// places. Where beats hold only a few areas each, single moves change a load by a third
        /// and balance needs exchanges.
        /// </summary>
        public bool TryRandomSwap(Random random, double temperature)
        {
            var a = random.Next(_problem.Count);
            var neighbours = _problem.Adjacency.Neighbours[a];
            if (neighbours.Count == 0 || _problem.Fixed[a]) return false;
            var b = neighbours[random.Next(neighbours.Count)].Area;
            var (r, s) = (Plan[a], Plan[b]);
            if (r == s || _problem.Fixed[b]) return false;
            var first = Delta(a, s);
            Move(a, s, first);
            var second = Delta(b, r);
            Move(b, r, second);
            var delta = first + second;
            var accepted = (delta <= 0 || random.NextDouble() < Math.Exp(-delta / temperature)) && IsConnected(r) && IsConnected(s);
            if (accepted) return true;
            var back = Delta(b, s);
            Move(b, s, back);
            Move(a, r, Delta(a, r));
            return false;
        }

        /// <summary>
        /// Lowers the heaviest load against its share step by step: each step moves one of its border
        /// areas to a neighbouring beat, or trades it for a lighter area across the border, choosing the
        /// change that leaves the lower of the two new ratios' maximum; it stops when no change lowers it.
        /// Pinned areas stay: moving one changes what the beats' shares are.
        /// </summary>
        public void LowerTheMaximum(CancellationToken cancellationToken)
        {
            for (var step = 0; step < 10 * _problem.Count; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var heavy = 0;
                for (var b = 1; b < _load.Length; b++) if (_load[b] / _share[b] > _load[heavy] / _share[heavy]) heavy = b;
                var (bestA, bestB, bestTo, bestMax) = (-1, -1, -1, _load[heavy] / _share[heavy] - 1e-9);
                for (var a = 0; a < Plan.Length; a++)
                {
                    if (Plan[a] != heavy || _problem.Fixed[a] || _pinned[a] > 0) continue;
                    var la = _problem.Loads[a];
                    foreach (var (b, _) in _problem.Adjacency.Neighbours[a])
                    {
                        var to = Plan[b];
                        if (to == heavy) continue;
                        var moveMax = Math.Max((_load[heavy] - la) / _share[heavy], (_load[to] + la) / _share[to]);
                        if (moveMax < bestMax && _size[heavy] > 1) (bestA, bestB, bestTo, bestMax) = (a, -1, to, moveMax);
                        var lb = _problem.Loads[b];
                        if (_problem.Fixed[b] || _pinned[b] > 0 || lb >= la) continue;
                        var swapMax = Math.Max((_load[heavy] - la + lb) / _share[heavy], (_load[to] - lb + la) / _share[to]);
                        if (swapMax < bestMax) (bestA, bestB, bestTo, bestMax) = (a, b, to, swapMax);
                    }
                }
                if (bestA < 0 || !TryChange(bestA, bestB, heavy, bestTo)) return;
            }
        }

        /// <summary>One annealing step of the third kind: a beat and a neighbouring one recombined, kept by the annealing rule.</summary>
        public bool TryRecombine(Random random, double temperature)
        {
            var i = random.Next(_problem.Count);
            var neighbours = _problem.Adjacency.Neighbours[i];
            if (neighbours.Count == 0) return false;
            var j = neighbours[random.Next(neighbours.Count)].Area;
            if (Plan[i] == Plan[j]) return false;
            return Recombine(i, j, random, delta => delta <= 0 || random.NextDouble() < Math.Exp(-delta / temperature));
        }

        /// <summary>
        /// The last polish: the beat furthest from its share is recombined with each neighbouring beat,
        /// over a few random trees each, keeping a change only when the plan's key improves; it ends
        /// when a whole round over that beat's neighbours finds nothing, or the budget is spent.
        /// </summary>
        public void RecombineTheWorst(Random random, Func<bool> outOfTime, CancellationToken cancellationToken)
        {
            const int TreesPerPair = 8;
            var tried = new HashSet<int>();
            for (var round = 0; round < 4 * _problem.Beats; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (outOfTime()) return;
                var worst = -1;
                for (var b = 0; b < _load.Length; b++)
                    if (!tried.Contains(b) && (worst < 0 || Math.Abs(_load[b] / _share[b] - 1) > Math.Abs(_load[worst] / _share[worst] - 1))) worst = b;
                if (worst < 0 || Math.Abs(_load[worst] / _share[worst] - 1) < 1e-6) return;
                var improved = false;
                foreach (var (inside, across) in BorderPairs(worst))
                {
                    for (var t = 0; t < TreesPerPair && !improved; t++)
                    {
                        var before = Key();
                        improved = Recombine(inside, across, random, _ => Key().CompareTo(before) < 0);
                    }
                    if (improved) break;
                }
                // A beat nothing improves is set aside until something else changes.
                if (improved) tried.Clear();
                else tried.Add(worst);
            }
        }

        /// <summary>For each beat bordering <paramref name="beat"/>, one pair of areas across the border.</summary>
        private List<(int Inside, int Across)> BorderPairs(int beat)
        {
            var pairs = new Dictionary<int, (int, int)>();
            for (var a = 0; a < Plan.Length; a++)
            {
                if (Plan[a] != beat) continue;
                foreach (var (b, _) in _problem.Adjacency.Neighbours[a])
                    if (Plan[b] != beat) pairs.TryAdd(Plan[b], (a, b));
            }
            return pairs.OrderBy(p => p.Key).Select(p => p.Value).ToList();
        }

        /// <summary>
        /// Recombines the beat of <paramref name="i"/> with the neighbouring beat of <paramref name="j"/>:
        /// their union is spanned by a random tree (Kruskal's algorithm over random edge weights, as
        /// the recombination chains of redistricting do), and cut at the edge whose two sides come
        /// closest to their fair shares. Both sides of a tree cut are connected, so both beats stay
        /// whole; a fixed area keeps its beat. The areas that change beat are moved one by one, and
        /// <paramref name="accept"/>, given the change of the objective with the moves made, keeps them
        /// or has them undone.
        /// </summary>
        private bool Recombine(int i, int j, Random random, Func<double, bool> accept)
        {
            var (a, b) = (Plan[i], Plan[j]);
            _union.Clear();
            _stamp++;
            Collect(i, a);
            var inA = _union.Count;
            Collect(j, b);
            var n = _union.Count;
            for (var x = 0; x < n; x++) _local[_union[x]] = x;

            var edges = new List<(double Weight, int U, int V)>();
            for (var x = 0; x < n; x++)
                foreach (var (y, _) in _problem.Adjacency.Neighbours[_union[x]])
                    if (_mark[y] == _stamp && _local[y] > x) edges.Add((random.NextDouble(), x, _local[y]));
            edges.Sort((e, f) => e.Weight.CompareTo(f.Weight));
            var root = Enumerable.Range(0, n).ToArray();
            int Find(int x)
            {
                while (root[x] != x) x = root[x] = root[root[x]];
                return x;
            }
            var head = Enumerable.Repeat(-1, n).ToArray();
            var next = new int[2 * n];
            var to = new int[2 * n];
            var treeEdges = 0;
            foreach (var (_, u, v) in edges)
            {
                var (ru, rv) = (Find(u), Find(v));
                if (ru == rv) continue;
                root[ru] = rv;
                (to[treeEdges], next[treeEdges], head[u]) = (v, head[u], treeEdges);
                treeEdges++;
                (to[treeEdges], next[treeEdges], head[v]) = (u, head[v], treeEdges);
                treeEdges++;
            }
            if (treeEdges != 2 * (n - 1)) return false;

            // Depth-first order from the first area; then each subtree's sums, children before parents.
            var order = new int[n];
            var parent = Enumerable.Repeat(-1, n).ToArray();
            var seen = new bool[n];
            var stack = new Stack<int>();
            stack.Push(0);
            seen[0] = true;
            var count = 0;
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                order[count++] = x;
                for (var e = head[x]; e >= 0; e = next[e])
                {
                    if (seen[to[e]]) continue;
                    seen[to[e]] = true;
                    parent[to[e]] = x;
                    stack.Push(to[e]);
                }
            }
            var position = new int[n];
            for (var p = 0; p < n; p++) position[order[p]] = p;
            var (load, fromA, pinnedCount, pinnedMax, fixedA, fixedB, size) = (new double[n], new int[n], new int[n], new double[n], new int[n], new int[n], new int[n]);
            for (var p = n - 1; p >= 0; p--)
            {
                var x = order[p];
                var area = _union[x];
                load[x] += _problem.Loads[area];
                size[x]++;
                if (x < inA) fromA[x]++;
                if (_pinned[area] > 0) (pinnedCount[x], pinnedMax[x]) = (pinnedCount[x] + 1, Math.Max(pinnedMax[x], _pinned[area]));
                if (_problem.Fixed[area]) { if (x < inA) fixedA[x]++; else fixedB[x]++; }
                if (parent[x] < 0) continue;
                var up = parent[x];
                load[up] += load[x];
                fromA[up] += fromA[x];
                pinnedCount[up] += pinnedCount[x];
                pinnedMax[up] = Math.Max(pinnedMax[up], pinnedMax[x]);
                fixedA[up] += fixedA[x];
                fixedB[up] += fixedB[x];
                size[up] += size[x];
            }

            var top = order[0];
            var (bestCut, bestSideOfCut, bestScore, bestMoves) = (-1, -1, double.MaxValue, int.MaxValue);
            for (var x = 0; x < n; x++)
            {
                if (parent[x] < 0) continue;
                var restLoad = load[top] - load[x];
                var restPinned = pinnedCount[x] == pinnedCount[top] ? 0 : pinnedMax[top];
                foreach (var side in (ReadOnlySpan<int>)[a, b])
                {
                    var other = side == a ? b : a;
                    // The cut side takes the label of one beat, the rest the other's; no fixed area may change beat.
                    var valid = side == a ? fixedB[x] == 0 && fixedA[x] == fixedA[top] : fixedA[x] == 0 && fixedB[x] == fixedB[top];
                    if (!valid) continue;
                    var shareSide = Math.Max(_level[side], pinnedMax[x]);
                    var shareOther = Math.Max(_level[other], restPinned);
                    var score = Square(load[x] - shareSide) + Square(restLoad - shareOther);
                    var moves = side == a ? size[x] - 2 * fromA[x] + fromA[top] : fromA[x] + (n - size[x]) - fromA[top] + fromA[x];
                    if (score < bestScore - 1e-9 || (Math.Abs(score - bestScore) <= 1e-9 && moves < bestMoves))
                        (bestCut, bestSideOfCut, bestScore, bestMoves) = (x, side, score, moves);
                }
            }
            if (bestCut < 0 || bestMoves == 0) return false;

            var labelOfRest = bestSideOfCut == a ? b : a;
            // A subtree in depth-first order is a run of positions: from its root's, as many as it has areas.
            var (from, until) = (position[bestCut], position[bestCut] + size[bestCut]);
            var moved = new List<(int Area, int Back)>();
            var delta = 0.0;
            for (var x = 0; x < n; x++)
            {
                var area = _union[x];
                var label = position[x] >= from && position[x] < until ? bestSideOfCut : labelOfRest;
                if (Plan[area] == label) continue;
                moved.Add((area, Plan[area]));
                var change = Delta(area, label);
                Move(area, label, change);
                delta += change;
            }
            if (accept(delta)) return true;
            for (var m = moved.Count - 1; m >= 0; m--) Move(moved[m].Area, moved[m].Back, Delta(moved[m].Area, moved[m].Back));
            return false;

            static double Square(double v) => v * v;
        }

        /// <summary>Adds to the union the areas of <paramref name="beat"/> reached from <paramref name="start"/>, marking them.</summary>
        private void Collect(int start, int beat)
        {
            var top = 0;
            _stack[top++] = start;
            _mark[start] = _stamp;
            while (top > 0)
            {
                var at = _stack[--top];
                _union.Add(at);
                foreach (var (j, _) in _problem.Adjacency.Neighbours[at])
                {
                    if (Plan[j] != beat || _mark[j] == _stamp) continue;
                    _mark[j] = _stamp;
                    _stack[top++] = j;
                }
            }
        }

        /// <summary>Moves <paramref name="a"/> to <paramref name="to"/> (and <paramref name="b"/> back, for a trade) if both beats stay whole.</summary>
        private bool TryChange(int a, int b, int from, int to)
        {
            Move(a, to, Delta(a, to));
            if (b >= 0) Move(b, from, Delta(b, from));
            if (IsConnected(from) && IsConnected(to)) return true;
            if (b >= 0) Move(b, to, Delta(b, to));
            Move(a, from, Delta(a, from));
            return false;
        }

        /// <summary>Whether a whole beat is in one piece (after a swap, which may cut it anywhere).</summary>
        private bool IsConnected(int beat)
        {
            var start = Array.IndexOf(Plan, beat);
            return start >= 0 && Flood(start, beat, without: -1, stopWhen: null) == _size[beat];
        }

        private (int Target, double Delta) BestMove(int area)
        {
            if (_problem.Fixed[area] || _size[Plan[area]] <= 1) return (-1, 0);
            var (bestTarget, bestDelta) = (-1, 0.0);
            foreach (var (j, _) in _problem.Adjacency.Neighbours[area])
            {
                var to = Plan[j];
                if (to == Plan[area] || to == bestTarget) continue;
                var delta = Delta(area, to);
                if (delta < bestDelta) (bestTarget, bestDelta) = (to, delta);
            }
            return (bestTarget, bestDelta);
        }

        /// <summary>The change of the objective if <paramref name="area"/> moved to beat <paramref name="to"/>.</summary>
        private double Delta(int area, int to)
        {
            var from = Plan[area];
            var (left, joined) = After(area, to);
            double Square(double x) => x * x;
            var (shareFrom, shareTo) = _pinned[area] > 0 ? (ShareWith(from, area, -1), ShareWith(to, -1, area)) : (_share[from], _share[to]);
            var balance = (Square(left.Load - shareFrom) + Square(joined.Load - shareTo) - Square(_load[from] - _share[from]) - Square(_load[to] - _share[to])) / (_mean * _mean);
            var compactness = _options.CompactnessWeight * (
                PlanMetrics.PolsbyPopper(_area[from], _perimeter[from]) + PlanMetrics.PolsbyPopper(_area[to], _perimeter[to])
                - PlanMetrics.PolsbyPopper(left.Area, left.Perimeter) - PlanMetrics.PolsbyPopper(joined.Area, joined.Perimeter));

            var change = 0.0;
            if (_options.MinimalChange && _problem.Current is { } current && current[area] >= 0)
                change = _options.MoveCost * ((current[area] == from ? 1 : 0) - (current[area] == to ? 1 : 0));
            return balance + compactness + change;
        }

        private void Move(int area, int to, double delta)
        {
            Objective += delta;
            var from = Plan[area];
            var (left, joined) = After(area, to);
            (_load[from], _area[from], _perimeter[from]) = left;
            (_load[to], _area[to], _perimeter[to]) = joined;
            _size[from]--;
            _size[to]++;
            Plan[area] = to;
            if (_pinned[area] > 0)
            {
                _pinnedIn[from].Remove(area);
                _pinnedIn[to].Add(area);
                (_share[from], _share[to]) = (ShareOf(from), ShareOf(to));
            }
        }

        /// <summary>
        /// The load, area and perimeter of the beat <paramref name="area"/> leaves and of the beat it
        /// joins, once it moves. <see cref="Delta"/> and <see cref="Move"/> both take them from here, so
        /// the running objective adds up exactly what each move changes. A beat left empty (for a
        /// moment, inside a swap) gets exact zeros: the rounding residue of the subtractions, put into
        /// 4πA/P² with P near 0, once reached ±10¹⁵, and the running objective lost its meaning.
        /// </summary>
        private ((double Load, double Area, double Perimeter) Left, (double Load, double Area, double Perimeter) Joined) After(int area, int to)
        {
            var from = Plan[area];
            var (sharedFrom, sharedTo) = (0.0, 0.0);
            foreach (var (j, shared) in _problem.Adjacency.Neighbours[area])
            {
                if (Plan[j] == from) sharedFrom += shared;
                else if (Plan[j] == to) sharedTo += shared;
            }
            var (l, a, p) = (_problem.Loads[area], _problem.AreaSquareMetres[area], _problem.PerimeterMetres[area]);
            var left = _size[from] == 1 ? (0.0, 0.0, 0.0) : (_load[from] - l, _area[from] - a, _perimeter[from] - p + 2 * sharedFrom);
            var joined = (_load[to] + l, _area[to] + a, _perimeter[to] + p - 2 * sharedTo);
            return (left, joined);
        }

        /// <summary>Whether the area's beat stays in one piece without it: every neighbour in the beat is reached from the first, inside the beat.</summary>
        private bool KeepsConnected(int area)
        {
            var beat = Plan[area];
            var inside = _problem.Adjacency.Neighbours[area].Where(x => Plan[x.Area] == beat).Select(x => x.Area).ToList();
            if (inside.Count <= 1) return true;
            var found = 1;
            Flood(inside[0], beat, without: area, stopWhen: j => inside.Contains(j) && ++found == inside.Count);
            return found == inside.Count;
        }

        /// <summary>
        /// Walks the beat from <paramref name="start"/> without entering <paramref name="without"/>,
        /// and returns how many areas it reached; stops early when <paramref name="stopWhen"/> says so.
        /// </summary>
        private int Flood(int start, int beat, int without, Func<int, bool>? stopWhen)
        {
            _stamp++;
            if (without >= 0) _mark[without] = _stamp;
            var top = 0;
            _stack[top++] = start;
            _mark[start] = _stamp;
            var reached = 1;
            while (top > 0)
            {
                var at = _stack[--top];
                foreach (var (j, _) in _problem.Adjacency.Neighbours[at])
                {
                    if (Plan[j] != beat || _mark[j] == _stamp) continue;
                    _mark[j] = _stamp;
                    _stack[top++] = j;
                    reached++;
                    if (stopWhen?.Invoke(j) == true) return reached;
                }
            }
            return reached;
        }
    }
}

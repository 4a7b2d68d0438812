namespace Uchastok.Rules.BeatDesign;

/// <summary>
/// Two honest baselines the optimiser is measured against (docs/beat-design.md): what a planner
/// with a GIS would do without a districting method.
/// </summary>
public static class Baselines
{
    /// <summary>
    /// k-means (Lloyd, k-means++ start, seeded) on area centroids weighted by load, then a contiguity
    /// repair: each beat keeps its heaviest connected piece, and every other piece joins the
    /// neighbouring beat it shares most boundary with.
    /// </summary>
    public static int[] KMeansWithRepair(DesignProblem problem, int seed = 20260301, int iterations = 100)
    {
        var n = problem.Count;
        var k = problem.Beats;
        var random = new Random(seed);
        var points = problem.Centroids;
        var weights = problem.Loads.Select(l => l + 1e-9).ToArray();

        // k-means++: each next centre drawn with probability proportional to weight × squared distance.
        var centres = new List<(double X, double Y)> { points[random.Next(n)] };
        var nearest = points.Select(p => Square(p, centres[0])).ToArray();
        while (centres.Count < k)
        {
            var total = 0.0;
            for (var i = 0; i < n; i++) total += weights[i] * nearest[i];
            var target = random.NextDouble() * total;
            var pick = n - 1;
            for (var i = 0; i < n && target > 0; i++)
            {
                target -= weights[i] * nearest[i];
                if (target <= 0) pick = i;
            }
            centres.Add(points[pick]);
            for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], Square(points[i], points[pick]));
        }

        var plan = new int[n];
        for (var round = 0; round < iterations; round++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var best = 0;
                for (var c = 1; c < k; c++) if (Square(points[i], centres[c]) < Square(points[i], centres[best])) best = c;
                if (plan[i] != best) changed = true;
                plan[i] = best;
            }
            var sums = new (double X, double Y, double W)[k];
            for (var i = 0; i < n; i++)
                sums[plan[i]] = (sums[plan[i]].X + points[i].X * weights[i], sums[plan[i]].Y + points[i].Y * weights[i], sums[plan[i]].W + weights[i]);
            for (var c = 0; c < k; c++) if (sums[c].W > 0) centres[c] = (sums[c].X / sums[c].W, sums[c].Y / sums[c].W);
            if (!changed && round > 0) break;
        }
        RepairContiguity(problem, plan);
        return plan;
    }

    /// <summary>
    /// Greedy region growing: starting from the free area farthest from the map's centre, a beat
    /// takes its free neighbour nearest its start until it reaches the mean load; the next beat
    /// starts from the free area farthest from the centre again. The last beat takes what is left,
    /// and enclosed leftovers join the neighbour they share most boundary with.
    /// </summary>
    public static int[] GreedyRegionGrowing(DesignProblem problem)
    {
        var n = problem.Count;
        var k = problem.Beats;
        var plan = Enumerable.Repeat(-1, n).ToArray();
        var target = problem.MeanLoad;
        var centre = (problem.Centroids.Average(c => c.X), problem.Centroids.Average(c => c.Y));
        for (var beat = 0; beat < k - 1; beat++)
        {
            var free = Enumerable.Range(0, n).Where(i => plan[i] < 0).ToList();
            if (free.Count == 0) break;
            var start = free.MaxBy(i => (Square(problem.Centroids[i], centre), -i));
            plan[start] = beat;
            var load = problem.Loads[start];
            var frontier = new SortedSet<(double Distance, int Area)>();
            void Open(int area)
            {
                foreach (var (j, _) in problem.Adjacency.Neighbours[area])
                    if (plan[j] < 0) frontier.Add((Square(problem.Centroids[j], problem.Centroids[start]), j));
            }
            Open(start);
            while (load < target && frontier.Count > 0)
            {
                var next = frontier.Min;
                frontier.Remove(next);
                if (plan[next.Area] >= 0) continue;
                plan[next.Area] = beat;
                load += problem.Loads[next.Area];
                Open(next.Area);
            }
        }
        for (var i = 0; i < n; i++) if (plan[i] < 0) plan[i] = k - 1;
        RepairContiguity(problem, plan);
        return plan;
    }

    /// <summary>Each beat keeps its heaviest connected piece; other pieces join the neighbouring beat they share most boundary with.</summary>
    public static void RepairContiguity(DesignProblem problem, int[] plan)
    {
        for (var pass = 0; pass < 100; pass++)
        {
            var moved = false;
            for (var beat = 0; beat < problem.Beats; beat++)
            {
                var pieces = problem.Adjacency.Pieces(Enumerable.Range(0, plan.Length).Where(i => plan[i] == beat));
                if (pieces.Count <= 1) continue;
                foreach (var piece in pieces.OrderByDescending(p => p.Sum(i => problem.Loads[i])).ThenBy(p => p[0]).Skip(1))
                {
                    var set = piece.ToHashSet();
                    var join = piece.SelectMany(i => problem.Adjacency.Neighbours[i]).Where(x => !set.Contains(x.Area) && plan[x.Area] != beat)
                        .GroupBy(x => plan[x.Area]).Select(g => (Beat: g.Key, Shared: g.Sum(x => x.SharedMetres)))
                        .OrderByDescending(g => g.Shared).ThenBy(g => g.Beat).FirstOrDefault();
                    if (join.Shared <= 0) continue; // an island of the map: nothing to join
                    foreach (var i in piece) plan[i] = join.Beat;
                    moved = true;
                }
            }
            if (!moved) return;
        }
    }

    private static double Square((double X, double Y) a, (double X, double Y) b) => (a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y);
}

namespace Uchastok.Rules.BeatDesign;

/// <summary>
/// One districting instance: n small areas with their workload, size and neighbours, to be
/// partitioned into k beats. Everything the optimiser, the baselines and the metrics need, and
/// nothing of geometry beyond what compactness takes: each area's area and perimeter in metres,
/// its centroid, and (in <see cref="Adjacency"/>) the boundary it shares with each neighbour.
/// </summary>
public sealed class DesignProblem
{
    public DesignProblem(
        IReadOnlyList<double> loads, IReadOnlyList<double> areaSquareMetres, IReadOnlyList<double> perimeterMetres,
        IReadOnlyList<(double X, double Y)> centroids, IReadOnlyList<int> residents, AreaAdjacency adjacency, int beats,
        IReadOnlyList<int>? current = null, IReadOnlyList<bool>? fixedAreas = null)
    {
        var n = loads.Count;
        if (areaSquareMetres.Count != n || perimeterMetres.Count != n || centroids.Count != n || residents.Count != n || adjacency.Count != n)
            throw new ArgumentException("Every per-area list must have one entry per area.");
        if (beats < 1 || beats > n) throw new ArgumentOutOfRangeException(nameof(beats), beats, $"The number of beats must be from 1 to the number of areas ({n}).");
        if (loads.Any(l => l < 0 || !double.IsFinite(l))) throw new ArgumentException("Loads must be finite and not negative.", nameof(loads));
        if (current is not null && (current.Count != n || current.Any(b => b < -1 || b >= beats)))
            throw new ArgumentException("The current plan must give each area a beat from 0 to k − 1, or −1 for none.", nameof(current));
        if (fixedAreas is not null && (fixedAreas.Count != n || (current is null && fixedAreas.Any(f => f))))
            throw new ArgumentException("Fixed areas need a current plan that says where they stay.", nameof(fixedAreas));
        if (fixedAreas is not null && current is not null && Enumerable.Range(0, n).Any(i => fixedAreas[i] && current[i] < 0))
            throw new ArgumentException("A fixed area must have a current beat.", nameof(fixedAreas));
        Loads = loads;
        AreaSquareMetres = areaSquareMetres;
        PerimeterMetres = perimeterMetres;
        Centroids = centroids;
        Residents = residents;
        Adjacency = adjacency;
        Beats = beats;
        Current = current;
        Fixed = fixedAreas ?? new bool[n];
    }

    public int Count => Loads.Count;
    public IReadOnlyList<double> Loads { get; }
    public IReadOnlyList<double> AreaSquareMetres { get; }
    public IReadOnlyList<double> PerimeterMetres { get; }
    public IReadOnlyList<(double X, double Y)> Centroids { get; }
    public IReadOnlyList<int> Residents { get; }
    public AreaAdjacency Adjacency { get; }
    public int Beats { get; }
    /// <summary>Today's beat of each area (0..k−1, or −1), for minimal-change mode and, unless another is given, the moved counts.</summary>
    public IReadOnlyList<int>? Current { get; }
    /// <summary>Areas that must stay in their current beat (where a reception point stands, say).</summary>
    public IReadOnlyList<bool> Fixed { get; }

    public double TotalLoad => Loads.Sum();
    public double MeanLoad => TotalLoad / Beats;
}

/// <summary>How good a plan is: balance, contiguity, compactness, and how much it changes today's beats.</summary>
/// <param name="WithinFairShare">The share of beats within ±10 % of their fair share (<see cref="FairShare"/>).</param>
/// <param name="MinOverFairShare">The lightest beat against its fair share: what max/mean hides when one area pins the maximum.</param>
public sealed record PlanMetrics(
    double MaxOverMean, double MinOverMean, double CoefficientOfVariation, double ContiguousShare, double MeanPolsbyPopper,
    int AreasMoved, long ResidentsMoved, IReadOnlyList<double> BeatLoads, double WithinFairShare, double MinOverFairShare)
{
    /// <summary>
    /// Measures a plan (a beat index 0..k−1 per area) against its problem. The areas and residents
    /// moved compare it with <paramref name="today"/> (any beat labels, −1 for none), or else with the
    /// problem's current plan, through <see cref="PlanChange"/>: a renumbered beat has not moved.
    /// </summary>
    public static PlanMetrics Of(DesignProblem problem, IReadOnlyList<int> plan, IReadOnlyList<int>? today = null)
    {
        var k = problem.Beats;
        var loads = new double[k];
        var area = new double[k];
        var perimeter = new double[k];
        var members = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < problem.Count; i++)
        {
            var beat = plan[i];
            loads[beat] += problem.Loads[i];
            area[beat] += problem.AreaSquareMetres[i];
            perimeter[beat] += problem.PerimeterMetres[i];
            members[beat].Add(i);
        }
        foreach (var pair in problem.Adjacency.Pairs)
        {
            if (plan[pair.First] == plan[pair.Second]) perimeter[plan[pair.First]] -= 2 * pair.SharedMetres;
        }
        var mean = problem.MeanLoad;
        var deviation = Math.Sqrt(loads.Sum(l => (l - mean) * (l - mean)) / k);
        var contiguous = members.Count(m => m.Count > 0 && problem.Adjacency.IsConnected(m));
        var compactness = Enumerable.Range(0, k).Where(b => members[b].Count > 0).Select(b => PolsbyPopper(area[b], perimeter[b])).ToList();
        var change = (today ?? problem.Current) is { } current ? PlanChange.Of(current, plan, problem.Residents) : null;
        var (moved, residentsMoved) = (change?.AreasMoved ?? 0, change?.ResidentsMoved ?? 0);
        var shares = FairShare.Of(problem, plan);
        var within = (double)Enumerable.Range(0, k).Count(b => Math.Abs(loads[b] - shares[b]) <= FairShare.Tolerance * shares[b] + 1e-9) / k;
        var minOverShare = Enumerable.Range(0, k).Min(b => shares[b] <= 0 ? 1 : loads[b] / shares[b]);
        return new PlanMetrics(
            mean == 0 ? 1 : loads.Max() / mean, mean == 0 ? 1 : loads.Min() / mean, mean == 0 ? 0 : deviation / mean,
            (double)contiguous / k, compactness.Count == 0 ? 0 : compactness.Average(), moved, residentsMoved, loads, within, minOverShare);
    }

    /// <summary>4πA / P²: 1 for a circle, near 0 for a snake, 0 for nothing.</summary>
    /// <remarks>Kept within 0..1 whatever the input: sums of areas and perimeters that should be 0 can be a rounding residue of either sign.</remarks>
    public static double PolsbyPopper(double area, double perimeter) => area <= 0 || perimeter <= 0 ? 0 : Math.Min(1, 4 * Math.PI * area / (perimeter * perimeter));
}

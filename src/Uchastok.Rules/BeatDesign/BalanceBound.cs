namespace Uchastok.Rules.BeatDesign;

/// <summary>
/// How balanced any plan of contiguous beats can be, from the data alone, as a share of the mean
/// load: no plan's heaviest beat is lighter than <see cref="Value"/> times the mean. A result is
/// judged by its gap to this bound, not by its distance from 1, which the data may forbid.
/// </summary>
/// <param name="HeaviestArea">The heaviest single area over the mean: an area cannot be split, so its beat carries at least that.</param>
/// <param name="Pieces">
/// From the map's connected pieces (islands, or parts cut apart by a river the data do not cross): a
/// contiguous beat lies in one piece, so a piece of load L with k beats has a beat of at least L/k. The
/// beats are shared out to minimise the largest L/k (each piece at least one); 1 on a map in one piece.
/// </param>
/// <param name="PieceCount">The number of connected pieces of the map.</param>
/// <remarks>Fixed areas are left out: they can only raise the true bound, never lower it below this.</remarks>
public sealed record BalanceBound(double HeaviestArea, double Pieces, int PieceCount)
{
    public double Value => Math.Max(HeaviestArea, Pieces);

    public static BalanceBound Of(DesignProblem problem)
    {
        var mean = problem.MeanLoad;
        if (mean <= 0) return new BalanceBound(1, 1, 1);
        var heaviest = problem.Loads.Max() / mean;
        var pieces = problem.Adjacency.Pieces(Enumerable.Range(0, problem.Count));
        // More pieces than beats: some beat cannot be whole, and this bound says nothing.
        if (pieces.Count == 1 || pieces.Count > problem.Beats) return new BalanceBound(heaviest, 1, pieces.Count);
        var loads = pieces.Select(p => p.Sum(i => problem.Loads[i])).ToArray();
        var beats = Enumerable.Repeat(1, pieces.Count).ToArray();
        // Each further beat goes to the piece whose beats are heaviest on average: this minimises the largest L/k.
        for (var left = problem.Beats - pieces.Count; left > 0; left--)
        {
            var p = Enumerable.Range(0, pieces.Count).MaxBy(q => loads[q] / beats[q]);
            beats[p]++;
        }
        return new BalanceBound(heaviest, Enumerable.Range(0, pieces.Count).Max(p => loads[p] / beats[p]) / mean, pieces.Count);
    }
}

/// <summary>
/// Each beat's fair share of the load in a plan. A beat pinned by an indivisible area heavier than
/// what the others would carry (a market, a station, a large rural area) has that area's load as
/// its share; the beats of the same connected piece of the map share the rest evenly (a water
/// level). With nothing pinned and one piece, every share is the mean. Judging each beat against
/// its share shows the spread that max/mean hides when one area pins the maximum.
/// </summary>
public static class FairShare
{
    /// <summary>A beat is within its fair share when its load is within this share of it, either way.</summary>
    public const double Tolerance = 0.10;

    public static double[] Of(DesignProblem problem, IReadOnlyList<int> plan)
    {
        var k = problem.Beats;
        var loads = new double[k];
        var floors = new double[k];
        for (var i = 0; i < problem.Count; i++)
        {
            loads[plan[i]] += problem.Loads[i];
            floors[plan[i]] = Math.Max(floors[plan[i]], problem.Loads[i]);
        }
        var shares = new double[k];
        foreach (var group in BeatsByPiece(problem, plan))
        {
            var level = WaterLevel(group.Select(b => floors[b]).ToList(), group.Sum(b => loads[b]));
            foreach (var b in group) shares[b] = Math.Max(floors[b], level);
        }
        return shares;
    }

    /// <summary>
    /// The level τ at which Σ max(floorᵦ, τ) equals the total: beats with a floor above it carry
    /// their floor, the others τ each.
    /// </summary>
    public static double WaterLevel(IReadOnlyList<double> floors, double total)
    {
        var sorted = floors.OrderByDescending(f => f).ToList();
        var rest = total;
        for (var m = 0; m < sorted.Count; m++)
        {
            var level = rest / (sorted.Count - m);
            if (sorted[m] <= level) return level;
            rest -= sorted[m];
        }
        return 0;
    }

    /// <summary>The beats grouped by the connected piece of the map most of their areas lie in.</summary>
    internal static IEnumerable<List<int>> BeatsByPiece(DesignProblem problem, IReadOnlyList<int> plan) =>
        PieceOfBeats(problem, plan, PieceOf(problem)).GroupBy(x => x.Value).Select(g => g.Select(x => x.Key).ToList());

    /// <summary>The piece of the map most of each beat's areas lie in.</summary>
    internal static Dictionary<int, int> PieceOfBeats(DesignProblem problem, IReadOnlyList<int> plan, int[] pieceOf)
    {
        var counts = new Dictionary<(int Beat, int Piece), int>();
        for (var i = 0; i < problem.Count; i++)
            counts[(plan[i], pieceOf[i])] = counts.GetValueOrDefault((plan[i], pieceOf[i])) + 1;
        return counts.GroupBy(c => c.Key.Beat).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Value).Key.Piece);
    }

    internal static int[] PieceOf(DesignProblem problem)
    {
        var pieceOf = new int[problem.Count];
        var pieces = problem.Adjacency.Pieces(Enumerable.Range(0, problem.Count));
        for (var p = 0; p < pieces.Count; p++) foreach (var i in pieces[p]) pieceOf[i] = p;
        return pieceOf;
    }
}

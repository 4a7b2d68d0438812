using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Uchastok.Rules.BeatDesign;

namespace Uchastok.Bench;

/// <summary>How far CP-SAT got: a proven optimum, a plan without proof, no plan in the time, or a proof that none exists.</summary>
public enum ExactStatus { Optimal, Feasible, Unknown, Infeasible }

/// <summary>
/// CP-SAT's answer for one instance: its plan (a beat per area, null when it found none), the plan's
/// heaviest beat over the mean measured on the true loads, the lower bound it proved on that ratio,
/// its status and wall time.
/// </summary>
public sealed record ExactResult(IReadOnlyList<int>? Plan, double? MaxOverMean, double LowerBound, ExactStatus Status, TimeSpan Elapsed);

/// <summary>
/// The exact check of beat design: with CP-SAT, a partition of the areas into exactly k non-empty
/// contiguous beats whose heaviest beat is as light as possible, so that on small instances the
/// optimiser's max/mean can be compared with the optimum (docs/beat-design.md).
/// </summary>
/// <remarks>
/// Loads enter the model as integers, ×<see cref="LoadScale"/> rounded: CP-SAT works on integers only.
/// The plan's max/mean is then measured on the true loads by <see cref="PlanMetrics.Of"/>, and the
/// bound is lowered by the most that rounding can hide (half a unit per area), so it stays a true bound.
/// Contiguity by a single-commodity flow per beat: the beat's root sends one unit to each other area of
/// the beat, along adjacencies whose two ends are both in the beat, so every area of a beat is reached
/// from its root inside the beat.
/// </remarks>
public static class ExactBeatDesign
{
    /// <summary>Loads of a few hundred to a few thousand keep two decimals: rounding moves a beat by at most n / 200 load units.</summary>
    public const double LoadScale = 100;

    public static ExactResult Solve(DesignProblem problem, TimeSpan limit, int workers = 2)
    {
        var watch = Stopwatch.StartNew();
        var n = problem.Count;
        var k = problem.Beats;
        var load = problem.Loads.Select(l => (long)Math.Round(l * LoadScale)).ToArray();
        var model = new CpModel();

        var x = new BoolVar[n, k];
        var root = new BoolVar[n, k];
        for (var i = 0; i < n; i++)
        {
            for (var b = 0; b < k; b++)
            {
                x[i, b] = model.NewBoolVar($"x_{i}_{b}");
                root[i, b] = model.NewBoolVar($"root_{i}_{b}");
                model.AddImplication(root[i, b], x[i, b]);
            }
            model.AddExactlyOne(Enumerable.Range(0, k).Select(b => x[i, b]));
        }

        for (var b = 0; b < k; b++)
        {
            // One root per beat makes every beat non-empty, and the flow below connects it.
            model.AddExactlyOne(Enumerable.Range(0, n).Select(i => root[i, b]));
            // Symmetry: the root is the beat's lowest-numbered area, and beats are ordered by their roots,
            // so each partition has exactly one labelling and CP-SAT does not search k! copies of it.
            for (var i = 1; i < n; i++)
            {
                for (var j = 0; j < i; j++) model.AddBoolOr([root[i, b].Not(), x[j, b].Not()]);
            }
            if (b > 0)
                model.Add(RootIndex(b - 1) + 1 <= RootIndex(b));
        }
        LinearExpr RootIndex(int b) => LinearExpr.WeightedSum(Enumerable.Range(0, n).Select(i => root[i, b]), Enumerable.Range(0, n).Select(i => (long)i));

        // A beat has at most n − k + 1 areas (the other k − 1 beats hold one each), so at most n − k
        // units leave its root: a tighter capacity than n − 1, the same feasible plans.
        var capacity = Math.Max(0, n - k);
        var inflow = new List<LinearExpr>[n, k];
        var outflow = new List<LinearExpr>[n, k];
        for (var i = 0; i < n; i++)
        {
            for (var b = 0; b < k; b++) (inflow[i, b], outflow[i, b]) = ([], []);
        }
        foreach (var pair in problem.Adjacency.Pairs)
        {
            foreach (var (from, to) in new[] { (pair.First, pair.Second), (pair.Second, pair.First) })
            {
                for (var b = 0; b < k; b++)
                {
                    var flow = model.NewIntVar(0, capacity, $"f_{from}_{to}_{b}");
                    // Flow only between two areas of the same beat: it cannot pass through another beat.
                    model.Add(flow <= capacity * x[from, b]);
                    model.Add(flow <= capacity * x[to, b]);
                    outflow[from, b].Add(flow);
                    inflow[to, b].Add(flow);
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var b = 0; b < k; b++)
            {
                // A non-root area of the beat takes in at least one unit more than it passes on; the root is
                // exempt (it sends out up to the capacity). Areas outside the beat carry none of its flow. A
                // piece of the beat cut off from the root would have to absorb flow that nothing sends it.
                model.Add(LinearExpr.Sum(inflow[i, b]) - LinearExpr.Sum(outflow[i, b]) + (capacity + 1) * root[i, b] >= x[i, b]);
            }
        }

        RespectFixedAreas(problem, model, x);

        // The heaviest beat can be no lighter than the heaviest area or the mean: CP-SAT starts from there.
        var total = load.Sum();
        var heaviest = model.NewIntVar(Math.Max(load.Max(), (total + k - 1) / k), total, "heaviest");
        for (var b = 0; b < k; b++)
        {
            var beatLoad = LinearExpr.WeightedSum(Enumerable.Range(0, n).Select(i => x[i, b]), load);
            model.Add(beatLoad <= heaviest);
            // Redundant but it prunes: when the other k − 1 beats are at most the heaviest, this one holds the rest.
            model.Add(beatLoad >= total - (k - 1) * heaviest);
        }
        model.Minimize(heaviest);

        using var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{limit.TotalSeconds} num_workers:{workers}"),
        };
        var status = solver.Solve(model);
        watch.Stop();

        var outcome = status switch
        {
            CpSolverStatus.Optimal => ExactStatus.Optimal,
            CpSolverStatus.Feasible => ExactStatus.Feasible,
            CpSolverStatus.Infeasible => ExactStatus.Infeasible,
            _ => ExactStatus.Unknown,
        };
        var mean = problem.MeanLoad;
        // Each rounded load is within half a unit of the scaled true load, so a beat's true load is at least
        // its rounded load less n/2 units.
        var bound = outcome == ExactStatus.Infeasible ? double.PositiveInfinity
            : mean == 0 ? 1 : Math.Max(0, (solver.BestObjectiveBound - n / 2.0) / LoadScale) / mean;
        if (outcome is not (ExactStatus.Optimal or ExactStatus.Feasible))
            return new ExactResult(null, null, bound, outcome, watch.Elapsed);

        var plan = new int[n];
        for (var i = 0; i < n; i++)
            plan[i] = Enumerable.Range(0, k).First(b => solver.BooleanValue(x[i, b]));
        plan = Relabelled(problem, plan);
        return new ExactResult(plan, PlanMetrics.Of(problem, plan).MaxOverMean, bound, outcome, watch.Elapsed);
    }

    /// <summary>
    /// A fixed area stays in today's beat. Beats are labelled by their lowest area in the model, so this
    /// says it without labels: fixed areas of the same beat today share a beat, those of different beats do
    /// not; <see cref="Relabelled"/> then gives those beats today's numbers. The evaluation instances have none.
    /// </summary>
    private static void RespectFixedAreas(DesignProblem problem, CpModel model, BoolVar[,] x)
    {
        if (problem.Current is not { } current) return;
        var fixedAreas = Enumerable.Range(0, problem.Count).Where(i => problem.Fixed[i]).ToList();
        for (var a = 0; a < fixedAreas.Count; a++)
        {
            for (var c = a + 1; c < fixedAreas.Count; c++)
            {
                var (i, j) = (fixedAreas[a], fixedAreas[c]);
                for (var b = 0; b < problem.Beats; b++)
                {
                    if (current[i] == current[j]) model.Add(x[i, b] == x[j, b]);
                    else model.AddBoolOr([x[i, b].Not(), x[j, b].Not()]);
                }
            }
        }
    }

    /// <summary>The beats holding fixed areas take those areas' current numbers; the others the numbers left, in order.</summary>
    private static int[] Relabelled(DesignProblem problem, int[] plan)
    {
        if (problem.Current is not { } current || !problem.Fixed.Any(f => f)) return plan;
        var label = new int?[problem.Beats];
        for (var i = 0; i < problem.Count; i++)
        {
            if (problem.Fixed[i]) label[plan[i]] = current[i];
        }
        var free = new Queue<int>(Enumerable.Range(0, problem.Beats).Except(label.OfType<int>()));
        for (var b = 0; b < problem.Beats; b++) label[b] ??= free.Dequeue();
        return plan.Select(b => label[b]!.Value).ToArray();
    }
}

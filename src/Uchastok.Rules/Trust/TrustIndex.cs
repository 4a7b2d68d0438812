namespace Uchastok.Rules.Trust;

/// <summary>The five criteria of public trust in the police the service model names.</summary>
public enum TrustCriterion
{
    /// <summary>Competence and speed of response.</summary>
    Professionalism,
    /// <summary>Fairness and the absence of corruption.</summary>
    Fairness,
    Openness,
    /// <summary>Interaction with the community.</summary>
    CommunityInteraction,
    ComplaintHandling,
}

/// <summary>Procedural justice: how people judge the way police treat them, beside what they achieve.</summary>
public enum ProceduralJustice
{
    Voice,
    Neutrality,
    Respect,
    TrustworthyMotives,
}

public enum AgeBand
{
    From18To29,
    From30To44,
    From45To59,
    From60,
}

public enum Sex
{
    Female,
    Male,
}

/// <summary>A weighting cell: an age band and a sex.</summary>
public readonly record struct Stratum(AgeBand Age, Sex Sex);

/// <summary>
/// One respondent's answers: Likert values 1–5 per criterion (several items may bear on one
/// criterion), and, when given, the age band and sex used for weighting. Nothing identifies the person.
/// </summary>
public sealed record Respondent(IReadOnlyDictionary<TrustCriterion, IReadOnlyList<int>> Answers, Stratum? Stratum = null)
{
    /// <summary>The respondent's 0–100 score on a criterion: the mean of the items, 1 → 0 and 5 → 100; null when unanswered.</summary>
    public double? Score(TrustCriterion criterion) =>
        Answers.TryGetValue(criterion, out var values) && values.Count > 0 ? (values.Average() - 1) / 4 * 100 : null;

    /// <summary>The overall score: the mean of the criteria the respondent answered.</summary>
    public double? Overall()
    {
        var scores = Enum.GetValues<TrustCriterion>().Select(Score).OfType<double>().ToList();
        return scores.Count == 0 ? null : scores.Average();
    }
}

public enum EstimateStatus
{
    Shown,
    /// <summary>Fewer than <see cref="TrustIndex.MinimumResponses"/> answers: no number is shown.</summary>
    NotEnoughResponses,
}

/// <summary>A 0–100 score with its 95 % confidence interval, or the reason it is not shown.</summary>
public sealed record TrustEstimate(EstimateStatus Status, int Responses, double? Score, double? Low, double? High, double? StandardError, bool Weighted)
{
    public static TrustEstimate NotEnough(int responses) => new(EstimateStatus.NotEnoughResponses, responses, null, null, null, null, false);
}

public enum TrustChange
{
    /// <summary>The difference could be chance: no change is claimed.</summary>
    None,
    Up,
    Down,
    /// <summary>One of the two quarters has no estimate.</summary>
    Unknown,
}

/// <summary>
/// The trust index (C8): a 0–100 score per criterion and overall for any group of respondents
/// (a beat, a district, the city; a quarter), with a 95 % confidence interval.
/// <list type="bullet">
/// <item>Each respondent's answers on a criterion are averaged and mapped from 1–5 to 0–100; the
/// group's score is the mean over respondents.</item>
/// <item>Without weights the interval is the t-interval of that mean (n − 1 degrees of freedom).</item>
/// <item>With population shares per age band and sex, the score is post-stratified — each cell's
/// mean weighted by its share of the population — with the variance Σ Wₕ² sₕ² / nₕ; cells with
/// no respondent are left out and the shares of the others rescaled, and a cell with one
/// respondent borrows the pooled variance.</item>
/// <item>No number under <see cref="MinimumResponses"/> respondents.</item>
/// <item>A change between two quarters is claimed only when the 95 % interval of the difference
/// excludes zero.</item>
/// </list>
/// The simulation in docs/trust-index.md checks the coverage of these intervals.
/// </summary>
public static class TrustIndex
{
    public const int MinimumResponses = 30;
    private const double Z = 1.959963984540054;

    public static TrustEstimate Estimate(IReadOnlyList<Respondent> respondents, Func<Respondent, double?> score, IReadOnlyDictionary<Stratum, double>? populationShares = null)
    {
        var scored = respondents.Select(r => (Respondent: r, Score: score(r))).Where(x => x.Score is not null).Select(x => (x.Respondent, Score: x.Score!.Value)).ToList();
        if (scored.Count < MinimumResponses) return TrustEstimate.NotEnough(scored.Count);

        if (populationShares is { Count: > 0 } && scored.All(x => x.Respondent.Stratum is not null)
            && scored.Any(x => populationShares.GetValueOrDefault(x.Respondent.Stratum!.Value) > 0))
            return PostStratified(scored.Select(x => (x.Respondent.Stratum!.Value, x.Score)).ToList(), populationShares);

        var values = scored.Select(x => x.Score).ToList();
        var mean = values.Average();
        var se = Math.Sqrt(Variance(values) / values.Count);
        var half = StudentT975(values.Count - 1) * se;
        return new TrustEstimate(EstimateStatus.Shown, values.Count, mean, Clamp(mean - half), Clamp(mean + half), se, false);
    }

    public static TrustEstimate Criterion(IReadOnlyList<Respondent> respondents, TrustCriterion criterion, IReadOnlyDictionary<Stratum, double>? shares = null) =>
        Estimate(respondents, r => r.Score(criterion), shares);

    public static TrustEstimate Overall(IReadOnlyList<Respondent> respondents, IReadOnlyDictionary<Stratum, double>? shares = null) =>
        Estimate(respondents, r => r.Overall(), shares);

    /// <summary>Up or down only when the 95 % interval of the difference excludes zero.</summary>
    public static TrustChange Change(TrustEstimate previous, TrustEstimate current)
    {
        if (previous.Status != EstimateStatus.Shown || current.Status != EstimateStatus.Shown) return TrustChange.Unknown;
        var difference = current.Score!.Value - previous.Score!.Value;
        var se = Math.Sqrt(previous.StandardError!.Value * previous.StandardError.Value + current.StandardError!.Value * current.StandardError.Value);
        if (Math.Abs(difference) <= Z * se) return TrustChange.None;
        return difference > 0 ? TrustChange.Up : TrustChange.Down;
    }

    /// <summary>The Wilson score interval of a share (e.g. of answers 4–5), for <paramref name="positive"/> of <paramref name="total"/>.</summary>
    public static (double Share, double Low, double High) Wilson(double positive, double total)
    {
        if (total <= 0) return (0, 0, 1);
        var p = positive / total;
        var denominator = 1 + Z * Z / total;
        var centre = (p + Z * Z / (2 * total)) / denominator;
        var half = Z * Math.Sqrt(p * (1 - p) / total + Z * Z / (4 * total * total)) / denominator;
        return (p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static TrustEstimate PostStratified(List<(Stratum Stratum, double Score)> scored, IReadOnlyDictionary<Stratum, double> shares)
    {
        var cells = scored.GroupBy(x => x.Stratum).Where(g => shares.TryGetValue(g.Key, out var w) && w > 0)
            .Select(g => (Share: shares[g.Key], Values: g.Select(x => x.Score).ToList())).ToList();
        var covered = cells.Sum(c => c.Share);
        var pooled = Variance(scored.Select(x => x.Score).ToList());
        var mean = 0.0;
        var variance = 0.0;
        foreach (var (share, values) in cells)
        {
            var w = share / covered;
            mean += w * values.Average();
            var s2 = values.Count > 1 ? Variance(values) : pooled;
            variance += w * w * s2 / values.Count;
        }
        var se = Math.Sqrt(variance);
        var half = StudentT975(scored.Count - cells.Count) * se;
        return new TrustEstimate(EstimateStatus.Shown, scored.Count, mean, Clamp(mean - half), Clamp(mean + half), se, true);
    }

    private static double Variance(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }

    private static double Clamp(double value) => Math.Clamp(value, 0, 100);

    /// <summary>The 97.5 % quantile of Student's t (Cornish–Fisher expansion; within 0.001 for 3 or more degrees of freedom).</summary>
    public static double StudentT975(int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1) return double.PositiveInfinity;
        double n = degreesOfFreedom, z = Z;
        var g1 = (Math.Pow(z, 3) + z) / 4;
        var g2 = (5 * Math.Pow(z, 5) + 16 * Math.Pow(z, 3) + 3 * z) / 96;
        var g3 = (3 * Math.Pow(z, 7) + 19 * Math.Pow(z, 5) + 17 * Math.Pow(z, 3) - 15 * z) / 384;
        return z + g1 / n + g2 / (n * n) + g3 / (n * n * n);
    }
}

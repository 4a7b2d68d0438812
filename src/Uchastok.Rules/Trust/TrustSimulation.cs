namespace Uchastok.Rules.Trust;

/// <summary>How one method fared in one scenario over all rounds.</summary>
public sealed record SimulationResult(string Scenario, string Method, int Rounds, int SampleSize, double Truth, double Coverage, double MeanBias, double MeanWidth);

/// <summary>
/// The validation of the trust index (docs/trust-index.md): survey rounds drawn from a known
/// population, so that how often the 95 % interval holds the true value — and how far the
/// estimate lands from it — can be counted. The population has eight cells (four age bands ×
/// two sexes) with Almaty-like shares and answers that differ by cell: young men trust least,
/// older women most. Each respondent answers two Likert items on a criterion.
/// <list type="bullet">
/// <item>Random: a simple random sample.</item>
/// <item>Skewed: older people and women answer more readily (the pattern of most street and
/// web surveys): the propensity to answer runs from 0.4 (men 18–29) to 2.6 (women 60+).</item>
/// </list>
/// </summary>
public static class TrustSimulation
{
    public const string Random = "random sample";
    public const string Skewed = "skewed sample";

    /// <summary>Population shares of the cells (adults), roughly Almaty's.</summary>
    public static readonly IReadOnlyDictionary<Stratum, double> Shares = new Dictionary<Stratum, double>
    {
        [new(AgeBand.From18To29, Sex.Male)] = 0.12, [new(AgeBand.From18To29, Sex.Female)] = 0.12,
        [new(AgeBand.From30To44, Sex.Male)] = 0.155, [new(AgeBand.From30To44, Sex.Female)] = 0.165,
        [new(AgeBand.From45To59, Sex.Male)] = 0.11, [new(AgeBand.From45To59, Sex.Female)] = 0.13,
        [new(AgeBand.From60, Sex.Male)] = 0.08, [new(AgeBand.From60, Sex.Female)] = 0.12,
    };

    /// <summary>Each cell's probabilities of answering 1..5.</summary>
    private static readonly IReadOnlyDictionary<Stratum, double[]> Answers = new Dictionary<Stratum, double[]>
    {
        [new(AgeBand.From18To29, Sex.Male)] = [0.25, 0.30, 0.25, 0.15, 0.05],
        [new(AgeBand.From18To29, Sex.Female)] = [0.18, 0.27, 0.28, 0.20, 0.07],
        [new(AgeBand.From30To44, Sex.Male)] = [0.15, 0.25, 0.30, 0.22, 0.08],
        [new(AgeBand.From30To44, Sex.Female)] = [0.10, 0.20, 0.32, 0.27, 0.11],
        [new(AgeBand.From45To59, Sex.Male)] = [0.08, 0.17, 0.30, 0.30, 0.15],
        [new(AgeBand.From45To59, Sex.Female)] = [0.06, 0.14, 0.28, 0.33, 0.19],
        [new(AgeBand.From60, Sex.Male)] = [0.05, 0.10, 0.25, 0.35, 0.25],
        [new(AgeBand.From60, Sex.Female)] = [0.03, 0.07, 0.20, 0.38, 0.32],
    };

    private static readonly IReadOnlyDictionary<Stratum, double> Propensity = new Dictionary<Stratum, double>
    {
        [new(AgeBand.From18To29, Sex.Male)] = 0.4, [new(AgeBand.From18To29, Sex.Female)] = 0.7,
        [new(AgeBand.From30To44, Sex.Male)] = 0.7, [new(AgeBand.From30To44, Sex.Female)] = 1.1,
        [new(AgeBand.From45To59, Sex.Male)] = 1.0, [new(AgeBand.From45To59, Sex.Female)] = 1.6,
        [new(AgeBand.From60, Sex.Male)] = 1.5, [new(AgeBand.From60, Sex.Female)] = 2.6,
    };

    /// <summary>The population's true score: each cell's expected 0–100 score weighted by its share.</summary>
    public static double Truth => Shares.Sum(s => s.Value * (Answers[s.Key].Select((p, i) => p * i).Sum() / 4 * 100));

    public static IReadOnlyList<SimulationResult> Run(int rounds = 1000, int seed = 20260301, IReadOnlyList<int>? sampleSizes = null)
    {
        var results = new List<SimulationResult>();
        foreach (var n in sampleSizes ?? [40, 300])
        {
            foreach (var scenario in new[] { Random, Skewed })
            {
                var random = new Random(seed + n * 7 + (scenario == Skewed ? 1 : 0));
                var draw = scenario == Skewed
                    ? Shares.ToDictionary(s => s.Key, s => s.Value * Propensity[s.Key])
                    : Shares.ToDictionary(s => s.Key, s => s.Value);
                var unweighted = new Tally();
                var weighted = new Tally();
                for (var round = 0; round < rounds; round++)
                {
                    var sample = Enumerable.Range(0, n).Select(_ => Respondent(random, Pick(random, draw))).ToList();
                    unweighted.Add(TrustIndex.Criterion(sample, TrustCriterion.Professionalism), Truth);
                    weighted.Add(TrustIndex.Criterion(sample, TrustCriterion.Professionalism, Shares), Truth);
                }
                results.Add(unweighted.Result(scenario, "unweighted", n));
                results.Add(weighted.Result(scenario, "post-stratified", n));
            }
        }
        return results;
    }

    private static Respondent Respondent(Random random, Stratum stratum)
    {
        int Answer()
        {
            var u = random.NextDouble();
            var probabilities = Answers[stratum];
            for (var k = 0; k < 5; k++)
            {
                u -= probabilities[k];
                if (u < 0) return k + 1;
            }
            return 5;
        }
        return new Respondent(new Dictionary<TrustCriterion, IReadOnlyList<int>> { [TrustCriterion.Professionalism] = [Answer(), Answer()] }, stratum);
    }

    private static Stratum Pick(Random random, IReadOnlyDictionary<Stratum, double> weights)
    {
        var u = random.NextDouble() * weights.Values.Sum();
        foreach (var (stratum, weight) in weights)
        {
            u -= weight;
            if (u < 0) return stratum;
        }
        return weights.Keys.Last();
    }

    private sealed class Tally
    {
        private int _rounds, _covered;
        private double _bias, _width;

        public void Add(TrustEstimate estimate, double truth)
        {
            if (estimate.Status != EstimateStatus.Shown) return;
            _rounds++;
            if (estimate.Low <= truth && truth <= estimate.High) _covered++;
            _bias += estimate.Score!.Value - truth;
            _width += estimate.High!.Value - estimate.Low!.Value;
        }

        public SimulationResult Result(string scenario, string method, int n) =>
            new(scenario, method, _rounds, n, Truth, _rounds == 0 ? 0 : (double)_covered / _rounds, _rounds == 0 ? 0 : _bias / _rounds, _rounds == 0 ? 0 : _width / _rounds);
    }
}

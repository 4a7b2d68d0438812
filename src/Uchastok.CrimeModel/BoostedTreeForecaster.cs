using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.CrimeModel;

/// <summary>The loss a boosted model is fitted with: squared error, or Tweedie (a Poisson–gamma family for counts with many zeros).</summary>
public enum BoostingObjective { SquaredError, Tweedie }

/// <summary>
/// A gradient-boosted regression-tree forecaster (ML.NET FastTree, issue 20). For the month T it is asked
/// about, it learns from the <c>TrainingMonths</c> months before T: each of those months m gives one example
/// per cell, the cell's <see cref="CellFeatures"/> computed from the months before m, with the cell's count in
/// m as the label. The fitted model then scores the features computed from all months before T, and cells are
/// ranked by that prediction. Every example and every feature comes from <see cref="CountHistory.Before"/>, so
/// nothing at or after T is seen. One thread and a fixed seed make the fit repeatable.
/// </summary>
public sealed class BoostedTreeForecaster : ICrimeForecaster
{
    private readonly CellFeatures features;

    public BoostedTreeForecaster(
        int firstCalendarMonth,
        int trainingMonths = 12,
        BoostingObjective objective = BoostingObjective.Tweedie,
        int trees = 100,
        int leaves = 20,
        int minimumExamplesPerLeaf = 10,
        double learningRate = 0.1,
        int seed = 1)
    {
        features = new CellFeatures(firstCalendarMonth);
        TrainingMonths = trainingMonths > 0 ? trainingMonths : throw new ArgumentOutOfRangeException(nameof(trainingMonths));
        Objective = objective;
        Trees = trees > 0 ? trees : throw new ArgumentOutOfRangeException(nameof(trees));
        Leaves = leaves >= 2 ? leaves : throw new ArgumentOutOfRangeException(nameof(leaves));
        MinimumExamplesPerLeaf = minimumExamplesPerLeaf > 0 ? minimumExamplesPerLeaf : throw new ArgumentOutOfRangeException(nameof(minimumExamplesPerLeaf));
        LearningRate = learningRate is > 0 and <= 1 ? learningRate : throw new ArgumentOutOfRangeException(nameof(learningRate));
        Seed = seed;
    }

    public int TrainingMonths { get; }
    public BoostingObjective Objective { get; }
    public int Trees { get; }
    public int Leaves { get; }
    public int MinimumExamplesPerLeaf { get; }
    public double LearningRate { get; }
    public int Seed { get; }

    public string Name =>
        $"gradient-boosted trees ({(Objective == BoostingObjective.Tweedie ? "Tweedie" : "squared error")}, {Trees} trees of {Leaves} leaves, learning rate {LearningRate:0.###}, trained on the last {TrainingMonths} months)";

    /// <summary>
    /// The training examples for forecasting month <c>history.Months</c>: for each of the last
    /// <c>TrainingMonths</c> months m with at least one month before it, the features from the months before m
    /// and the counts of m (label), cell by cell.
    /// </summary>
    public IReadOnlyList<CellExample> TrainingSet(CountHistory history, StudyArea area)
    {
        var examples = new List<CellExample>();
        for (var month = Math.Max(1, history.Months - TrainingMonths); month < history.Months; month++)
        {
            var x = features.Build(history.Before(month), area);
            var labels = history.Month(month);
            for (var c = 0; c < history.CellCount; c++)
                examples.Add(new CellExample { Features = x.AsSpan(c * CellFeatures.Count, CellFeatures.Count).ToArray(), Label = labels[c] });
        }
        return examples;
    }

    public double[] Forecast(CountHistory history, StudyArea area)
    {
        var examples = TrainingSet(history, area);
        if (examples.Count == 0) throw new ArgumentException("The boosted model needs at least two months of history.", nameof(history));
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        ITransformer model = Objective switch
        {
            BoostingObjective.Tweedie => ml.Regression.Trainers.FastTreeTweedie(new FastTreeTweedieTrainer.Options
            {
                NumberOfTrees = Trees,
                NumberOfLeaves = Leaves,
                MinimumExampleCountPerLeaf = MinimumExamplesPerLeaf,
                LearningRate = LearningRate,
                NumberOfThreads = 1,
            }).Fit(data),
            _ => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                NumberOfTrees = Trees,
                NumberOfLeaves = Leaves,
                MinimumExampleCountPerLeaf = MinimumExamplesPerLeaf,
                LearningRate = LearningRate,
                NumberOfThreads = 1,
            }).Fit(data),
        };
        var x = features.Build(history, area);
        var rows = new CellExample[history.CellCount];
        for (var c = 0; c < rows.Length; c++) rows[c] = new CellExample { Features = x.AsSpan(c * CellFeatures.Count, CellFeatures.Count).ToArray() };
        var predicted = model.Transform(ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score").ToArray();
        var scores = new double[predicted.Length];
        for (var c = 0; c < scores.Length; c++) scores[c] = predicted[c];
        return scores;
    }
}

/// <summary>One cell in one month: its features and its count (the label; 0 when forecasting).</summary>
public sealed class CellExample
{
    [VectorType(CellFeatures.Count)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

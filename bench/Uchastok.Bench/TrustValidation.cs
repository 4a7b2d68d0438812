using System.Globalization;
using Uchastok.Rules.Trust;

namespace Uchastok.Bench;

/// <summary>
/// The validation table of docs/trust-index.md: 1,000 simulated survey rounds per scenario from
/// a population with known trust (TrustSimulation), with and without post-stratification.
///   dotnet run -c Release --project bench/Uchastok.Bench -- trust [--rounds N] [--seed N]
/// </summary>
public static class TrustValidation
{
    public static int Run(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var rounds = int.Parse(BenchArgs.Option(args, "--rounds") ?? "1000", CultureInfo.InvariantCulture);
        var seed = int.Parse(BenchArgs.Option(args, "--seed") ?? "20260301", CultureInfo.InvariantCulture);
        var results = TrustSimulation.Run(rounds, seed, [30, 40, 100, 300, 1000]);
        Console.WriteLine($"True score of the population: {TrustSimulation.Truth:F2}. {rounds:N0} rounds per row, seed {seed}. 95 % intervals.");
        Console.WriteLine();
        Console.WriteLine("| Sample | n | Method | Coverage of the 95 % interval | Mean bias (points) | Mean interval width (points) |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Scenario} | {r.SampleSize} | {r.Method} | {r.Coverage:P1} | {r.MeanBias:+0.00;-0.00;0.00} | {r.MeanWidth:F1} |");
        return 0;
    }
}

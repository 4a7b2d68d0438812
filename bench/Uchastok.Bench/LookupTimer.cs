using System.Diagnostics;

namespace Uchastok.Bench;

/// <summary>Result of timing one lookup function: median rate over rounds and what it answered.</summary>
public sealed record LookupTiming(double LookupsPerSecond, double SlowestRound, double FastestRound, int?[] Answers);

/// <summary>
/// Times single-threaded lookups: one untimed pass over all points (JIT tiering, lazy indexes of
/// the prepared polygons), then several timed passes; the median pass is the result.
/// </summary>
public static class LookupTimer
{
    public static LookupTiming Measure(Func<double, double, int?> locate, QueryPoints points, int rounds)
    {
        var answers = new int?[points.Count];
        Pass(locate, points, answers);

        var rates = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            Pass(locate, points, answers);
            rates[round] = points.Count / watch.Elapsed.TotalSeconds;
        }
        Array.Sort(rates);
        return new LookupTiming(rates[rounds / 2], rates[0], rates[^1], answers);
    }

    private static void Pass(Func<double, double, int?> locate, QueryPoints points, int?[] answers)
    {
        var longitudes = points.Longitudes;
        var latitudes = points.Latitudes;
        for (var i = 0; i < longitudes.Length; i++)
            answers[i] = locate(longitudes[i], latitudes[i]);
    }
}

using NetTopologySuite.Geometries;

namespace Uchastok.Bench;

/// <summary>Uniformly random points in an envelope, the same for a given seed on every run.</summary>
public sealed class QueryPoints
{
    private QueryPoints(double[] longitudes, double[] latitudes) => (Longitudes, Latitudes) = (longitudes, latitudes);

    public double[] Longitudes { get; }
    public double[] Latitudes { get; }
    public int Count => Longitudes.Length;

    public static QueryPoints Inside(Envelope box, int count, int seed)
    {
        var random = new Random(seed);
        var longitudes = new double[count];
        var latitudes = new double[count];
        for (var i = 0; i < count; i++)
        {
            longitudes[i] = box.MinX + random.NextDouble() * box.Width;
            latitudes[i] = box.MinY + random.NextDouble() * box.Height;
        }
        return new QueryPoints(longitudes, latitudes);
    }

    public QueryPoints Take(int count) => new(Longitudes[..count], Latitudes[..count]);

    public QueryPoints Where(Func<int, bool> keep)
    {
        var kept = Enumerable.Range(0, Count).Where(keep).ToArray();
        return new QueryPoints(kept.Select(i => Longitudes[i]).ToArray(), kept.Select(i => Latitudes[i]).ToArray());
    }
}

namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// A weighted blend of forecasters: score(c) = Σ_i w_i · s_i(c) / Σ_c' s_i(c'), each part's scores taken as
/// shares of its own total so that parts on different scales (a 36-month count, a recency-weighted count,
/// a kernel density) mix by their weights alone. A part whose scores are all zero adds nothing. The
/// weights are chosen on the tuning months (docs/crime-forecast.md); the burglary literature finds a
/// long-term risk surface dominant with a smaller recent component, which is the blend this serves.
/// </summary>
public sealed class BlendForecaster : ICrimeForecaster
{
    public BlendForecaster(IReadOnlyList<(ICrimeForecaster Part, double Weight)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("A blend needs at least one part.", nameof(parts));
        foreach (var (part, weight) in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (!(weight >= 0) || double.IsInfinity(weight)) throw new ArgumentOutOfRangeException(nameof(parts), "Blend weights are finite and not negative.");
        }
        if (!parts.Any(p => p.Weight > 0)) throw new ArgumentException("A blend needs a positive weight.", nameof(parts));
        Parts = parts.ToList();
    }

    public IReadOnlyList<(ICrimeForecaster Part, double Weight)> Parts { get; }

    public string Name => "blend (" + string.Join(" + ", Parts.Where(p => p.Weight > 0).Select(p => $"{p.Weight:0.##} × {p.Part.Name}")) + ")";

    public double[] Forecast(CountHistory history, StudyArea area)
    {
        var scores = new double[history.CellCount];
        foreach (var (part, weight) in Parts)
        {
            // A part with no weight is not computed at all (the kernel density is the dearest part).
            if (weight == 0) continue;
            var partScores = part.Forecast(history, area);
            var total = 0.0;
            foreach (var s in partScores) total += s;
            if (total <= 0) continue;
            var scale = weight / total;
            for (var c = 0; c < scores.Length; c++) scores[c] += scale * partScores[c];
        }
        return scores;
    }
}

using Uchastok.Web.Shared.Documents;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Pages.Trust;

/// <summary>What the trust pages share: the quarters one can pick and the trend drawn on the server, so it shows without JavaScript and prints.</summary>
public static class TrustPage
{
    public static IReadOnlyList<string> QuarterChoices(Rules.Trust.Quarter current) => current.Trailing(8).Reverse().Select(q => q.ToString()).ToList();

    /// <summary>The overall index per quarter as a line with its 95 % band; quarters without an estimate leave a gap.</summary>
    public static string TrendSvg(IReadOnlyList<TrendPoint> trend, string label) =>
        Chart.Trend(trend.Select(t => new TrendValue(t.Quarter, t.Overall.Score, t.Overall.Low, t.Overall.High)).ToList(), label).ToSvg();
}

using System.Globalization;
using System.Text;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Pages.Trust;

/// <summary>What the trust pages share: the quarters one can pick and the trend drawn as SVG on the server, so it shows without JavaScript and prints.</summary>
public static class TrustPage
{
    public static IReadOnlyList<string> QuarterChoices(Rules.Trust.Quarter current) => current.Trailing(8).Reverse().Select(q => q.ToString()).ToList();

    /// <summary>The overall index per quarter as a line with its 95 % band; quarters without an estimate leave a gap.</summary>
    public static string TrendSvg(IReadOnlyList<TrendPoint> trend, string label)
    {
        const int width = 480, height = 160, left = 36, right = 32, top = 10, bottom = 26;
        double X(int i) => left + (trend.Count == 1 ? 0 : i * (width - left - right) / (double)(trend.Count - 1));
        double Y(double score) => top + (100 - score) * (height - top - bottom) / 100.0;
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var tick in new[] { 0, 50, 100 })
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(tick))}\" y2=\"{F(Y(tick))}\" stroke=\"#d9e2ec\"/><text x=\"4\" y=\"{F(Y(tick) + 4)}\" font-size=\"11\" fill=\"#627d98\">{tick}</text>");
        var shown = trend.Select((t, i) => (t, i)).Where(x => x.t.Overall.Score is not null).ToList();
        if (shown.Count > 0)
        {
            var band = shown.Select(x => $"{F(X(x.i))},{F(Y(x.t.Overall.High!.Value))}").Concat(shown.AsEnumerable().Reverse().Select(x => $"{F(X(x.i))},{F(Y(x.t.Overall.Low!.Value))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{string.Join(' ', band)}\" fill=\"#9fb3c8\" opacity=\"0.4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', shown.Select(x => $"{F(X(x.i))},{F(Y(x.t.Overall.Score!.Value))}"))}\" fill=\"none\" stroke=\"#243b53\" stroke-width=\"2\"/>");
            foreach (var (t, i) in shown) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(t.Overall.Score!.Value))}\" r=\"3\" fill=\"#243b53\"/>");
        }
        for (var i = 0; i < trend.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{height - 8}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#627d98\">{trend[i].Quarter}</text>");
        return svg.Append("</svg>").ToString();
    }
}

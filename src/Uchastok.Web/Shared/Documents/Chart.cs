using System.Globalization;
using System.Net;
using System.Text;

namespace Uchastok.Web.Shared.Documents;

public enum TextAnchor { Start, Middle, End }

/// <summary>One drawn thing of a chart, in the chart's own units (y grows downwards, as in SVG and PDF).</summary>
public abstract record ChartShape;

public sealed record ChartRect(double X, double Y, double Width, double Height, string Fill) : ChartShape;

public sealed record ChartLine(double X1, double Y1, double X2, double Y2, string Stroke, double Width) : ChartShape;

public sealed record ChartPolyline(IReadOnlyList<(double X, double Y)> Points, string Stroke, double Width) : ChartShape;

public sealed record ChartPolygon(IReadOnlyList<(double X, double Y)> Points, string Fill, double Opacity) : ChartShape;

public sealed record ChartCircle(double X, double Y, double Radius, string Fill) : ChartShape;

public sealed record ChartText(double X, double Y, string Text, double Size, string Fill, TextAnchor Anchor) : ChartShape;

/// <summary>A value of a bar chart: its category, its value (none: no bar, only the text) and what is written over it.</summary>
public sealed record Bar(string Category, double? Value, string Text);

/// <summary>A value of a trend line with its interval; none: a gap.</summary>
public sealed record TrendValue(string Category, double? Value, double? Low, double? High);

/// <summary>
/// A chart laid out once on the server, as shapes, and then written as SVG for the page or drawn
/// into a PDF (<see cref="PdfComposer.Chart"/>): the two show the same picture, and neither needs
/// JavaScript or an image library.
/// </summary>
public sealed record Chart(double Width, double Height, string Label, IReadOnlyList<ChartShape> Shapes)
{
    private const string Grid = "#d9e2ec", Muted = "#627d98", Ink = "#243b53", Band = "#9fb3c8", BarFill = "#486581";
    private const double Left = 36, Right = 32, Top = 16, Bottom = 26;

    /// <summary>Vertical bars on a scale from 0 to <paramref name="max"/>, with the given ticks on the left.</summary>
    public static Chart Bars(IReadOnlyList<Bar> bars, double max, IReadOnlyList<double> ticks, string label, Func<double, string> tickText, double width = 480, double height = 160)
    {
        var shapes = Axes(ticks, max, width, height, tickText);
        var slot = (width - Left - Right) / Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var centre = Left + slot * (i + 0.5);
            var barWidth = Math.Min(56, slot * 0.6);
            var top = bars[i].Value is { } value ? Y(Math.Clamp(value, 0, max), max, height) : Y(0, max, height);
            if (bars[i].Value is not null) shapes.Add(new ChartRect(centre - barWidth / 2, top, barWidth, Y(0, max, height) - top, BarFill));
            shapes.Add(new ChartText(centre, top - 4, bars[i].Text, 11, Ink, TextAnchor.Middle));
            shapes.Add(new ChartText(centre, height - 8, bars[i].Category, 11, Muted, TextAnchor.Middle));
        }
        return new Chart(width, height, label, shapes);
    }

    /// <summary>A line on a 0–100 scale with its interval as a band; values without an estimate leave a gap.</summary>
    public static Chart Trend(IReadOnlyList<TrendValue> values, string label, double width = 480, double height = 160)
    {
        const double max = 100;
        var shapes = Axes([0, 50, 100], max, width, height, t => t.ToString(CultureInfo.InvariantCulture));
        double X(int i) => Left + (values.Count == 1 ? 0 : i * (width - Left - Right) / (values.Count - 1));
        // Each run of quarters with an estimate is its own line and band: a missing quarter is a gap, not a line drawn across it.
        var runs = new List<List<(TrendValue v, int i)>>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Value is null) continue;
            if (i == 0 || values[i - 1].Value is null) runs.Add([]);
            runs[^1].Add((values[i], i));
        }
        foreach (var run in runs)
        {
            if (run.Count > 1)
            {
                var band = run.Select(x => (X(x.i), Y(x.v.High ?? x.v.Value!.Value, max, height)))
                    .Concat(run.AsEnumerable().Reverse().Select(x => (X(x.i), Y(x.v.Low ?? x.v.Value!.Value, max, height)))).ToList();
                shapes.Add(new ChartPolygon(band, Band, 0.4));
                shapes.Add(new ChartPolyline(run.Select(x => (X(x.i), Y(x.v.Value!.Value, max, height))).ToList(), Ink, 2));
            }
            else if (run[0].v is { Low: { } low, High: { } high })
                shapes.Add(new ChartLine(X(run[0].i), Y(high, max, height), X(run[0].i), Y(low, max, height), Band, 4));
            shapes.AddRange(run.Select(x => new ChartCircle(X(x.i), Y(x.v.Value!.Value, max, height), 3, Ink)));
        }
        for (var i = 0; i < values.Count; i++) shapes.Add(new ChartText(X(i), height - 8, values[i].Category, 11, Muted, TextAnchor.Middle));
        return new Chart(width, height, label, shapes);
    }

    private static double Y(double value, double max, double height) => Top + (max - value) * (height - Top - Bottom) / max;

    private static List<ChartShape> Axes(IReadOnlyList<double> ticks, double max, double width, double height, Func<double, string> tickText)
    {
        var shapes = new List<ChartShape>();
        foreach (var tick in ticks)
        {
            var y = Y(tick, max, height);
            shapes.Add(new ChartLine(Left, y, width - Right, y, Grid, 1));
            shapes.Add(new ChartText(4, y + 4, tickText(tick), 11, Muted, TextAnchor.Start));
        }
        return shapes;
    }

    /// <summary>The chart as inline SVG, sized by its container; the label is what a screen reader says.</summary>
    public string ToSvg(string cssClass = "trend")
    {
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        static string Points(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"{cssClass}\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(Label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var shape in Shapes)
            svg.Append(shape switch
            {
                ChartRect r => $"<rect x=\"{F(r.X)}\" y=\"{F(r.Y)}\" width=\"{F(r.Width)}\" height=\"{F(r.Height)}\" fill=\"{r.Fill}\"/>",
                ChartLine l => $"<line x1=\"{F(l.X1)}\" y1=\"{F(l.Y1)}\" x2=\"{F(l.X2)}\" y2=\"{F(l.Y2)}\" stroke=\"{l.Stroke}\" stroke-width=\"{F(l.Width)}\"/>",
                ChartPolyline p => $"<polyline points=\"{Points(p.Points)}\" fill=\"none\" stroke=\"{p.Stroke}\" stroke-width=\"{F(p.Width)}\"/>",
                ChartPolygon p => $"<polygon points=\"{Points(p.Points)}\" fill=\"{p.Fill}\" opacity=\"{F(p.Opacity)}\"/>",
                ChartCircle c => $"<circle cx=\"{F(c.X)}\" cy=\"{F(c.Y)}\" r=\"{F(c.Radius)}\" fill=\"{c.Fill}\"/>",
                ChartText t => $"<text x=\"{F(t.X)}\" y=\"{F(t.Y)}\" font-size=\"{F(t.Size)}\" fill=\"{t.Fill}\"{(t.Anchor == TextAnchor.Start ? "" : $" text-anchor=\"{(t.Anchor == TextAnchor.Middle ? "middle" : "end")}\"")}>{WebUtility.HtmlEncode(t.Text)}</text>",
                _ => throw new NotSupportedException(shape.GetType().Name),
            });
        return svg.Append("</svg>").ToString();
    }
}

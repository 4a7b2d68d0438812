using Uchastok.Web.Shared.Documents;

namespace Uchastok.Web.Tests.Shared;

/// <summary>Charts laid out once for the page and the PDF: bars to scale, gaps where there is no value, text escaped in SVG.</summary>
public sealed class ChartTests
{
    [Fact]
    public void Bars_AreToScale_AndAMissingValue_HasItsTextButNoBar()
    {
        var chart = Chart.Bars([new Bar("2026-Q3", null, "—"), new Bar("2026-Q4", 50, "50 %"), new Bar("2027-Q1", 100, "100 %")], 100, [0, 100], "On time", t => t.ToString("0"));

        var bars = chart.Shapes.OfType<ChartRect>().ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(bars[1].Height / 2, bars[0].Height, 6);
        // Both stand on the same baseline, the zero tick's line.
        var zero = chart.Shapes.OfType<ChartLine>().First().Y1;
        Assert.All(bars, b => Assert.Equal(zero, b.Y + b.Height, 6));
        Assert.Contains(chart.Shapes.OfType<ChartText>(), t => t.Text == "—");
        Assert.Equal(["2026-Q3", "2026-Q4", "2027-Q1"], chart.Shapes.OfType<ChartText>().Where(t => t.Text.StartsWith("20", StringComparison.Ordinal)).Select(t => t.Text));
    }

    [Fact]
    public void AValueAboveTheScale_IsDrawnAtItsTop_NotOutsideTheChart()
    {
        var chart = Chart.Bars([new Bar("a", 7, "7")], 5, [0, 5], "Rating", t => t.ToString("0"));

        var bar = Assert.Single(chart.Shapes.OfType<ChartRect>());
        Assert.True(bar.Y >= 0);
        Assert.Equal(chart.Shapes.OfType<ChartLine>().Last().Y1, bar.Y, 6);
    }

    [Fact]
    public void ATrend_LeavesAGap_AndItsSvg_EscapesText()
    {
        var chart = Chart.Trend([new TrendValue("Q1", 60, 50, 70), new TrendValue("Q2", 65, 55, 75), new TrendValue("Q3", null, null, null), new TrendValue("Q4", 80, 75, 85)],
            "Trust <index> & band");

        // Q1–Q2 a line and its band; Q4 alone a point with its interval; nothing drawn across Q3.
        var line = Assert.Single(chart.Shapes.OfType<ChartPolyline>());
        Assert.Equal(2, line.Points.Count);
        Assert.Single(chart.Shapes.OfType<ChartPolygon>());
        Assert.Equal(3, chart.Shapes.OfType<ChartCircle>().Count());
        var q3 = chart.Shapes.OfType<ChartText>().Single(t => t.Text == "Q3").X;
        Assert.DoesNotContain(chart.Shapes.OfType<ChartPolyline>().SelectMany(p => p.Points), p => p.X >= q3);
        var svg = chart.ToSvg();
        Assert.StartsWith("<svg class=\"trend\"", svg);
        Assert.Contains("aria-label=\"Trust &lt;index&gt; &amp; band\"", svg);
        Assert.DoesNotContain("<index>", svg);
    }
}

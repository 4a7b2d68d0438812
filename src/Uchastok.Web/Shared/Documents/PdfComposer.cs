using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Uchastok.Web.Shared.Documents;

/// <summary>
/// Writes an A4 document top to bottom — title, headings, paragraphs, label–value rows and
/// charts — breaking lines at words and pages where the text runs out, with a footer and page
/// numbers on every page. PDFsharp draws; this only decides where. The fonts must be installed
/// first (<see cref="PdfFonts.Install"/>).
/// </summary>
public sealed class PdfComposer : IDisposable
{
    private const double Margin = 50, FooterHeight = 24, LineSpacing = 1.35;
    private static readonly XColor Ink = XColor.FromArgb(0x24, 0x3b, 0x53), Muted = XColor.FromArgb(0x62, 0x7d, 0x98), Rule = XColor.FromArgb(0xd9, 0xe2, 0xec);
    private readonly PdfDocument _document = new();
    private readonly string _footer;
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;

    public PdfComposer(string title, string footer)
    {
        _document.Info.Title = title;
        _footer = footer;
        NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;

    private double Bottom => _page.Height.Point - Margin - FooterHeight;

    public void Title(string text)
    {
        Paragraph(text, 18, bold: true, after: 10);
    }

    /// <summary>A heading is never the last line of a page: it moves to the next one with room for what follows.</summary>
    public void Heading(string text)
    {
        Need(70);
        _y += 8;
        Paragraph(text, 13, bold: true, after: 2);
        _graphics.DrawLine(new XPen(Rule, 0.8), Margin, _y, Margin + Width, _y);
        _y += 6;
    }

    public void Paragraph(string text, double size = 10, bool bold = false, bool muted = false, double after = 6)
    {
        var font = Font(size, bold);
        var brush = new XSolidBrush(muted ? Muted : Ink);
        foreach (var line in Wrap(text, font, Width))
        {
            Need(size * LineSpacing);
            _graphics.DrawString(line, font, brush, Margin, _y + size, XStringFormats.BaseLineLeft);
            _y += size * LineSpacing;
        }
        _y += after;
    }

    /// <summary>A label on the left and its value on the right, as in a table of figures; either wraps in its own column.</summary>
    public void Row(string label, string value, double size = 10)
    {
        var font = Font(size, false);
        var bold = Font(size, true);
        var valueWidth = Math.Min(Width * 0.45, _graphics.MeasureString(value, bold).Width);
        var values = Wrap(value, bold, valueWidth);
        var labels = Wrap(label, font, Width - valueWidth - 12);
        var lineHeight = size * LineSpacing;
        Need(Math.Max(labels.Count, values.Count) * lineHeight + 3);
        for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
        {
            if (i < labels.Count) _graphics.DrawString(labels[i], font, new XSolidBrush(Ink), Margin, _y + size, XStringFormats.BaseLineLeft);
            if (i < values.Count) _graphics.DrawString(values[i], bold, new XSolidBrush(Ink), Margin + Width, _y + size, XStringFormats.BaseLineRight);
            _y += lineHeight;
        }
        _graphics.DrawLine(new XPen(Rule, 0.5), Margin, _y + 1, Margin + Width, _y + 1);
        _y += 3;
    }

    /// <summary>The chart drawn as vectors, scaled to the width (the full text width by default).</summary>
    public void Chart(Chart chart, double? width = null)
    {
        var scale = Math.Min(width ?? Width, Width) / chart.Width;
        Need(chart.Height * scale + 8);
        var (left, top) = (Margin, _y);
        XPoint Point(double x, double y) => new(left + x * scale, top + y * scale);
        foreach (var shape in chart.Shapes)
        {
            switch (shape)
            {
                case ChartRect r:
                    _graphics.DrawRectangle(new XSolidBrush(Colour(r.Fill)), left + r.X * scale, top + r.Y * scale, r.Width * scale, r.Height * scale);
                    break;
                case ChartLine l:
                    _graphics.DrawLine(new XPen(Colour(l.Stroke), l.Width * scale), Point(l.X1, l.Y1), Point(l.X2, l.Y2));
                    break;
                case ChartPolyline p when p.Points.Count > 1:
                    _graphics.DrawLines(new XPen(Colour(p.Stroke), p.Width * scale) { LineJoin = XLineJoin.Round }, p.Points.Select(q => Point(q.X, q.Y)).ToArray());
                    break;
                case ChartPolygon p when p.Points.Count > 2:
                    _graphics.DrawPolygon(new XSolidBrush(Colour(p.Fill, p.Opacity)), p.Points.Select(q => Point(q.X, q.Y)).ToArray(), XFillMode.Winding);
                    break;
                case ChartCircle c:
                    _graphics.DrawEllipse(new XSolidBrush(Colour(c.Fill)), left + (c.X - c.Radius) * scale, top + (c.Y - c.Radius) * scale, 2 * c.Radius * scale, 2 * c.Radius * scale);
                    break;
                case ChartText t:
                    var format = t.Anchor switch { TextAnchor.Middle => XStringFormats.BaseLineCenter, TextAnchor.End => XStringFormats.BaseLineRight, _ => XStringFormats.BaseLineLeft };
                    _graphics.DrawString(t.Text, Font(t.Size * scale, false), new XSolidBrush(Colour(t.Fill)), Point(t.X, t.Y), format);
                    break;
            }
        }
        _y += chart.Height * scale + 8;
    }

    /// <summary>An image (PNG or JPEG bytes) at the left margin, scaled down to fit the box and never up.</summary>
    public void Image(byte[] bytes, double maxWidth, double maxHeight)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var image = XImage.FromStream(stream);
        var scale = Math.Min(1, Math.Min(Math.Min(maxWidth, Width) / image.PointWidth, maxHeight / image.PointHeight));
        var (width, height) = (image.PointWidth * scale, image.PointHeight * scale);
        Need(height + 6);
        _graphics.DrawImage(image, Margin, _y, width, height);
        _y += height + 6;
    }

    /// <summary>Finishes the document: the footer and "n / N" on every page.</summary>
    public byte[] Save()
    {
        _graphics.Dispose();
        var font = Font(8, false);
        for (var i = 0; i < _document.PageCount; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin + 4;
            graphics.DrawString(_footer, font, new XSolidBrush(Muted), Margin, y, XStringFormats.BaseLineLeft);
            graphics.DrawString(string.Create(CultureInfo.InvariantCulture, $"{i + 1} / {_document.PageCount}"), font, new XSolidBrush(Muted), page.Width.Point - Margin, y, XStringFormats.BaseLineRight);
        }
        using var output = new MemoryStream();
        _document.Save(output, false);
        return output.ToArray();
    }

    public void Dispose()
    {
        _graphics.Dispose();
        _document.Dispose();
    }

    private void Need(double height)
    {
        if (_y + height > Bottom && _y > Margin) NewPage();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private static XFont Font(double size, bool bold) => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// <summary>Lines of at most <paramref name="width"/>, broken at spaces (and inside a word only when it alone is too wide); line breaks in the text are kept.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (_graphics.MeasureString(candidate, font).Width <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && _graphics.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && _graphics.MeasureString(line[..cut], font).Width > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private static XColor Colour(string hex, double opacity = 1)
    {
        var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return XColor.FromArgb((int)Math.Round(opacity * 255), (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}

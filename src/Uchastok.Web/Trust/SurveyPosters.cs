using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Documents;

namespace Uchastok.Web.Trust;

/// <summary>
/// The QR code of a survey at a place, as a PNG and as an A4 poster in Kazakh, Russian and English
/// to print and hang there. The code holds the public link with the place's random code, so every
/// answer through it counts for that place's beat.
/// </summary>
public sealed class SurveyPosters(NotificationSettings settings)
{
    public string Link(string surveyCode, string placeCode) =>
        $"{settings.PublicUrl.TrimEnd('/')}/survey/{Uri.EscapeDataString(surveyCode)}?p={Uri.EscapeDataString(placeCode)}";

    /// <summary>Error correction M (15 %): survives a scuffed poster, and the link stays a small code.</summary>
    public static byte[] Png(string link, int pixelsPerModule = 12)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static byte[] Pdf(Survey survey, SurveyPlace place, string link)
    {
        using var document = new PdfDocument();
        document.Info.Title = survey.TitleRu;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var margin = 48.0;
            var text = new XTextFormatter(graphics) { Alignment = XParagraphAlignment.Center };
            var title = new XFont(PdfFonts.Family, 22, XFontStyleEx.Bold);
            var body = new XFont(PdfFonts.Family, 13, XFontStyleEx.Regular);
            var small = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular);
            var y = margin;
            void Line(string value, XFont font, double height)
            {
                text.DrawString(value, font, XBrushes.Black, new XRect(margin, y, width - 2 * margin, height), XStringFormats.TopLeft);
                y += height;
            }
            Line(survey.TitleKk, title, 56);
            Line(survey.TitleRu, title, 56);
            Line(survey.TitleEn, title, 56);
            var size = 250.0;
            DrawCode(graphics, link, (width - size) / 2, y, size);
            y += size + 16;
            Line($"{place.NameKk} · {place.NameRu} · {place.NameEn}", body, 40);
            Line("Кодты телефонмен сканерлеп, бірнеше сұраққа жасырын жауап беріңіз.", body, 22);
            Line("Наведите камеру телефона на код и анонимно ответьте на несколько вопросов.", body, 22);
            Line("Point your phone's camera at the code and answer a few questions anonymously.", body, 34);
            Line(link, small, 30);
            Line("Қауіп төнсе — 102 не 112 · При опасности звоните 102 или 112 · In danger call 102 or 112", small, 20);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>The code drawn as vector squares, one per dark module: sharp at any print size, and the same matrix as the PNG.</summary>
    private static void DrawCode(XGraphics graphics, string link, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
            for (var column = 0; column < modules[row].Count; column++)
                if (modules[row][column])
                    // A hair wider than the cell, so that neighbouring squares print as one area without seams.
                    graphics.DrawRectangle(XBrushes.Black, x + column * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
}

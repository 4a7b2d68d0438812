using PdfSharp.Fonts;

namespace Uchastok.Web.Shared.Documents;

/// <summary>
/// The fonts PDFs are set in: DejaVu Sans, which covers Kazakh and Russian Cyrillic, embedded in
/// every document so it reads the same anywhere. PDFsharp asks one resolver for the whole
/// process; the directory is configured (Documents:FontDirectory), by default Debian's
/// fonts-dejavu-core.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Gate = new();
    private readonly string _directory;

    private PdfFonts(string directory) => _directory = directory;

    /// <summary>Installs the resolver once; later calls keep the first directory, as PDFsharp allows one resolver.</summary>
    public static void Install(string? directory)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFonts) return;
            var chosen = string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory;
            if (!File.Exists(Path.Combine(chosen, "DejaVuSans.ttf")))
                throw new InvalidOperationException($"DejaVuSans.ttf is not in {chosen}: install the Debian package fonts-dejavu-core or set Documents:FontDirectory.");
            GlobalFontSettings.FontResolver = new PdfFonts(chosen);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(_directory, faceName + ".ttf"));
}

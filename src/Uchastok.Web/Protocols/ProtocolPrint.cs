using System.Globalization;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Documents;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Protocols;

/// <summary>
/// The printable A4 copy of a protocol in Kazakh or Russian: every element of the document as
/// <see cref="ProtocolLayout"/> lays it out (the read page shows the same rows), the witnesses, the item
/// table, the signatures as drawn and the content hash.
/// </summary>
public sealed class ProtocolPrint(IStringLocalizer<SharedResource> localizer, IConfiguration configuration)
{
    public static readonly string[] Languages = ["kk", "ru"];

    public byte[] Pdf(ProtocolView view, IReadOnlyDictionary<string, byte[]> images, string language)
    {
        PdfFonts.Install(configuration["Documents:FontDirectory"]);
        using var _ = LocalizationSetup.UseLanguage(language);
        var protocol = view.Protocol;
        var title = ProtocolLayout.TypeName(protocol.Type, language);
        using var pdf = new PdfComposer(title, localizer["Protocol.Pdf.Footer", protocol.Id, protocol.Sha256 ?? "—"]);
        pdf.Title(title);
        pdf.Paragraph(protocol.State == nameof(ProtocolState.Signed)
            ? localizer["Protocol.Pdf.Number", protocol.Id, protocol.SignedAtUtc!.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)]
            : localizer["Protocol.Pdf.Draft", protocol.Id], muted: true);

        var layout = ProtocolLayout.Of(view.Document, language, localizer);
        foreach (var row in layout.Elements) pdf.Row(row.Label, row.Text);

        if (layout.Witnesses.Count > 0)
        {
            pdf.Heading(localizer["Protocol.Pdf.Witnesses"]);
            var number = 1;
            foreach (var witness in layout.Witnesses)
            {
                pdf.Paragraph($"{number++}. {witness.Name}", bold: true, after: 2);
                foreach (var row in witness.Rows) pdf.Row(row.Label, row.Text);
            }
        }

        pdf.Heading(localizer["Protocol.Pdf.Items"]);
        if (layout.Items.Count > 0)
        {
            var number = 1;
            foreach (var item in layout.Items)
            {
                pdf.Row($"{number++}. {item.Kind}: {item.Type}", localizer["Protocol.Pdf.Quantity", item.Quantity]);
                foreach (var row in item.Rows) pdf.Row("    " + row.Label, row.Text, 9);
            }
        }
        else pdf.Paragraph(localizer["Protocol.Pdf.NothingFound"]);

        if (layout.Attachments.Count > 0)
        {
            pdf.Heading(localizer["Protocol.Pdf.Attachments"]);
            var number = 1;
            foreach (var attachment in layout.Attachments)
            {
                pdf.Paragraph($"{number++}.", bold: true, after: 2);
                foreach (var row in attachment) pdf.Row(row.Label, row.Text, 9);
            }
        }

        pdf.Heading(localizer["Protocol.Pdf.Signatures"]);
        foreach (var signature in view.Signatures)
        {
            pdf.Paragraph(localizer[$"Protocol.Pdf.Role.{signature.Role}"], bold: true, after: 2);
            if (signature.Refused) pdf.Paragraph(localizer["Protocol.Pdf.SignatureRefused", signature.Reason ?? ""]);
            else if (images.TryGetValue(signature.Role, out var image)) pdf.Image(image, 180, 60);
        }

        foreach (var addendum in view.Addenda)
        {
            pdf.Heading(localizer["Protocol.Pdf.Addendum", addendum.AtUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)]);
            pdf.Paragraph(addendum.Text);
            pdf.Paragraph(localizer["Protocol.Pdf.Hash", addendum.Sha256], 8, muted: true);
        }

        pdf.Heading(localizer["Protocol.Pdf.HashHeading"]);
        pdf.Paragraph(protocol.Sha256 is null ? localizer["Protocol.Pdf.NotSigned"] : localizer["Protocol.Pdf.Hash", protocol.Sha256], 9);
        return pdf.Save();
    }
}

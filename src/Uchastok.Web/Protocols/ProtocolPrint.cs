using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Protocols;
using Uchastok.Web.Shared.Documents;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Protocols;

/// <summary>
/// The printable A4 copy of a protocol in Kazakh or Russian: every element of the document (a labelled row
/// each; an element without a label of its own is printed under its path rather than left out), the
/// witnesses, the item table, the signatures as drawn and the content hash.
/// </summary>
public sealed class ProtocolPrint(IStringLocalizer<SharedResource> localizer, IConfiguration configuration)
{
    public static readonly string[] Languages = ["kk", "ru"];

    public byte[] Pdf(ProtocolView view, IReadOnlyDictionary<string, byte[]> images, string language)
    {
        PdfFonts.Install(configuration["Documents:FontDirectory"]);
        using var _ = LocalizationSetup.UseLanguage(language);
        var protocol = view.Protocol;
        var title = ProtocolRuleSet.Default.Types.TryGetValue(protocol.Type, out var type) ? type.Names[language] : protocol.Type;
        using var pdf = new PdfComposer(title, localizer["Protocol.Pdf.Footer", protocol.Id, protocol.Sha256 ?? "—"]);
        pdf.Title(title);
        pdf.Paragraph(protocol.State == nameof(ProtocolState.Signed)
            ? localizer["Protocol.Pdf.Number", protocol.Id, protocol.SignedAtUtc!.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)]
            : localizer["Protocol.Pdf.Draft", protocol.Id], muted: true);

        var document = view.Document;
        foreach (var (path, value) in Leaves(document, "").Where(l => !l.Path.StartsWith("witnesses", StringComparison.Ordinal) && !l.Path.StartsWith("items", StringComparison.Ordinal)))
            pdf.Row(Label(path), Text(value));

        if (document["witnesses"] is JsonArray witnesses && witnesses.Count > 0)
        {
            pdf.Heading(localizer["Protocol.Pdf.Witnesses"]);
            var number = 1;
            foreach (var witness in witnesses.OfType<JsonObject>())
            {
                var name = string.Join(' ', new[] { "surname", "name", "patronymic" }.Select(k => Plain(witness[k])).Where(t => t.Length > 0));
                pdf.Paragraph($"{number++}. {name}", bold: true, after: 2);
                foreach (var (path, value) in Leaves(witness, "witness").Where(l => l.Path is not ("witness.surname" or "witness.name" or "witness.patronymic")))
                    pdf.Row(Label(path), Text(value));
            }
        }

        pdf.Heading(localizer["Protocol.Pdf.Items"]);
        if (document["items"] is JsonArray items && items.Count > 0)
        {
            var number = 1;
            foreach (var item in items.OfType<JsonObject>())
            {
                var kind = Plain(item["kind"]);
                var kindName = ProtocolRuleSet.Default.Lists["itemKinds"].Entries.FirstOrDefault(e => e.Code == kind) is { } entry
                    && entry.Fields.TryGetProperty("names", out var names) && names.TryGetProperty(language, out var named) ? named.GetString()! : kind;
                pdf.Row($"{number++}. {kindName}: {Plain(item["type"])}", localizer["Protocol.Pdf.Quantity", Plain(item["quantity"])]);
                foreach (var (path, value) in Leaves(item, "item").Where(l => l.Path is not ("item.kind" or "item.type" or "item.quantity")))
                    pdf.Row("    " + Label(path), Text(value), 9);
            }
        }
        else pdf.Paragraph(localizer["Protocol.Pdf.NothingFound"]);

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

    /// <summary>Every value of the document with its path (<c>person.identityDocument.number</c>), in the document's order; arrays of values joined.</summary>
    private static IEnumerable<(string Path, JsonNode Value)> Leaves(JsonObject node, string at)
    {
        foreach (var (name, value) in node)
        {
            var path = at.Length == 0 ? name : $"{at}.{name}";
            switch (value)
            {
                case null: continue;
                case JsonObject inner:
                    foreach (var leaf in Leaves(inner, path)) yield return leaf;
                    break;
                default:
                    yield return (path, value);
                    break;
            }
        }
    }

    private string Label(string path)
    {
        var label = localizer[$"Protocol.Pdf.Field.{path}"];
        return label.ResourceNotFound ? path : label.Value;
    }

    private string Text(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.True => localizer["Protocol.Pdf.Yes"],
        JsonValueKind.False => localizer["Protocol.Pdf.No"],
        JsonValueKind.Array => string.Join(", ", value.AsArray().Select(v => v is null ? "" : v is JsonObject o ? o.ToJsonString() : Plain(v))),
        _ => Plain(value),
    };

    private static string Plain(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Protocols;

namespace Uchastok.Web.Protocols;

/// <summary>One element of a protocol as printed and shown: its label in the reader's language and its value as text.</summary>
public sealed record ProtocolRow(string Path, string Label, string Text);

/// <summary>A witness: his name, then every other element of his.</summary>
public sealed record ProtocolWitnessRows(string Name, IReadOnlyList<ProtocolRow> Rows);

/// <summary>An item: its kind in the reader's language, its type, its quantity, then its other features.</summary>
public sealed record ProtocolItemRows(string Kind, string Type, string Quantity, IReadOnlyList<ProtocolRow> Rows);

/// <summary>The document laid out: its elements (witnesses, items and attachments apart), the witnesses, the item table and the attachments (each its rows).</summary>
public sealed record ProtocolLayoutView(
    IReadOnlyList<ProtocolRow> Elements, IReadOnlyList<ProtocolWitnessRows> Witnesses, IReadOnlyList<ProtocolItemRows> Items, IReadOnlyList<IReadOnlyList<ProtocolRow>> Attachments);

/// <summary>
/// How a protocol's document reads in a language: one labelled row per element (an element without a label of its
/// own is shown under its path rather than left out), the witnesses and the item table. The printed copy and the
/// read page both use it, so what the page shows is what the PDF prints.
/// </summary>
public static class ProtocolLayout
{
    private static readonly string[] NameParts = ["surname", "name", "patronymic"];
    private static readonly string[] OwnSections = ["witnesses", "items", "attachments"];

    /// <summary>Elements whose value is a code of a rule-set list, shown by the entry's name in the reader's language.</summary>
    private static readonly Dictionary<string, string> ListValued = new(StringComparer.Ordinal)
    {
        ["identityCheck.method"] = "identityCheckMethods", ["attachment.kind"] = "attachmentKinds", ["person.immunity"] = "immunities", ["offence.code"] = "offences",
    };

    /// <summary>Lays out <paramref name="document"/> with the texts of the current UI language; <paramref name="language"/> picks the rule set's names (kk, ru, en).</summary>
    public static ProtocolLayoutView Of(JsonObject document, string language, IStringLocalizer localizer)
    {
        var elements = Leaves(document, "").Where(l => !OwnSections.Any(section => l.Path == section || l.Path.StartsWith(section + ".", StringComparison.Ordinal)))
            .Where(l => l.Path != "drafter.positionCode")
            // In the document's own language the signed (hashed) text is printed as it is; in another, the position's name in it.
            .Select(l => l.Path == "drafter.position" && language != ProtocolFacts.DocumentLanguage && Position(document, localizer) is { } position ? l with { Value = position } : l)
            .Select(l => Row(l.Path, l.Value, language, localizer)).ToList();
        var witnesses = (document["witnesses"] as JsonArray ?? []).OfType<JsonObject>().Select(witness => new ProtocolWitnessRows(
            string.Join(' ', NameParts.Select(k => Plain(witness[k])).Where(t => t.Length > 0)),
            Leaves(witness, "witness").Where(l => l.Path is not ("witness.surname" or "witness.name" or "witness.patronymic")).Select(l => Row(l.Path, l.Value, language, localizer)).ToList())).ToList();
        var items = (document["items"] as JsonArray ?? []).OfType<JsonObject>().Select(item => new ProtocolItemRows(
            ListName("itemKinds", Plain(item["kind"]), language), Plain(item["type"]), Plain(item["quantity"]),
            Leaves(item, "item").Where(l => l.Path is not ("item.kind" or "item.type" or "item.quantity")).Select(l => Row(l.Path, l.Value, language, localizer)).ToList())).ToList();
        var attachments = (document["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(attachment => (IReadOnlyList<ProtocolRow>)Leaves(attachment, "attachment").Select(l => Row(l.Path, l.Value, language, localizer)).ToList()).ToList();
        // Attachments given as something other than a list of objects (the rules refuse it at signing) are still shown, not lost.
        if (document["attachments"] is { } given && given is not JsonArray) elements.Add(Row("attachments", given, language, localizer));
        return new ProtocolLayoutView(elements, witnesses, items, attachments);
    }

    /// <summary>
    /// The drafter's position in the reader's language, from the code stored beside the hashed text (which is in
    /// Russian, so that the hash does not depend on the language); null for a protocol stored before the code was.
    /// </summary>
    private static JsonNode? Position(JsonObject document, IStringLocalizer localizer) =>
        document["drafter"]?["positionCode"] is JsonValue code && code.GetValueKind() == JsonValueKind.String
            && localizer[code.GetValue<string>()] is { ResourceNotFound: false } text ? JsonValue.Create(text.Value) : null;

    /// <summary>A protocol type's name in the language, or its code when the rule set no longer has it.</summary>
    public static string TypeName(string code, string language) =>
        ProtocolRuleSet.Default.Types.TryGetValue(code, out var type) && type.Names.TryGetValue(language, out var name) ? name : code;

    /// <summary>An entry of a rule-set list by its name in the language (an item kind, an offence), or the code itself.</summary>
    public static string ListName(string list, string code, string language) =>
        ProtocolRuleSet.Default.Lists.TryGetValue(list, out var values) && values.Entries.FirstOrDefault(e => e.Code == code) is { } entry
            && entry.Fields.TryGetProperty("names", out var names) && names.TryGetProperty(language, out var named) && named.GetString() is { } text ? text : code;

    private static ProtocolRow Row(string path, JsonNode value, string language, IStringLocalizer localizer)
    {
        var label = localizer[$"Protocol.Pdf.Field.{path}"];
        var text = ListValued.TryGetValue(path, out var list) && value.GetValueKind() == JsonValueKind.String ? ListName(list, Plain(value), language) : Text(value, localizer);
        return new ProtocolRow(path, label.ResourceNotFound ? path : label.Value, text);
    }

    /// <summary>Every value of the document with its path (<c>person.identityDocument.number</c>), in the document's order.</summary>
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

    private static string Text(JsonNode value, IStringLocalizer localizer) => value.GetValueKind() switch
    {
        JsonValueKind.True => localizer["Protocol.Pdf.Yes"],
        JsonValueKind.False => localizer["Protocol.Pdf.No"],
        JsonValueKind.Array => string.Join(", ", value.AsArray().Select(v => v is null ? "" : v is JsonObject o ? o.ToJsonString() : Plain(v))),
        _ => Plain(value),
    };

    public static string Plain(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}

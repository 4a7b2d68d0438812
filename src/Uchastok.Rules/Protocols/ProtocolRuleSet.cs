using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Uchastok.Rules.Protocols;

/// <summary>
/// The protocol rule set: the protocol types with their legal basis and checks, and the lists the
/// checks consult (immunities, offences, item kinds). It is data, one JSON file
/// (<c>protocol-rules.json</c>, embedded here and served to the browser), read by this loader and by
/// <c>wwwroot/js/protocol-rules.js</c> alike (ADR 0012). The loader refuses anything outside the
/// vocabulary of <see cref="ProtocolCheck"/>, so a rule only one interpreter understands never ships.
/// </summary>
public sealed partial class ProtocolRuleSet
{
    public const string ResourceName = "Uchastok.Rules.Protocols.protocol-rules.json";

    private static readonly Lazy<ProtocolRuleSet> DefaultSet = new(() => Load(DefaultJson()));

    private ProtocolRuleSet(int version, IReadOnlyDictionary<string, ProtocolType> types, IReadOnlyDictionary<string, ProtocolList> lists)
    {
        Version = version;
        Types = types;
        Lists = lists;
    }

    /// <summary>The rule set embedded in this assembly.</summary>
    public static ProtocolRuleSet Default => DefaultSet.Value;

    public int Version { get; }

    /// <summary>Protocol types by code, in the file's order.</summary>
    public IReadOnlyDictionary<string, ProtocolType> Types { get; }

    /// <summary>Named lists by name (<c>immunities</c>, <c>offences</c>, <c>itemKinds</c>).</summary>
    public IReadOnlyDictionary<string, ProtocolList> Lists { get; }

    /// <summary>The embedded file's text, as the web serves it to the browser.</summary>
    public static string DefaultJson()
    {
        using var stream = typeof(ProtocolRuleSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is not embedded in Uchastok.Rules.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The same rule set with one field of one list entry set: how the web merges what an administrator
    /// configured (an offence's article, with its source) into the rule set it evaluates and serves.
    /// </summary>
    public ProtocolRuleSet WithEntryField(string list, string code, string field, string value)
    {
        if (!Lists.TryGetValue(list, out var target)) throw new ArgumentException($"No list '{list}' in the rule set.", nameof(list));
        if (!target.Entries.Any(e => e.Code == code)) throw new ArgumentException($"No entry '{code}' in the list '{list}'.", nameof(code));
        var entries = target.Entries.Select(entry =>
        {
            if (entry.Code != code) return entry;
            var fields = JsonNode.Parse(entry.Fields.GetRawText())!.AsObject();
            fields[field] = value;
            return entry with { Fields = JsonSerializer.SerializeToElement(fields) };
        }).ToList();
        var lists = Lists.ToDictionary(pair => pair.Key, pair => pair.Key == list ? target with { Entries = entries } : pair.Value, StringComparer.Ordinal);
        return new ProtocolRuleSet(Version, Types, lists);
    }

    /// <summary>Every check and refusal code the rule set can give, for the texts each must have in every language.</summary>
    public IReadOnlySet<string> Codes(bool refusals)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Types.Values)
        {
            Collect(type.Checks, refusals, codes);
            if (!refusals) foreach (var role in type.Signers.Required) codes.Add(ProtocolSigners.Code(role));
            // A refusal recorded by a role the type does not require is refused (EvaluateSignatures).
            else foreach (var role in ProtocolSigners.Roles.Where(r => !type.Signers.Required.Contains(r, StringComparer.Ordinal))) codes.Add(ProtocolSigners.RefusalCode(role));
        }
        return codes;
    }

    private static void Collect(IEnumerable<ProtocolCheck> checks, bool refusals, SortedSet<string> codes)
    {
        foreach (var check in checks)
        {
            switch (check)
            {
                case RequiredCheck c when !refusals: codes.Add(c.Code); break;
                case MinCountCheck c when !refusals: codes.Add(c.Code); break;
                case AnyOfCheck c when !refusals: codes.Add(c.Code); break;
                case MatchesCheck c when !refusals: codes.Add(c.Code); break;
                case NotEqualCheck c when refusals: codes.Add(c.Code); break;
                case NotInCheck c when refusals: codes.Add(c.Code); break;
                case UniqueCheck c when refusals: codes.Add(c.Code); break;
                case RefuseWhenCheck c when refusals: codes.Add(c.Code); break;
                case WhenCheck c: Collect(c.Checks, refusals, codes); break;
                case EachCheck c: Collect(c.Checks, refusals, codes); break;
            }
        }
    }

    /// <summary>Reads and checks a rule set; a <see cref="ProtocolRuleSetException"/> names the first thing wrong and where.</summary>
    public static ProtocolRuleSet Load(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new ProtocolRuleSetException($"not JSON: {e.Message}"); }
        using (document)
        {
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, "the rule set");
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var versionNumber))
                throw new ProtocolRuleSetException("version: an integer is required");

            var lists = new Dictionary<string, ProtocolList>(StringComparer.Ordinal);
            if (root.TryGetProperty("lists", out var listsElement))
            {
                Expect(listsElement, JsonValueKind.Object, "lists");
                foreach (var list in listsElement.EnumerateObject()) lists.Add(list.Name, ReadList(list.Name, list.Value));
            }

            if (!root.TryGetProperty("types", out var typesElement) || typesElement.ValueKind != JsonValueKind.Array)
                throw new ProtocolRuleSetException("types: an array of protocol types is required");
            var typeCodes = typesElement.EnumerateArray()
                .Select(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "")
                .ToHashSet(StringComparer.Ordinal);
            var reader = new CheckReader(lists, typeCodes);
            var types = new Dictionary<string, ProtocolType>(StringComparer.Ordinal);
            var index = 0;
            foreach (var type in typesElement.EnumerateArray())
            {
                var at = $"types[{index++}]";
                Expect(type, JsonValueKind.Object, at);
                var code = Text(type, "code", at);
                if (!CodePattern().IsMatch(code)) throw new ProtocolRuleSetException($"{at}.code: '{code}' is not a lowercase code");
                if (types.ContainsKey(code)) throw new ProtocolRuleSetException($"{at}.code: '{code}' appears twice");
                var names = ReadNames(type, at);
                if (!type.TryGetProperty("checks", out var checks)) throw new ProtocolRuleSetException($"{at}.checks: required");
                types.Add(code, new ProtocolType(code, names, reader.Checks(checks, $"{at}.checks"), ReadSigners(type, at)));
            }
            if (types.Count == 0) throw new ProtocolRuleSetException("types: at least one protocol type is required");
            return new ProtocolRuleSet(versionNumber, types, lists);
        }
    }

    private static ProtocolList ReadList(string name, JsonElement list)
    {
        var at = $"lists.{name}";
        Expect(list, JsonValueKind.Object, at);
        if (!list.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            throw new ProtocolRuleSetException($"{at}.values: an array is required");
        var entries = new List<ProtocolListEntry>();
        var index = 0;
        foreach (var value in values.EnumerateArray())
        {
            var entryAt = $"{at}.values[{index++}]";
            Expect(value, JsonValueKind.Object, entryAt);
            var code = Text(value, "code", entryAt);
            if (entries.Any(e => e.Code == code)) throw new ProtocolRuleSetException($"{entryAt}.code: '{code}' appears twice");
            entries.Add(new ProtocolListEntry(code, value.Clone()));
        }
        return new ProtocolList(name, entries);
    }

    private static readonly string[] SignerProperties = ["required", "mayRefuse", "about", "sources"];

    /// <summary>
    /// Who signs a type: <c>required</c> roles must sign (or, for a role in <c>mayRefuse</c>, refuse with a reason);
    /// the drafter always signs and never refuses, and <c>mayRefuse</c> names only required roles. A type without
    /// <c>signers</c> needs the drafter alone.
    /// </summary>
    private static ProtocolSigners ReadSigners(JsonElement type, string at)
    {
        if (!type.TryGetProperty("signers", out var signers)) return ProtocolSigners.DrafterOnly;
        at += ".signers";
        Expect(signers, JsonValueKind.Object, at);
        foreach (var property in signers.EnumerateObject())
            if (!SignerProperties.Contains(property.Name, StringComparer.Ordinal)) throw new ProtocolRuleSetException($"{at}: unknown property '{property.Name}'");
        var required = Roles(signers, "required", at);
        var mayRefuse = signers.TryGetProperty("mayRefuse", out _) ? Roles(signers, "mayRefuse", at) : [];
        if (!required.Contains(ProtocolSigners.Drafter, StringComparer.Ordinal)) throw new ProtocolRuleSetException($"{at}.required: the drafter always signs");
        if (mayRefuse.Contains(ProtocolSigners.Drafter, StringComparer.Ordinal)) throw new ProtocolRuleSetException($"{at}.mayRefuse: the drafter may not refuse");
        // Only a signer the type requires may refuse instead of signing: a refusal by anyone else is refused by the interpreters,
        // so a mayRefuse entry outside required would say something no interpreter does (ADR 0012 §4). The same words as protocol-rules.js.
        foreach (var role in mayRefuse)
            if (!required.Contains(role, StringComparer.Ordinal)) throw new ProtocolRuleSetException($"{at}.mayRefuse: '{role}' is not required (only a signer who must sign may refuse)");
        return new ProtocolSigners(required, mayRefuse);
    }

    private static string[] Roles(JsonElement signers, string property, string at)
    {
        if (!signers.TryGetProperty(property, out var roles) || roles.ValueKind != JsonValueKind.Array)
            throw new ProtocolRuleSetException($"{at}.{property}: an array of roles is required");
        var result = new List<string>();
        foreach (var role in roles.EnumerateArray())
        {
            var name = role.ValueKind == JsonValueKind.String ? role.GetString()! : "";
            if (!ProtocolSigners.Roles.Contains(name, StringComparer.Ordinal))
                throw new ProtocolRuleSetException($"{at}.{property}: '{name}' is not a role ({string.Join(", ", ProtocolSigners.Roles)})");
            if (result.Contains(name, StringComparer.Ordinal)) throw new ProtocolRuleSetException($"{at}.{property}: '{name}' appears twice");
            result.Add(name);
        }
        return [.. result];
    }

    private static IReadOnlyDictionary<string, string> ReadNames(JsonElement type, string at)
    {
        if (!type.TryGetProperty("names", out var names) || names.ValueKind != JsonValueKind.Object)
            throw new ProtocolRuleSetException($"{at}.names: names in kk, ru and en are required");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in new[] { "kk", "ru", "en" }) result[language] = Text(names, language, $"{at}.names");
        return result;
    }

    internal static void Expect(JsonElement element, JsonValueKind kind, string at)
    {
        if (element.ValueKind != kind) throw new ProtocolRuleSetException($"{at}: {kind.ToString().ToLowerInvariant()} expected, found {element.ValueKind.ToString().ToLowerInvariant()}");
    }

    internal static string Text(JsonElement element, string property, string at)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw new ProtocolRuleSetException($"{at}.{property}: a non-empty string is required");
        return value.GetString()!;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    internal static partial Regex CodePattern();
}

/// <summary>A protocol type: its code, names in kk, ru and en, its checks in evaluation order and who signs it.</summary>
public sealed record ProtocolType(string Code, IReadOnlyDictionary<string, string> Names, IReadOnlyList<ProtocolCheck> Checks, ProtocolSigners Signers);

/// <summary>
/// Who signs a protocol type: every <see cref="Required"/> role signs, or — for a role in <see cref="MayRefuse"/> —
/// refuses with a reason; a missing one is <c>signature.&lt;role&gt;</c>. Evaluated by
/// <see cref="ProtocolChecks.EvaluateSignatures"/> and its JavaScript twin.
/// </summary>
public sealed record ProtocolSigners(IReadOnlyList<string> Required, IReadOnlyList<string> MayRefuse)
{
    public const string Drafter = "drafter";

    /// <summary>The signer roles, in the order a protocol's signatures are hashed and printed.</summary>
    public static readonly string[] Roles = [Drafter, "person", "witness1", "witness2", "owner", "representative"];

    public static readonly ProtocolSigners DrafterOnly = new([Drafter], []);

    /// <summary>The code of a missing signer: <c>signature.witness2</c>.</summary>
    public static string Code(string role) => "signature." + role;

    /// <summary>
    /// The code of a refusal to sign recorded by a role the type does not require (none may refuse but a required signer):
    /// <c>signature.person.refusal</c>. A code of its own, so no code is both missing and refused.
    /// </summary>
    public static string RefusalCode(string role) => Code(role) + ".refusal";
}

/// <summary>A named list of the rule set, its entries in the file's order.</summary>
public sealed record ProtocolList(string Name, IReadOnlyList<ProtocolListEntry> Entries);

/// <summary>An entry of a list: its code and all its fields (names, article, source…) as written.</summary>
public sealed record ProtocolListEntry(string Code, JsonElement Fields);

/// <summary>The rule set cannot be used; the message says where (<c>types[0].checks[3]</c>) and what.</summary>
public sealed class ProtocolRuleSetException(string message) : Exception("Protocol rule set: " + message);

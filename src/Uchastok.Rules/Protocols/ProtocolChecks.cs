using System.Text.Json;

namespace Uchastok.Rules.Protocols;

/// <summary>An element the protocol lacks: its code (<c>witness.contact</c>) and where (<c>witnesses[1]</c>; empty for the document itself).</summary>
public sealed record ProtocolFinding(string Code, string Path);

/// <summary>
/// Something the protocol holds that may not be there (a witness who is the drafter), or a protocol
/// that may not be drawn up at all (a diplomat's search); <see cref="Instead"/> names the protocol
/// type to draw up instead, when there is one.
/// </summary>
public sealed record ProtocolRefusal(string Code, string Path, string? Instead = null);

/// <summary>What the checks found; a protocol may be signed only when both lists are empty.</summary>
public sealed record ProtocolCheckResult(IReadOnlyList<ProtocolFinding> Missing, IReadOnlyList<ProtocolRefusal> Refused)
{
    public bool MaySign => Missing.Count == 0 && Refused.Count == 0;
}

/// <summary>
/// The C# interpreter of the protocol rule set. <c>wwwroot/js/protocol-rules.js</c> is the same
/// interpreter in JavaScript, line for line; the conformance vectors in <c>tests/protocol-vectors.json</c>
/// hold both to the same answers (ADR 0012). Checks run in the file's order and each finding is
/// reported once, in the order first found.
/// </summary>
public static class ProtocolChecks
{
    /// <summary>The refusal for a type code the rule set does not have.</summary>
    public const string UnknownType = "type.unknown";

    /// <summary>
    /// The refusal for a document that is JSON but holds what no protocol can: a string with half of a
    /// surrogate pair, or a number beyond the range of a double. Nothing else is checked then, so both
    /// interpreters answer alike instead of one failing and the other going on.
    /// </summary>
    public const string MalformedDocument = "document.malformed";

    public static ProtocolCheckResult Evaluate(ProtocolRuleSet ruleSet, string typeCode, JsonElement document)
    {
        var run = new Run(ruleSet, document);
        if (!WellFormed(document)) run.Refuse(MalformedDocument, "", null);
        else if (!ruleSet.Types.TryGetValue(typeCode, out var type)) run.Refuse(UnknownType, "", null);
        else run.Checks(type.Checks, document, "");
        return new ProtocolCheckResult(run.Missing, run.Refused);
    }

    /// <summary>
    /// Names every signer the type needs and the signatures given lack (<c>signature.&lt;role&gt;</c>, in the order
    /// of the type's <c>required</c>). <paramref name="signatures"/> is the array the hash covers: per role
    /// <c>{role, imageSha256}</c> (or <c>image</c>) when signed, <c>{role, refused: true, reason}</c> when refused.
    /// A signer counts when he signed, or refused with a reason and his role is in <c>mayRefuse</c>. A refusal recorded
    /// by a role the type does not require is refused (<c>signature.&lt;role&gt;.refusal</c>, in the order given).
    /// </summary>
    public static ProtocolCheckResult EvaluateSignatures(ProtocolRuleSet ruleSet, string typeCode, JsonElement signatures)
    {
        var run = new Run(ruleSet, signatures);
        if (!ruleSet.Types.TryGetValue(typeCode, out var type))
        {
            run.Refuse(UnknownType, "", null);
            return new ProtocolCheckResult(run.Missing, run.Refused);
        }
        var given = signatures.ValueKind == JsonValueKind.Array ? signatures.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ToList() : [];
        foreach (var role in type.Signers.Required)
        {
            var signature = given.FirstOrDefault(s => s.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() == role);
            if (!Counts(signature, type.Signers.MayRefuse.Contains(role, StringComparer.Ordinal))) run.Lack(ProtocolSigners.Code(role), "");
        }
        // A refusal by a role the type does not require is no signer's answer: it would be kept and printed on a
        // protocol whose type gives that role no refusal (mayRefuse names required roles only). A required role's
        // refusal outside mayRefuse is already named above, as a signer missing.
        foreach (var signature in given)
            if (signature.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String
                && signature.TryGetProperty("refused", out var refused) && refused.ValueKind == JsonValueKind.True
                && !type.Signers.Required.Contains(role.GetString()!, StringComparer.Ordinal))
                run.Refuse(ProtocolSigners.RefusalCode(role.GetString()!), "", null);
        return new ProtocolCheckResult(run.Missing, run.Refused);
    }

    private static bool Counts(JsonElement signature, bool mayRefuse)
    {
        if (signature.ValueKind != JsonValueKind.Object) return false;
        JsonElement? Property(string name) => signature.TryGetProperty(name, out var value) ? value : null;
        if (Property("refused") is { ValueKind: JsonValueKind.True }) return mayRefuse && IsPresent(Property("reason"));
        return IsPresent(Property("imageSha256")) || IsPresent(Property("image"));
    }

    /// <summary>Every string (names too) decodes to whole characters and every number is a finite double.</summary>
    private static bool WellFormed(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    if (!Decodes(property.Name) || !WellFormed(property.Value)) return false;
                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (!WellFormed(item)) return false;
                return true;
            case JsonValueKind.String:
                try
                {
                    return Decodes(element.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    // System.Text.Json will not decode an escaped half of a surrogate pair at all.
                    return false;
                }
            case JsonValueKind.Number:
                return element.TryGetDouble(out var number) && double.IsFinite(number);
            default:
                return true;
        }
    }

    private static bool Decodes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    private sealed class Run(ProtocolRuleSet ruleSet, JsonElement document)
    {
        public List<ProtocolFinding> Missing { get; } = [];
        public List<ProtocolRefusal> Refused { get; } = [];

        public void Lack(string code, string path)
        {
            var finding = new ProtocolFinding(code, path);
            if (!Missing.Contains(finding)) Missing.Add(finding);
        }

        public void Refuse(string code, string path, string? instead)
        {
            var refusal = new ProtocolRefusal(code, path, instead);
            if (!Refused.Contains(refusal)) Refused.Add(refusal);
        }

        public void Checks(IReadOnlyList<ProtocolCheck> checks, JsonElement current, string at)
        {
            foreach (var check in checks) Check(check, current, at);
        }

        private void Check(ProtocolCheck check, JsonElement current, string at)
        {
            switch (check)
            {
                case RequiredCheck c:
                    var value = Read(current, c.Path);
                    if (c.Value is { } expected ? !Same(value, expected) : !IsPresent(value)) Lack(c.Code, at);
                    break;
                case MinCountCheck c:
                    var array = Read(current, c.Path);
                    if ((array?.ValueKind == JsonValueKind.Array ? array.Value.GetArrayLength() : 0) < c.Min) Lack(c.Code, at);
                    break;
                case AnyOfCheck c:
                    if (!c.Conditions.Any(condition => Holds(condition, current))) Lack(c.Code, at);
                    break;
                case WhenCheck c:
                    if (Holds(c.Condition, current)) Checks(c.Checks, current, at);
                    break;
                case EachCheck c:
                    if (Read(current, c.Path) is { ValueKind: JsonValueKind.Array } elements)
                    {
                        var index = 0;
                        foreach (var element in elements.EnumerateArray())
                            Checks(c.Checks, element, ElementPath(at, c.Path, index++));
                    }
                    break;
                case NotEqualCheck c:
                    var left = Read(current, c.Path);
                    var right = Read(current, c.Other);
                    if (IsPresent(left) && IsPresent(right) && Same(left, right!.Value)) Refuse(c.Code, at, null);
                    break;
                case NotInCheck c:
                    var candidate = Read(current, c.Path);
                    if (IsPresent(candidate) && Read(current, c.List) is { ValueKind: JsonValueKind.Array } list
                        && list.EnumerateArray().Any(item => Same(candidate, item)))
                        Refuse(c.Code, at, null);
                    break;
                case UniqueCheck c:
                    if (Read(current, c.Path) is { ValueKind: JsonValueKind.Array } rows)
                    {
                        var seen = new List<JsonElement>();
                        var index = 0;
                        foreach (var row in rows.EnumerateArray())
                        {
                            var key = Read(row, c.Key);
                            if (IsPresent(key))
                            {
                                if (seen.Any(earlier => Same(key, earlier))) Refuse(c.Code, ElementPath(at, c.Path, index), null);
                                seen.Add(key!.Value);
                            }
                            index++;
                        }
                    }
                    break;
                case RefuseWhenCheck c:
                    if (Holds(c.Condition, current)) Refuse(c.Code, at, c.Instead);
                    break;
                case MatchesCheck c:
                    var text = Read(current, c.Path);
                    if (IsPresent(text) && (text!.Value.ValueKind != JsonValueKind.String || !c.IsMatch(text.Value.GetString()!))) Lack(c.Code, at);
                    break;
                default:
                    throw new InvalidOperationException($"No interpreter for {check.GetType().Name}.");
            }
        }

        private static string ElementPath(string at, string path, int index) => $"{(at.Length == 0 ? "" : at + ".")}{path}[{index}]";

        private bool Holds(ProtocolCondition condition, JsonElement current) => condition switch
        {
            PresentCondition c => IsPresent(Read(current, c.Path)),
            EqualsCondition c => Same(Read(current, c.Path), c.Value),
            InCondition c => Read(current, c.Path) is { ValueKind: JsonValueKind.String } code
                && ruleSet.Lists[c.List].Entries.Any(entry => entry.Code == code.GetString()
                    && (c.Where is null || IsPresent(entry.Fields.TryGetProperty(c.Where, out var field) ? field : null))),
            NotCondition c => !Holds(c.Inner, current),
            _ => throw new InvalidOperationException($"No interpreter for {condition.GetType().Name}."),
        };

        private JsonElement? Read(JsonElement current, string path)
        {
            var from = path.StartsWith("$.", StringComparison.Ordinal) ? document : current;
            foreach (var name in (path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path).Split('.'))
            {
                if (from.ValueKind != JsonValueKind.Object || !from.TryGetProperty(name, out var next)) return null;
                from = next;
            }
            return from;
        }
    }

    /// <summary>
    /// Whether a value counts as given (see <see cref="PresentCondition"/>). Blank is judged by one
    /// explicit set of white-space characters, the same in the JavaScript interpreter, rather than by
    /// each platform's own idea of white space.
    /// </summary>
    public static bool IsPresent(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => !IsBlank(value.Value.GetString()!),
        JsonValueKind.Array => value.Value.GetArrayLength() > 0,
        JsonValueKind.Object => value.Value.EnumerateObject().Any(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => true,
        _ => false,
    };

    /// <summary>The white space a blank string may hold: ASCII's, and the Unicode spaces a phone keyboard or a paste can bring.</summary>
    public const string BlankCharacters = "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    private static bool IsBlank(string text) => text.All(c => BlankCharacters.Contains(c, StringComparison.Ordinal));

    private static bool Same(JsonElement? value, JsonElement expected)
    {
        var kind = value?.ValueKind ?? JsonValueKind.Null;
        if (kind is JsonValueKind.Undefined) kind = JsonValueKind.Null;
        if (kind != expected.ValueKind) return false;
        return kind switch
        {
            JsonValueKind.String => string.Equals(value!.Value.GetString(), expected.GetString(), StringComparison.Ordinal),
            JsonValueKind.Number => value!.Value.GetDouble().Equals(expected.GetDouble()),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        };
    }
}

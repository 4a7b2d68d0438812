using System.Text.Json;
using System.Text.RegularExpressions;

namespace Uchastok.Rules.Protocols;

/// <summary>
/// Reads the checks and conditions of a rule set, refusing every kind, property and reference the
/// interpreters do not know: a misspelt property would otherwise be ignored by both and the check
/// would pass silently.
/// </summary>
internal sealed partial class CheckReader(IReadOnlyDictionary<string, ProtocolList> lists, IReadOnlySet<string> typeCodes)
{
    /// <summary>The check kinds, each with the properties it may have.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> CheckProperties = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["required"] = ["check", "path", "code", "value"],
        ["minCount"] = ["check", "path", "min", "code"],
        ["anyOf"] = ["check", "code", "conditions"],
        ["when"] = ["check", "when", "checks"],
        ["each"] = ["check", "path", "checks"],
        ["notEqual"] = ["check", "path", "other", "code"],
        ["notIn"] = ["check", "path", "list", "code"],
        ["unique"] = ["check", "path", "key", "code"],
        ["refuseWhen"] = ["check", "code", "when", "instead"],
        ["matches"] = ["check", "path", "pattern", "code"],
    };

    /// <summary>The condition kinds (the one property that names the kind), each with the properties it may have.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ConditionProperties = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["present"] = ["present"],
        ["equals"] = ["equals", "value"],
        ["in"] = ["in", "list", "where"],
        ["not"] = ["not"],
    };

    public IReadOnlyList<ProtocolCheck> Checks(JsonElement checks, string at)
    {
        ProtocolRuleSet.Expect(checks, JsonValueKind.Array, at);
        var result = new List<ProtocolCheck>();
        var index = 0;
        foreach (var check in checks.EnumerateArray()) result.Add(Check(check, $"{at}[{index++}]"));
        return result;
    }

    private ProtocolCheck Check(JsonElement check, string at)
    {
        ProtocolRuleSet.Expect(check, JsonValueKind.Object, at);
        var kind = ProtocolRuleSet.Text(check, "check", at);
        if (!CheckProperties.TryGetValue(kind, out var allowed))
            throw new ProtocolRuleSetException($"{at}: unknown check kind '{kind}'; the interpreters know {string.Join(", ", CheckProperties.Keys)}");
        OnlyProperties(check, allowed, $"{at} ({kind})");
        return kind switch
        {
            "required" => new RequiredCheck(Path(check, "path", at), Code(check, at), check.TryGetProperty("value", out var value) ? Scalar(value, $"{at}.value") : null),
            "minCount" => new MinCountCheck(Path(check, "path", at), Minimum(check, at), Code(check, at)),
            "anyOf" => new AnyOfCheck(Code(check, at), Conditions(check, at)),
            "when" => new WhenCheck(Condition(Property(check, "when", at), $"{at}.when"), Checks(Property(check, "checks", at), $"{at}.checks")),
            "each" => new EachCheck(Path(check, "path", at), Checks(Property(check, "checks", at), $"{at}.checks")),
            "notEqual" => new NotEqualCheck(Path(check, "path", at), Path(check, "other", at), Code(check, at)),
            "notIn" => new NotInCheck(Path(check, "path", at), Path(check, "list", at), Code(check, at)),
            "unique" => new UniqueCheck(Path(check, "path", at), Path(check, "key", at), Code(check, at)),
            "matches" => new MatchesCheck(Path(check, "path", at), Pattern(check, at), Code(check, at)),
            _ => new RefuseWhenCheck(Code(check, at), Condition(Property(check, "when", at), $"{at}.when"), Instead(check, at)),
        };
    }

    private IReadOnlyList<ProtocolCondition> Conditions(JsonElement check, string at)
    {
        var conditions = Property(check, "conditions", at);
        ProtocolRuleSet.Expect(conditions, JsonValueKind.Array, $"{at}.conditions");
        var result = conditions.EnumerateArray().Select((c, i) => Condition(c, $"{at}.conditions[{i}]")).ToList();
        if (result.Count == 0) throw new ProtocolRuleSetException($"{at}.conditions: at least one condition is required");
        return result;
    }

    private ProtocolCondition Condition(JsonElement condition, string at)
    {
        ProtocolRuleSet.Expect(condition, JsonValueKind.Object, at);
        var kinds = condition.EnumerateObject().Select(p => p.Name).Where(ConditionProperties.ContainsKey).ToList();
        if (kinds.Count != 1)
            throw new ProtocolRuleSetException($"{at}: a condition has exactly one of {string.Join(", ", ConditionProperties.Keys)}; found {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))}");
        var kind = kinds[0];
        OnlyProperties(condition, ConditionProperties[kind], $"{at} ({kind})");
        switch (kind)
        {
            case "present": return new PresentCondition(Path(condition, "present", at));
            case "equals": return new EqualsCondition(Path(condition, "equals", at), Scalar(Property(condition, "value", at), $"{at}.value"));
            case "not": return new NotCondition(Condition(condition.GetProperty("not"), $"{at}.not"));
            default:
                var list = ProtocolRuleSet.Text(condition, "list", at);
                if (!lists.ContainsKey(list)) throw new ProtocolRuleSetException($"{at}.list: no list '{list}' in the rule set");
                string? where = condition.TryGetProperty("where", out _) ? ProtocolRuleSet.Text(condition, "where", at) : null;
                return new InCondition(Path(condition, "in", at), list, where);
        }
    }

    private string? Instead(JsonElement check, string at)
    {
        if (!check.TryGetProperty("instead", out _)) return null;
        var instead = ProtocolRuleSet.Text(check, "instead", at);
        if (!typeCodes.Contains(instead)) throw new ProtocolRuleSetException($"{at}.instead: no protocol type '{instead}' in the rule set");
        return instead;
    }

    /// <summary>
    /// A pattern both platforms read alike: anchored at both ends, made only of literal letters, digits and hyphens
    /// and of bracketed classes of them (ranges allowed), each optionally counted (<c>{64}</c>, <c>{1,3}</c>,
    /// <c>+</c>, <c>*</c>, <c>?</c>). No escapes, groups, alternation or look-arounds, where .NET and ECMAScript part.
    /// </summary>
    private static string Pattern(JsonElement check, string at)
    {
        var pattern = ProtocolRuleSet.Text(check, "pattern", at);
        if (!PatternGrammar().IsMatch(pattern))
            throw new ProtocolRuleSetException($"{at}.pattern: '{pattern}' is outside the pattern language (^…$ of letters, digits, hyphens and [classes] of them, counted with {{n}}, {{n,m}}, +, * or ?)");
        // Within the grammar, a reversed range ([z-a]), a reversed count ({3,1}) or a count too large to read is refused
        // here, as a rule-set error, not later as the regex engine's (ECMAScript would throw at every evaluation).
        foreach (Match count in Counts().Matches(pattern))
        {
            if (count.Groups["n"].Value.Length > 4 || count.Groups["m"].Value.Length > 4
                || (count.Groups["m"].Success && int.Parse(count.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(count.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                throw new ProtocolRuleSetException($"{at}.pattern: the count '{count.Value}' is reversed or longer than four digits");
        }
        foreach (Match range in Ranges().Matches(pattern))
        {
            if (range.Groups["from"].Value[0] > range.Groups["to"].Value[0])
                throw new ProtocolRuleSetException($"{at}.pattern: the range '{range.Value}' is reversed");
        }
        return pattern;
    }

    private static int Minimum(JsonElement check, string at)
    {
        var min = Property(check, "min", at);
        if (!min.TryGetInt32(out var value) || value < 1) throw new ProtocolRuleSetException($"{at}.min: a whole number of at least 1 is required");
        return value;
    }

    private static string Code(JsonElement check, string at)
    {
        var code = ProtocolRuleSet.Text(check, "code", at);
        if (!CodePattern().IsMatch(code)) throw new ProtocolRuleSetException($"{at}.code: '{code}' is not a code (letters, digits and dots, starting with a lowercase letter)");
        return code;
    }

    private static string Path(JsonElement element, string property, string at)
    {
        var path = ProtocolRuleSet.Text(element, property, at);
        if (!PathPattern().IsMatch(path)) throw new ProtocolRuleSetException($"{at}.{property}: '{path}' is not a path (property names joined by dots, '$.' for the document's root)");
        return path;
    }

    private static JsonElement Scalar(JsonElement value, string at)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) throw new ProtocolRuleSetException($"{at}: a string, number, boolean or null is required");
        return value.Clone();
    }

    private static JsonElement Property(JsonElement element, string property, string at) =>
        element.TryGetProperty(property, out var value) ? value : throw new ProtocolRuleSetException($"{at}.{property}: required");

    private static void OnlyProperties(JsonElement element, string[] allowed, string at)
    {
        foreach (var property in element.EnumerateObject())
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                throw new ProtocolRuleSetException($"{at}: unknown property '{property.Name}'; allowed: {string.Join(", ", allowed)}");
    }

    // Ends with \z, not $: .NET's $ also matches before a final line feed, which would let "…$\n" through.
    [GeneratedRegex("^\\^(([A-Za-z0-9-]|\\[[A-Za-z0-9-]+\\])(\\{[0-9]+(,[0-9]+)?\\}|[+*?])?)+\\$\\z")]
    private static partial Regex PatternGrammar();

    [GeneratedRegex("\\{(?<n>[0-9]+)(,(?<m>[0-9]+))?\\}")]
    private static partial Regex Counts();

    // A range inside a bracketed class (a hyphen elsewhere is the letter itself).
    [GeneratedRegex("(?<=\\[[A-Za-z0-9-]*)(?<from>[A-Za-z0-9])-(?<to>[A-Za-z0-9])(?=[A-Za-z0-9-]*\\])")]
    private static partial Regex Ranges();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^(\\$\\.)?[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$")]
    private static partial Regex PathPattern();
}

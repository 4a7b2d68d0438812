using System.Text.Json;

namespace Uchastok.Rules.Protocols;

/// <summary>
/// One check of a protocol type's rule set (ADR 0012). The vocabulary is closed: these ten kinds
/// and the four conditions below are all the C# and the JavaScript interpreters understand, so a rule
/// set that needs another is refused at load rather than half-evaluated in one of them.
/// A path is property names joined by dots, read from the current element (the document, or the
/// array element an <see cref="EachCheck"/> visits); a path that starts with <c>$.</c> is read from the document.
/// </summary>
public abstract record ProtocolCheck;

/// <summary>The path holds a value that is present (see <see cref="PresentCondition"/>), or exactly <paramref name="Value"/> when one is given. Otherwise <paramref name="Code"/> is missing.</summary>
public sealed record RequiredCheck(string Path, string Code, JsonElement? Value) : ProtocolCheck;

/// <summary>The path holds an array of at least <paramref name="Min"/> elements. Otherwise <paramref name="Code"/> is missing.</summary>
public sealed record MinCountCheck(string Path, int Min, string Code) : ProtocolCheck;

/// <summary>At least one of the conditions holds. Otherwise <paramref name="Code"/> is missing.</summary>
public sealed record AnyOfCheck(string Code, IReadOnlyList<ProtocolCondition> Conditions) : ProtocolCheck;

/// <summary>The checks run only when the condition holds.</summary>
public sealed record WhenCheck(ProtocolCondition Condition, IReadOnlyList<ProtocolCheck> Checks) : ProtocolCheck;

/// <summary>The checks run for every element of the array at the path; their findings carry the element's path, <c>witnesses[1]</c>.</summary>
public sealed record EachCheck(string Path, IReadOnlyList<ProtocolCheck> Checks) : ProtocolCheck;

/// <summary>Refused (<paramref name="Code"/>) when the path and <paramref name="Other"/> both hold a value and the two are equal.</summary>
public sealed record NotEqualCheck(string Path, string Other, string Code) : ProtocolCheck;

/// <summary>Refused (<paramref name="Code"/>) when the path holds a value found in the array at <paramref name="List"/>.</summary>
public sealed record NotInCheck(string Path, string List, string Code) : ProtocolCheck;

/// <summary>
/// Refused (<paramref name="Code"/>) at every element of the array at the path whose <paramref name="Key"/>
/// holds a value an earlier element's already holds: one person entered twice is not two witnesses.
/// </summary>
public sealed record UniqueCheck(string Path, string Key, string Code) : ProtocolCheck;

/// <summary>Refused (<paramref name="Code"/>) when the condition holds; <paramref name="Instead"/> names the protocol type to draw up instead, if any.</summary>
public sealed record RefuseWhenCheck(string Code, ProtocolCondition Condition, string? Instead) : ProtocolCheck;

/// <summary>
/// When the path holds a value, it is a string matching <paramref name="Pattern"/> (a small, anchored language both
/// interpreters read alike: see the reader). Otherwise <paramref name="Code"/> is missing; an absent value is
/// <see cref="RequiredCheck"/>'s business.
/// </summary>
public sealed record MatchesCheck(string Path, string Pattern, string Code) : ProtocolCheck
{
    // .NET's '$' also matches before a final line feed and ECMAScript's does not: the end is '\z' here, so "…\n" fails in both.
    private readonly System.Text.RegularExpressions.Regex _regex = new(Pattern[..^1] + "\\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public bool IsMatch(string text) => _regex.IsMatch(text);
}

/// <summary>A condition that guards checks (<see cref="WhenCheck"/>), satisfies one (<see cref="AnyOfCheck"/>) or refuses (<see cref="RefuseWhenCheck"/>).</summary>
public abstract record ProtocolCondition;

/// <summary>
/// The path holds a value: a string with something besides white space, a non-empty array, an
/// object with at least one property, a number or a boolean (<c>false</c> included). Null and a
/// missing property are not values.
/// </summary>
public sealed record PresentCondition(string Path) : ProtocolCondition;

/// <summary>The path holds exactly this string, number, boolean or null.</summary>
public sealed record EqualsCondition(string Path, JsonElement Value) : ProtocolCondition;

/// <summary>
/// The path holds the code of an entry of the rule set's list <paramref name="List"/>; with
/// <paramref name="Where"/>, only entries whose field of that name is present count.
/// </summary>
public sealed record InCondition(string Path, string List, string? Where) : ProtocolCondition;

/// <summary>The inner condition does not hold.</summary>
public sealed record NotCondition(ProtocolCondition Inner) : ProtocolCondition;

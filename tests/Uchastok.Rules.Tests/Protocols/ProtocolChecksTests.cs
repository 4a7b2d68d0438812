using System.Text.Json;
using Uchastok.Rules.Protocols;

namespace Uchastok.Rules.Tests.Protocols;

/// <summary>The interpreter's vocabulary one kind at a time, over small rule sets made here.</summary>
public sealed class ProtocolChecksTests
{
    private static ProtocolCheckResult Evaluate(string checks, string document, string lists = "{}") =>
        ProtocolChecks.Evaluate(
            ProtocolRuleSet.Load($$"""{ "version": 1, "lists": {{lists}}, "types": [ { "code": "t", "names": { "kk": "т", "ru": "т", "en": "t" }, "checks": {{checks}} } ] }"""),
            "t", JsonDocument.Parse(document).RootElement);

    private static string[] Missing(ProtocolCheckResult result) => result.Missing.Select(f => $"{f.Code}@{f.Path}").ToArray();

    private static string[] Refused(ProtocolCheckResult result) => result.Refused.Select(f => $"{f.Code}@{f.Path}").ToArray();

    [Theory]
    [InlineData("""{ "a": "x" }""", true)]
    [InlineData("""{ "a": 0 }""", true)]
    [InlineData("""{ "a": false }""", true)]
    [InlineData("""{ "a": [ 1 ] }""", true)]
    [InlineData("""{ "a": { "b": null } }""", true)]
    [InlineData("""{ "a": "\u00a0\u3000\t" }""", false)]
    [InlineData("""{ "a": "" }""", false)]
    [InlineData("""{ "a": null }""", false)]
    [InlineData("""{ "a": [] }""", false)]
    [InlineData("""{ "a": {} }""", false)]
    [InlineData("""{ }""", false)]
    public void Required_JudgesPresence(string document, bool present)
    {
        var result = Evaluate("""[ { "check": "required", "path": "a", "code": "a" } ]""", document);

        Assert.Equal(present, result.MaySign);
    }

    [Fact]
    public void Required_WithValue_WantsExactlyThatValue()
    {
        const string checks = """[ { "check": "required", "path": "o.present", "value": true, "code": "o.present" } ]""";

        Assert.True(Evaluate(checks, """{ "o": { "present": true } }""").MaySign);
        Assert.Equal(["o.present@"], Missing(Evaluate(checks, """{ "o": { "present": "true" } }""")));
        Assert.Equal(["o.present@"], Missing(Evaluate(checks, """{ "o": true }""")));
    }

    [Fact]
    public void Each_ReportsTheElementsPath_AndNestedArraysExtendIt()
    {
        const string checks = """
            [ { "check": "each", "path": "items", "checks": [
                { "check": "required", "path": "type", "code": "item.type" },
                { "check": "each", "path": "parts", "checks": [ { "check": "required", "path": "name", "code": "part.name" } ] } ] } ]
            """;

        var result = Evaluate(checks, """{ "items": [ { "type": "a" }, { "parts": [ { "name": "p" }, {} ] } ] }""");

        Assert.Equal(["item.type@items[1]", "part.name@items[1].parts[1]"], Missing(result));
    }

    [Fact]
    public void NotEqual_ComparesWithTheDocumentRoot_OnlyWhenBothAreGiven()
    {
        const string checks = """[ { "check": "each", "path": "w", "checks": [ { "check": "notEqual", "path": "iin", "other": "$.drafter.iin", "code": "witness.drafter" } ] } ]""";

        Assert.Equal(["witness.drafter@w[1]"], Refused(Evaluate(checks, """{ "drafter": { "iin": "1" }, "w": [ { "iin": "2" }, { "iin": "1" }, {} ] }""")));
        Assert.True(Evaluate(checks, """{ "w": [ { "iin": "1" } ] }""").MaySign);
        Assert.True(Evaluate(checks, """{ "drafter": { "iin": "" }, "w": [ { "iin": "" } ] }""").MaySign);
    }

    [Fact]
    public void NotIn_RefusesAValueFoundInTheDocumentsList()
    {
        const string checks = """[ { "check": "each", "path": "w", "checks": [ { "check": "notIn", "path": "iin", "list": "$.volunteers", "code": "witness.volunteer" } ] } ]""";

        Assert.Equal(["witness.volunteer@w[0]"], Refused(Evaluate(checks, """{ "volunteers": [ "7", "9" ], "w": [ { "iin": "9" }, { "iin": "8" } ] }""")));
        Assert.True(Evaluate(checks, """{ "w": [ { "iin": "9" } ] }""").MaySign);
    }

    [Fact]
    public void Unique_RefusesEveryLaterElementRepeatingAGivenKey()
    {
        const string checks = """[ { "check": "unique", "path": "w", "key": "iin", "code": "witness.repeated" } ]""";

        var result = Evaluate(checks, """{ "w": [ { "iin": "1" }, {}, { "iin": "2" }, { "iin": "1" }, {}, { "iin": "1" } ] }""");

        Assert.Equal(["witness.repeated@w[3]", "witness.repeated@w[5]"], Refused(result));
    }

    [Fact]
    public void In_WithWhere_CountsOnlyEntriesWhoseFieldIsGiven()
    {
        const string lists = """{ "offences": { "values": [ { "code": "a", "article": "" }, { "code": "b", "article": "art. 1" } ] } }""";
        const string checks = """[ { "check": "refuseWhen", "code": "offence.unconfigured", "when": { "not": { "in": "o", "list": "offences", "where": "article" } } } ]""";

        Assert.Equal(["offence.unconfigured@"], Refused(Evaluate(checks, """{ "o": "a" }""", lists)));
        Assert.True(Evaluate(checks, """{ "o": "b" }""", lists).MaySign);
        Assert.Equal(["offence.unconfigured@"], Refused(Evaluate(checks, """{ "o": 1 }""", lists)));
    }

    [Fact]
    public void RefuseWhen_CarriesTheTypeToDrawUpInstead()
    {
        var result = ProtocolChecks.Evaluate(
            ProtocolRuleSet.Load("""
                { "version": 1, "types": [
                  { "code": "a", "names": { "kk": "a", "ru": "a", "en": "a" }, "checks": [ { "check": "refuseWhen", "code": "immune", "when": { "equals": "p", "value": "judge" }, "instead": "b" } ] },
                  { "code": "b", "names": { "kk": "b", "ru": "b", "en": "b" }, "checks": [] } ] }
                """),
            "a", JsonDocument.Parse("""{ "p": "judge" }""").RootElement);

        Assert.Equal([new ProtocolRefusal("immune", "", "b")], result.Refused);
    }

    [Fact]
    public void Findings_AreReportedOnceInTheOrderFirstFound()
    {
        const string checks = """
            [ { "check": "required", "path": "b", "code": "b" }, { "check": "required", "path": "a", "code": "a" },
              { "check": "anyOf", "code": "b", "conditions": [ { "present": "b" } ] } ]
            """;

        Assert.Equal(["b@", "a@"], Missing(Evaluate(checks, "{}")));
    }

    [Fact]
    public void Evaluate_UnknownType_IsRefused()
    {
        var result = ProtocolChecks.Evaluate(ProtocolRuleSet.Default, "car-search", JsonDocument.Parse("{}").RootElement);

        Assert.Equal([new ProtocolRefusal(ProtocolChecks.UnknownType, "")], result.Refused);
        Assert.False(result.MaySign);
    }

    [Fact]
    public void Canonical_RepeatedProperty_IsRefused()
    {
        var document = JsonDocument.Parse("""{ "a": 1, "a": 2 }""").RootElement;

        var error = Assert.Throws<NotCanonicalException>(() => ProtocolCanonical.Json(document));
        Assert.Contains("'a' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_SameContentInAnotherOrder_HasTheSameDigest()
    {
        var one = JsonDocument.Parse("""{ "witnesses": [ { "surname": "Әлиев", "name": "Нұр" } ], "place": "Алматы" }""").RootElement;
        var other = JsonDocument.Parse("""{"place":"\u0410\u043b\u043c\u0430\u0442\u044b","witnesses":[{"name":"Нұр","surname":"Әлиев"}]}""").RootElement;

        Assert.Equal(ProtocolCanonical.Sha256Hex(one), ProtocolCanonical.Sha256Hex(other));
        Assert.Matches("^[0-9a-f]{64}$", ProtocolCanonical.Sha256Hex(one));
    }
}

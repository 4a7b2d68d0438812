using System.Text.Json;
using System.Text.RegularExpressions;
using Uchastok.Rules.Protocols;
using Uchastok.Rules.Tests.Support;

namespace Uchastok.Rules.Tests.Protocols;

public sealed partial class ProtocolRuleSetTests
{
    private static string RuleSet(string checks, string lists = """{ "offences": { "values": [ { "code": "smoking-ban", "article": "" } ] } }""") => $$"""
        { "version": 1, "lists": {{lists}},
          "types": [ { "code": "t", "names": { "kk": "т", "ru": "т", "en": "t" }, "checks": {{checks}} } ] }
        """;

    [Fact]
    public void Default_LoadsTheFourProtocolTypesWithNamesInThreeLanguages()
    {
        var ruleSet = ProtocolRuleSet.Default;

        Assert.Equal(["personal-search", "admin-offence", "delivery", "immunity-report"], ruleSet.Types.Keys);
        Assert.All(ruleSet.Types.Values, t => Assert.Equal(["kk", "ru", "en"], t.Names.Keys));
        Assert.Equal(["immunities", "offences", "identityCheckMethods", "attachmentKinds", "itemKinds"], ruleSet.Lists.Keys);
    }

    [Fact]
    public void Default_TheFourOffencesOfTheDocument_HaveNoArticleUntilAnAdministratorSetsOne()
    {
        var offences = ProtocolRuleSet.Default.Lists["offences"].Entries;

        Assert.Equal(["minors-in-venue-at-night", "smoking-ban", "administrative-supervision", "obstructing-traffic"], offences.Select(o => o.Code));
        Assert.All(offences, o => Assert.Equal("", o.Fields.GetProperty("article").GetString()));
        Assert.All(offences, o => Assert.Equal(["kk", "ru", "en"], o.Fields.GetProperty("names").EnumerateObject().Select(n => n.Name)));
    }

    [Fact]
    public void Load_UnknownCheckKind_IsRefusedNamingTheKindAndWhereItIs()
    {
        var error = Assert.Throws<ProtocolRuleSetException>(() => ProtocolRuleSet.Load(RuleSet("""[ { "check": "required", "path": "a", "code": "a" }, { "check": "regex", "path": "a", "code": "a" } ]""")));

        Assert.Contains("types[0].checks[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown check kind 'regex'", error.Message, StringComparison.Ordinal);
        Assert.Contains("required, minCount, anyOf, when, each, notEqual, notIn, unique, refuseWhen", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[ { "check": "required", "path": "a", "cod": "a" } ]""", "types[0].checks[0] (required): unknown property 'cod'")]
    [InlineData("""[ { "check": "required", "path": "a" } ]""", "types[0].checks[0].code: a non-empty string is required")]
    [InlineData("""[ { "check": "required", "path": "a b", "code": "a" } ]""", "types[0].checks[0].path: 'a b' is not a path")]
    [InlineData("""[ { "check": "required", "path": "a", "code": "a", "value": [ true ] } ]""", "types[0].checks[0].value: a string, number, boolean or null is required")]
    [InlineData("""[ { "check": "minCount", "path": "a", "min": 0, "code": "a" } ]""", "types[0].checks[0].min: a whole number of at least 1")]
    [InlineData("""[ { "check": "matches", "path": "a", "pattern": "[0-9]+", "code": "a" } ]""", "types[0].checks[0].pattern: '[0-9]+' is outside the pattern language")]
    [InlineData("""[ { "check": "matches", "path": "a", "pattern": "^(ab|cd)$", "code": "a" } ]""", "types[0].checks[0].pattern: '^(ab|cd)$' is outside the pattern language")]
    [InlineData("""[ { "check": "matches", "path": "a", "pattern": "^\\d{3}$", "code": "a" } ]""", "is outside the pattern language")]
    [InlineData("""[ { "check": "matches", "path": "a", "pattern": "^[0-9a-f]{64}$\n", "code": "a" } ]""", "is outside the pattern language")]
    [InlineData("""[ { "check": "matches", "path": "a", "pattern": "^[z-a]+$", "code": "a" } ]""", "types[0].checks[0].pattern: the range 'z-a' is reversed")]
    [InlineData("""[ { "check": "matches", "path": "a", "pattern": "^[0-9]{3,1}$", "code": "a" } ]""", "types[0].checks[0].pattern: the count '{3,1}' is reversed")]
    [InlineData("""[ { "check": "matches", "path": "a", "pattern": "^[0-9]{99999999999}$", "code": "a" } ]""", "is reversed or longer than four digits")]
    [InlineData("""[ { "check": "anyOf", "code": "a", "conditions": [] } ]""", "types[0].checks[0].conditions: at least one condition")]
    [InlineData("""[ { "check": "when", "when": { "present": "a", "equals": "b", "value": 1 }, "checks": [] } ]""", "types[0].checks[0].when: a condition has exactly one of present, equals, in, not; found present, equals")]
    [InlineData("""[ { "check": "when", "when": { "matches": "a" }, "checks": [] } ]""", "types[0].checks[0].when: a condition has exactly one of present, equals, in, not; found none")]
    [InlineData("""[ { "check": "refuseWhen", "code": "a", "when": { "in": "a", "list": "judges" } } ]""", "types[0].checks[0].when.list: no list 'judges'")]
    [InlineData("""[ { "check": "refuseWhen", "code": "a", "when": { "present": "a" }, "instead": "report" } ]""", "types[0].checks[0].instead: no protocol type 'report'")]
    [InlineData("""[ { "check": "each", "path": "w", "checks": [ { "check": "notIn", "path": "iin", "code": "w" } ] } ]""", "types[0].checks[0].checks[0].list: a non-empty string is required")]
    public void Load_CheckOutsideTheVocabulary_IsRefusedWithItsPlace(string checks, string message)
    {
        var error = Assert.Throws<ProtocolRuleSetException>(() => ProtocolRuleSet.Load(RuleSet(checks)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{ "types": [] }""", "version: an integer is required")]
    [InlineData("""{ "version": 1, "types": [] }""", "types: at least one protocol type")]
    [InlineData("""{ "version": 1, "types": [ { "code": "Search", "names": { "kk": "a", "ru": "a", "en": "a" }, "checks": [] } ] }""", "types[0].code: 'Search' is not a lowercase code")]
    [InlineData("""{ "version": 1, "types": [ { "code": "a", "names": { "kk": "a", "ru": "a" }, "checks": [] } ] }""", "types[0].names.en: a non-empty string is required")]
    [InlineData("""{ "version": 1, "lists": { "x": { "values": [ { "code": "a" }, { "code": "a" } ] } }, "types": [] }""", "lists.x.values[1].code: 'a' appears twice")]
    [InlineData("""{ "version": 1, "types": [ { "code": "a", "names": { "kk": "a", "ru": "a", "en": "a" }, "signers": { "required": [ "person" ] }, "checks": [] } ] }""", "types[0].signers.required: the drafter always signs")]
    [InlineData("""{ "version": 1, "types": [ { "code": "a", "names": { "kk": "a", "ru": "a", "en": "a" }, "signers": { "required": [ "drafter" ], "mayRefuse": [ "drafter" ] }, "checks": [] } ] }""", "types[0].signers.mayRefuse: the drafter may not refuse")]
    [InlineData("""{ "version": 1, "types": [ { "code": "a", "names": { "kk": "a", "ru": "a", "en": "a" }, "signers": { "required": [ "drafter", "witness3" ] }, "checks": [] } ] }""", "types[0].signers.required: 'witness3' is not a role")]
    [InlineData("""{ "version": 1, "types": [ { "code": "a", "names": { "kk": "a", "ru": "a", "en": "a" }, "signers": { "required": [ "drafter" ], "mayRefuse": [ "person" ] }, "checks": [] } ] }""", "types[0].signers.mayRefuse: 'person' is not required")]
    [InlineData("""{ "version": 1, "types": [ { "code": "a", "names": { "kk": "a", "ru": "a", "en": "a" }, "signers": { "required": [ "drafter", "drafter" ] }, "checks": [] } ] }""", "types[0].signers.required: 'drafter' appears twice")]
    [InlineData("""{ "version": 1, "types": [ { "code": "a", "names": { "kk": "a", "ru": "a", "en": "a" }, "signers": { "required": [ "drafter" ], "optional": [] }, "checks": [] } ] }""", "types[0].signers: unknown property 'optional'")]
    public void Load_MalformedRuleSet_IsRefused(string json, string message)
    {
        var error = Assert.Throws<ProtocolRuleSetException>(() => ProtocolRuleSet.Load(json));

        Assert.StartsWith("Protocol rule set: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signers_OfTheDefault_AreTheDrafterForEveryType_AndTheWitnessesForASearch()
    {
        var types = ProtocolRuleSet.Default.Types;

        Assert.All(types.Values, type => Assert.Contains("drafter", type.Signers.Required));
        Assert.Equal(["drafter", "person", "witness1", "witness2"], types["personal-search"].Signers.Required);
        Assert.Equal(["person"], types["personal-search"].Signers.MayRefuse);
        // Only a required signer may refuse: the types the drafter alone signs let nobody refuse (ADR 0012).
        Assert.All(types.Values.Where(t => t.Code != "personal-search"), type => Assert.Empty(type.Signers.MayRefuse));
        Assert.Equal(ProtocolSigners.DrafterOnly, ProtocolRuleSet.Load("""{ "version": 1, "types": [ { "code": "a", "names": { "kk": "a", "ru": "a", "en": "a" }, "checks": [] } ] }""").Types["a"].Signers);
    }

    [Fact]
    public void WithEntryField_SetsAnOffencesArticle_LeavingTheDefaultAsItWas()
    {
        var configured = ProtocolRuleSet.Default.WithEntryField("offences", "smoking-ban", "article", "CoAO art. N");

        Assert.Equal("CoAO art. N", configured.Lists["offences"].Entries.Single(e => e.Code == "smoking-ban").Fields.GetProperty("article").GetString());
        Assert.Equal("", ProtocolRuleSet.Default.Lists["offences"].Entries.Single(e => e.Code == "smoking-ban").Fields.GetProperty("article").GetString());
        Assert.Throws<ArgumentException>(() => ProtocolRuleSet.Default.WithEntryField("offences", "jaywalking", "article", "x"));
    }

    [Fact]
    public void Codes_ListEveryFindingAndEveryRefusal()
    {
        var ruleSet = ProtocolRuleSet.Default;

        Assert.Contains("witnesses.count", ruleSet.Codes(refusals: false));
        Assert.Contains("item.calibre", ruleSet.Codes(refusals: false));
        Assert.Contains("witness.drafter", ruleSet.Codes(refusals: true));
        Assert.Contains("immunity.diplomatic", ruleSet.Codes(refusals: true));
        Assert.Empty(ruleSet.Codes(refusals: false).Intersect(ruleSet.Codes(refusals: true)));
    }

    /// <summary>Never invent law: every quoted source of the rule set stands in the seed document at the line it names (a quotation may run on to the next text line; the seed has a blank line between).</summary>
    [Fact]
    public void Sources_EveryQuotationStartsOnTheLineItNames()
    {
        var seed = File.ReadAllLines(Path.Combine(SharedData.Path, "..", "seed", "000_182859c6d01838d1.txt"));
        using var rules = JsonDocument.Parse(ProtocolRuleSet.DefaultJson());
        var sources = Sources(rules.RootElement).ToList();

        Assert.True(sources.Count >= 15, $"only {sources.Count} sources found");
        Assert.All(sources, source =>
        {
            var opening = string.Join(' ', Words(source.Text).Take(3));
            var lines = Words(string.Join(' ', seed.Skip(source.Line - 1).Take(3)));
            Assert.True(string.Join(' ', lines).Contains(opening, StringComparison.Ordinal), $"L{source.Line} does not start '{opening}'");
        });
    }

    private static IEnumerable<(int Line, string Text)> Sources(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("line", out var line) && element.TryGetProperty("text", out var text)) yield return (line.GetInt32(), text.GetString()!);
            foreach (var property in element.EnumerateObject())
                foreach (var source in Sources(property.Value)) yield return source;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var source in Sources(item)) yield return source;
        }
    }

    private static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}-]+")]
    private static partial Regex Word();
}

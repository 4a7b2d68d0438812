using System.Text.Json;
using Uchastok.Rules.Protocols;

namespace Uchastok.Rules.Tests.Protocols;

/// <summary>The C# interpreter and canonical hash against every conformance vector; the browser test holds the JavaScript ones to the same file.</summary>
public sealed class ProtocolVectorTests
{
    public static TheoryData<string> Evaluated => ProtocolVectors.Names(v => !v.TryGetProperty("canonicalOnly", out _) && !v.TryGetProperty("signaturesOnly", out _));

    public static TheoryData<string> Signed => ProtocolVectors.Names(v => v.TryGetProperty("signaturesOnly", out _) && !v.TryGetProperty("ruleSetError", out _));

    public static TheoryData<string> RefusedRuleSets => ProtocolVectors.Names(v => v.TryGetProperty("ruleSetError", out _));

    public static TheoryData<string> Hashed => ProtocolVectors.Names(v => v.TryGetProperty("sha256", out _));

    public static TheoryData<string> RefusedByCanonicalForm => ProtocolVectors.Names(v => v.TryGetProperty("canonicalError", out _));

    [Theory]
    [MemberData(nameof(Evaluated))]
    public void Evaluate_Vector_GivesExactlyTheExpectedFindings(string name)
    {
        var vector = ProtocolVectors.Named(name);

        var result = ProtocolChecks.Evaluate(ProtocolVectors.RuleSet(vector), vector.GetProperty("type").GetString()!, ProtocolVectors.Document(vector));

        Assert.Equal(Expected(vector, "missing"), result.Missing.Select(f => $"{f.Code} @{f.Path}"));
        Assert.Equal(Expected(vector, "refused"), result.Refused.Select(r => $"{r.Code} @{r.Path}{(r.Instead is null ? "" : " → " + r.Instead)}"));
        Assert.Equal(vector.GetProperty("missing").GetArrayLength() + vector.GetProperty("refused").GetArrayLength() == 0, result.MaySign);
    }

    [Theory]
    [MemberData(nameof(Signed))]
    public void EvaluateSignatures_Vector_NamesExactlyTheExpectedSigners(string name)
    {
        var vector = ProtocolVectors.Named(name);

        var result = ProtocolChecks.EvaluateSignatures(ProtocolVectors.RuleSet(vector), vector.GetProperty("type").GetString()!, vector.GetProperty("signatures"));

        Assert.Equal(Expected(vector, "missing"), result.Missing.Select(f => $"{f.Code} @{f.Path}"));
        Assert.Equal(Expected(vector, "refused"), result.Refused.Select(r => $"{r.Code} @{r.Path}"));
        Assert.Equal(vector.GetProperty("missing").GetArrayLength() + vector.GetProperty("refused").GetArrayLength() == 0, result.MaySign);
    }

    [Theory]
    [MemberData(nameof(RefusedRuleSets))]
    public void Load_VectorsRuleSet_IsRefusedWithTheVectorsWords(string name)
    {
        var vector = ProtocolVectors.Named(name);

        var error = Assert.Throws<ProtocolRuleSetException>(() => ProtocolRuleSet.Load(ProtocolVectors.RuleSetJson(vector)));

        Assert.Contains(vector.GetProperty("ruleSetError").GetString()!, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hashed))]
    public void Canonical_Vector_GivesTheExpectedTextAndDigest(string name)
    {
        var vector = ProtocolVectors.Named(name);
        var document = ProtocolVectors.Document(vector);

        Assert.Equal(vector.GetProperty("canonical").GetString(), ProtocolCanonical.Json(document));
        Assert.Equal(vector.GetProperty("sha256").GetString(), ProtocolCanonical.Sha256Hex(document));
    }

    [Theory]
    [MemberData(nameof(RefusedByCanonicalForm))]
    public void Canonical_VectorOutsideTheShape_IsRefused(string name)
    {
        var document = ProtocolVectors.Document(ProtocolVectors.Named(name));

        Assert.Throws<NotCanonicalException>(() => ProtocolCanonical.Sha256Hex(document));
    }

    [Fact]
    public void Vectors_CoverEveryCodeTheRuleSetCanGive()
    {
        var ruleSet = ProtocolRuleSet.Default;
        var given = ProtocolVectors.All.Where(v => !v.TryGetProperty("canonicalOnly", out _))
            .SelectMany(v => v.GetProperty("missing").EnumerateArray().Concat(v.GetProperty("refused").EnumerateArray()))
            .Select(f => f.GetProperty("code").GetString()!).ToHashSet();

        var untested = ruleSet.Codes(refusals: false).Concat(ruleSet.Codes(refusals: true)).Where(code => !given.Contains(code)).ToList();

        Assert.True(untested.Count == 0, "No vector gives " + string.Join(", ", untested));
    }

    private static IEnumerable<string> Expected(JsonElement vector, string list) =>
        vector.GetProperty(list).EnumerateArray().Select(f =>
            $"{f.GetProperty("code").GetString()} @{f.GetProperty("path").GetString()}{(f.TryGetProperty("instead", out var instead) ? " → " + instead.GetString() : "")}");
}

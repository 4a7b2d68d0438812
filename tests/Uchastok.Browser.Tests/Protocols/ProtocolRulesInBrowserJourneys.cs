using System.Text.Json;
using Uchastok.Rules.Protocols;

namespace Uchastok.Browser.Tests.Protocols;

/// <summary>
/// The JavaScript twin of the protocol rules (<c>/js/protocol-rules.js</c>), loaded by Chromium from the
/// running site under its Content-Security-Policy, answers every conformance vector exactly as the
/// vectors say, as the C# interpreter must in <c>ProtocolVectorTests</c>: so the tablet offline and the
/// server cannot drift apart (ADR 0012).
/// </summary>
public sealed class ProtocolRulesInBrowserJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string RunVectors = """
        async ({ rules, vectors }) => {
            const rulesModule = await import("/js/protocol-rules.js");
            const answers = [];
            for (const vector of JSON.parse(vectors).vectors) {
                const document = vector.documentText !== undefined ? JSON.parse(vector.documentText) : vector.document;
                const answer = { name: vector.name };
                if (!vector.canonicalOnly) {
                    // What an administrator configured is merged into the rule set the web serves.
                    const ruleSet = JSON.parse(rules);
                    for (const [code, article] of Object.entries(vector.articles || {}))
                        ruleSet.lists.offences.values.find(entry => entry.code === code).article = article;
                    if (vector.signers) ruleSet.types.find(type => type.code === vector.type).signers = vector.signers;
                    if (vector.ruleSetError !== undefined) {
                        // A rule set the C# loader refuses: this interpreter must throw before judging anything.
                        try {
                            rulesModule.evaluateSignatures(ruleSet, vector.type, vector.signatures);
                            answer.ruleSetError = null;
                        } catch (error) { answer.ruleSetError = String(error.message); }
                        answers.push(answer);
                        continue;
                    }
                    const result = vector.signaturesOnly
                        ? rulesModule.evaluateSignatures(ruleSet, vector.type, vector.signatures)
                        : rulesModule.evaluate(ruleSet, vector.type, document);
                    answer.missing = result.missing.map(f => `${f.code} @${f.path}`);
                    answer.refused = result.refused.map(r => `${r.code} @${r.path}${r.instead ? " → " + r.instead : ""}`);
                    answer.maySign = result.maySign;
                }
                if (vector.canonicalError) {
                    try { rulesModule.canonicalJson(document); answer.refusedByCanonicalForm = false; }
                    catch (error) { answer.refusedByCanonicalForm = error instanceof RangeError; }
                } else if (vector.sha256) {
                    answer.canonical = rulesModule.canonicalJson(document);
                    answer.sha256 = await rulesModule.sha256Hex(document);
                }
                answers.push(answer);
            }
            return JSON.stringify(answers);
        }
        """;

    [Fact]
    public async Task EveryVector_InChromium_GivesTheFindingsAndDigestsTheVectorsExpect()
    {
        var vectorsJson = await File.ReadAllTextAsync(Path.Combine(BrowserHost.RepositoryRoot(), "tests", "protocol-vectors.json"));
        var page = await fixture.Host.NewPhonePageAsync();
        await page.GotoAsync("/account/login");

        var answersJson = await page.EvaluateAsync<string>(RunVectors, new { rules = ProtocolRuleSet.DefaultJson(), vectors = vectorsJson });

        using var vectors = JsonDocument.Parse(vectorsJson);
        using var answers = JsonDocument.Parse(answersJson);
        var expected = vectors.RootElement.GetProperty("vectors").EnumerateArray().ToList();
        var actual = answers.RootElement.EnumerateArray().ToList();
        Assert.Equal(expected.Count, actual.Count);
        var differences = new List<string>();
        for (var i = 0; i < expected.Count; i++) differences.AddRange(Differences(expected[i], actual[i]));
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.True(expected.Count >= 100, $"only {expected.Count} vectors");
        await PageChecks.AssertUsableAsync(page, "protocol-rules-vectors");
        await page.Context.CloseAsync();
    }

    private static IEnumerable<string> Differences(JsonElement vector, JsonElement answer)
    {
        var name = vector.GetProperty("name").GetString();
        if (vector.TryGetProperty("ruleSetError", out var ruleSetError))
        {
            var thrown = answer.GetProperty("ruleSetError");
            if (thrown.ValueKind != JsonValueKind.String || !thrown.GetString()!.Contains(ruleSetError.GetString()!, StringComparison.Ordinal))
                yield return $"{name}: the rule set was not refused with '{ruleSetError.GetString()}' (got {thrown})";
            yield break;
        }
        if (!vector.TryGetProperty("canonicalOnly", out _))
        {
            foreach (var list in new[] { "missing", "refused" })
            {
                var wanted = vector.GetProperty(list).EnumerateArray().Select(f =>
                    $"{f.GetProperty("code").GetString()} @{f.GetProperty("path").GetString()}{(f.TryGetProperty("instead", out var instead) ? " → " + instead.GetString() : "")}");
                var got = answer.GetProperty(list).EnumerateArray().Select(f => f.GetString()!);
                if (!wanted.SequenceEqual(got)) yield return $"{name}: {list} [{string.Join("; ", got)}], expected [{string.Join("; ", wanted)}]";
            }
            var maySign = vector.GetProperty("missing").GetArrayLength() + vector.GetProperty("refused").GetArrayLength() == 0;
            if (answer.GetProperty("maySign").GetBoolean() != maySign) yield return $"{name}: maySign {!maySign}";
        }
        if (vector.TryGetProperty("canonicalError", out _))
        {
            if (!answer.GetProperty("refusedByCanonicalForm").GetBoolean()) yield return $"{name}: not refused by the canonical form";
        }
        else if (vector.TryGetProperty("sha256", out var sha256))
        {
            if (answer.GetProperty("canonical").GetString() != vector.GetProperty("canonical").GetString())
                yield return $"{name}: canonical {answer.GetProperty("canonical").GetString()}";
            if (answer.GetProperty("sha256").GetString() != sha256.GetString()) yield return $"{name}: sha256 {answer.GetProperty("sha256").GetString()}";
        }
    }
}

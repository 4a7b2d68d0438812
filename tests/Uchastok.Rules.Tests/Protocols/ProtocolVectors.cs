using System.Text.Json;
using System.Text.Json.Nodes;
using Uchastok.Rules.Protocols;

namespace Uchastok.Rules.Tests.Protocols;

/// <summary>
/// The conformance vectors both interpreters answer to (<c>tests/protocol-vectors.json</c>, ADR 0012).
/// A vector is a protocol type, a document and the findings expected, and for some the canonical
/// text and SHA-256 expected; the browser test reads the same file.
/// </summary>
public static class ProtocolVectors
{
    public static string FilePath { get; } = Path.Combine(RepositoryRoot(), "tests", "protocol-vectors.json");

    private static readonly Lazy<JsonDocument> File = new(() => JsonDocument.Parse(System.IO.File.ReadAllText(FilePath)));

    public static IEnumerable<JsonElement> All => File.Value.RootElement.GetProperty("vectors").EnumerateArray();

    public static JsonElement Named(string name) => All.Single(v => v.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(Func<JsonElement, bool> which)
    {
        var data = new TheoryData<string>();
        foreach (var vector in All.Where(which)) data.Add(vector.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>The document of a vector: as JSON, or as the raw text of <c>documentText</c>, which keeps number forms such as <c>1.0</c>.</summary>
    public static JsonElement Document(JsonElement vector) =>
        vector.TryGetProperty("documentText", out var text) ? JsonDocument.Parse(text.GetString()!).RootElement : vector.GetProperty("document");

    /// <summary>The default rule set's text, with the vector's type's signers replaced when the vector gives <c>signers</c>.</summary>
    public static string RuleSetJson(JsonElement vector)
    {
        if (!vector.TryGetProperty("signers", out var signers)) return ProtocolRuleSet.DefaultJson();
        var json = JsonNode.Parse(ProtocolRuleSet.DefaultJson())!.AsObject();
        var type = json["types"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == vector.GetProperty("type").GetString())!.AsObject();
        type["signers"] = JsonNode.Parse(signers.GetRawText());
        return json.ToJsonString();
    }

    /// <summary>The default rule set (with the vector's signers, loaded) and the articles the vector says an administrator configured.</summary>
    public static ProtocolRuleSet RuleSet(JsonElement vector)
    {
        var ruleSet = vector.TryGetProperty("signers", out _) ? ProtocolRuleSet.Load(RuleSetJson(vector)) : ProtocolRuleSet.Default;
        if (vector.TryGetProperty("articles", out var articles))
            foreach (var article in articles.EnumerateObject())
                ruleSet = ruleSet.WithEntryField("offences", article.Name, "article", article.Value.GetString()!);
        return ruleSet;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Uchastok.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (Uchastok.slnx) was not found above the test's folder.");
    }
}

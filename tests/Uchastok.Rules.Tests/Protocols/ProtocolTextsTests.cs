using System.Xml.Linq;
using Uchastok.Rules.Protocols;

namespace Uchastok.Rules.Tests.Protocols;

/// <summary>
/// Every code the rule set can give has its sentence in Kazakh, Russian and English in the site's
/// resources (<c>Protocol.Missing.&lt;code&gt;</c>, <c>Protocol.Refused.&lt;code&gt;</c>), which the web serves
/// beside the rule set for the tablet to show offline. Read here as files: the rules know nothing of the web.
/// </summary>
public sealed class ProtocolTextsTests
{
    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.ru.resx")]
    [InlineData("SharedResource.kk.resx")]
    public void Resources_EveryCode_HasItsText(string file)
    {
        var keys = XDocument.Load(Path.Combine(ProtocolVectors.RepositoryRoot(), "src", "Uchastok.Web", "Resources", file))
            .Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var ruleSet = ProtocolRuleSet.Default;
        var expected = ruleSet.Codes(refusals: false).Select(c => $"Protocol.Missing.{c}")
            .Concat(ruleSet.Codes(refusals: true).Append(ProtocolChecks.UnknownType).Append(ProtocolChecks.MalformedDocument).Select(c => $"Protocol.Refused.{c}"));

        var lacking = expected.Where(key => !keys.Contains(key)).ToList();

        Assert.True(lacking.Count == 0, $"{file} lacks {string.Join(", ", lacking)}");
    }
}

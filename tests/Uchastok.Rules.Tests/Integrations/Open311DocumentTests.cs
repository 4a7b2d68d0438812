using System.Text;
using System.Xml.Linq;
using Uchastok.Rules.Integrations;

namespace Uchastok.Rules.Tests.Integrations;

public sealed class Open311DocumentTests
{
    private static readonly Open311Node Requests = Open311Node.List("service_requests", [Open311Node.Object("request",
        Open311Node.Value("service_request_id", "ALM-2026-000001"),
        Open311Node.Value("lat", 43.2515),
        Open311Node.Value("metadata", true),
        Open311Node.Value("order", 3),
        Open311Node.Value("description", null),
        Open311Node.List("values", []))]);

    [Fact]
    public void Json_ListWithOneItem_IsStillAnArray_AsTheSparkConventionSays()
    {
        var json = Encoding.UTF8.GetString(Open311Writer.Json(Requests));

        Assert.Equal("""[{"service_request_id":"ALM-2026-000001","lat":43.2515,"metadata":true,"order":3,"description":null,"values":[]}]""", json);
    }

    [Fact]
    public void Xml_HasTheUtf8DeclarationNoNamespaceAndEmptyElementsForNull()
    {
        var xml = Encoding.UTF8.GetString(Open311Writer.Xml(Requests));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>", xml, StringComparison.Ordinal);
        var request = XDocument.Parse(xml).Root!.Element("request")!;
        Assert.Equal(XNamespace.None, request.Name.Namespace);
        Assert.Equal("43.2515", request.Element("lat")!.Value);
        Assert.Equal("true", request.Element("metadata")!.Value);
        Assert.Equal(string.Empty, request.Element("description")!.Value);
        Assert.False(request.Element("values")!.HasElements);
    }

    [Fact]
    public void Writers_KeepCyrillicAsIt_AndEscapeMarkup()
    {
        var node = Open311Node.Object("service", Open311Node.Value("service_name", "Шу <түнде> & \"таңертең\""));

        var json = Encoding.UTF8.GetString(Open311Writer.Json(node));
        var xml = Encoding.UTF8.GetString(Open311Writer.Xml(node));

        Assert.Contains("Шу", json, StringComparison.Ordinal);
        Assert.Equal("Шу <түнде> & \"таңертең\"", XDocument.Parse(xml).Root!.Element("service_name")!.Value);
        Assert.Equal("Шу <түнде> & \"таңертең\"", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("service_name").GetString());
    }

    // Built in code: a lone surrogate does not survive as attribute data of a theory.
    public static TheoryData<string, string> UnwritableTexts => new()
    {
        { "Noise\vat night", "Noiseat night" },
        { "A\u0001B\u001FC\tD\nE", "ABC\tD\nE" },
        { "lone " + (char)0xD800 + " high", "lone \uFFFD high" },
        { "lone " + (char)0xDC00 + " low", "lone \uFFFD low" },
        { "pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept" },
    };

    [Theory]
    [MemberData(nameof(UnwritableTexts), DisableDiscoveryEnumeration = true)]
    public void Writers_ControlCharactersAndLoneSurrogates_NeverBreakEitherFormat(string text, string written)
    {
        var node = Open311Node.List("service_requests", [Open311Node.Object("request", Open311Node.Value("description", text))]);

        var xml = XDocument.Parse(Encoding.UTF8.GetString(Open311Writer.Xml(node)));
        using var json = System.Text.Json.JsonDocument.Parse(Open311Writer.Json(node));

        Assert.Equal(written, xml.Root!.Element("request")!.Element("description")!.Value.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(written, json.RootElement[0].GetProperty("description").GetString());
    }
}

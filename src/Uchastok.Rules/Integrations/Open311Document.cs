using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Uchastok.Rules.Integrations;

/// <summary>
/// One GeoReport v2 response as a tree of named elements. The same tree is written as XML and, by
/// the Spark convention the specification prescribes (JSON_and_XML_Conversion), as JSON: a list is
/// always an array, even with one item or none, an object is an object, a value is a scalar. So
/// the two formats carry the same data by construction.
/// </summary>
public abstract record Open311Node(string Name)
{
    public static Open311Value Value(string name, object? value) => new(name, value);

    public static Open311Object Object(string name, params Open311Node[] fields) => new(name, fields);

    public static Open311List List(string name, IEnumerable<Open311Node> items) => new(name, items.ToList());
}

/// <summary>A scalar: a string, a boolean, a whole or decimal number, or null (an empty element in XML).</summary>
public sealed record Open311Value(string Name, object? Content) : Open311Node(Name);

public sealed record Open311Object(string Name, IReadOnlyList<Open311Node> Fields) : Open311Node(Name);

/// <summary>A container of repeated elements: <c>&lt;services&gt;&lt;service/&gt;…&lt;/services&gt;</c> in XML, an array in JSON.</summary>
public sealed record Open311List(string Name, IReadOnlyList<Open311Node> Items) : Open311Node(Name);

public static class Open311Writer
{
    /// <summary>UTF-8 XML with its declaration, no namespace, as the specification asks.</summary>
    public static byte[] Xml(Open311Node root)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            WriteXml(writer, root);
            writer.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    public static byte[] Json(Open311Node root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(writer, root);
        return buffer.ToArray();
    }

    /// <summary>How a scalar reads as text: invariant culture, booleans in lower case, null as nothing; always writable (see <see cref="Writable"/>).</summary>
    public static string? Text(object? content) => content switch
    {
        null => null,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Writable(content.ToString()),
    };

    /// <summary>
    /// The text with what neither XML 1.0 nor JSON can carry taken out: control characters other than
    /// tab and line breaks (a vertical tab in one appeal once made every XML list that held it fail)
    /// are dropped, a lone UTF-16 surrogate becomes U+FFFD. Both formats get the same text.
    /// </summary>
    public static string? Writable(string? text) => Uchastok.Rules.Text.TextCleaning.Keep(text, XmlConvert.IsXmlChar);

    private static void WriteXml(XmlWriter writer, Open311Node node)
    {
        writer.WriteStartElement(node.Name);
        switch (node)
        {
            case Open311Value value:
                if (Text(value.Content) is { } text) writer.WriteString(text);
                break;
            case Open311Object obj:
                foreach (var field in obj.Fields) WriteXml(writer, field);
                break;
            case Open311List list:
                foreach (var item in list.Items) WriteXml(writer, item);
                break;
        }
        writer.WriteFullEndElement();
    }

    private static void WriteJson(Utf8JsonWriter writer, Open311Node node)
    {
        switch (node)
        {
            case Open311Value value:
                WriteScalar(writer, value.Content);
                break;
            case Open311Object obj:
                writer.WriteStartObject();
                foreach (var field in obj.Fields)
                {
                    writer.WritePropertyName(field.Name);
                    WriteJson(writer, field);
                }
                writer.WriteEndObject();
                break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var item in list.Items) WriteJson(writer, item);
                writer.WriteEndArray();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, object? content)
    {
        switch (content)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            default: writer.WriteStringValue(Text(content)); break;
        }
    }
}

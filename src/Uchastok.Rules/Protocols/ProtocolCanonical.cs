using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Uchastok.Rules.Protocols;

/// <summary>
/// The canonical text of a protocol and its SHA-256, which a signed protocol stores and shows: the
/// JSON Canonicalization Scheme (RFC 8785) over a restricted shape, so that the browser
/// (<c>protocol-rules.js</c>, Web Crypto) and the server reach the same hex digest. Objects have
/// their properties sorted by UTF-16 code units and no white space; strings escape only the
/// quotation mark, the backslash and control characters (<c>\b \t \n \f \r</c>, else <c>\u00xx</c>);
/// numbers must be whole and within ±(2^53 − 1), written without a fraction or exponent, because a
/// quantity is the only number a protocol has: a calibre or a serial number is a string, and
/// fractional numbers are where two platforms' number formatting could part.
/// </summary>
public static class ProtocolCanonical
{
    /// <summary>The largest integer a JavaScript number holds exactly.</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>The canonical JSON text; <see cref="NotCanonicalException"/> for a fractional or too large number, a repeated property or a lone surrogate.</summary>
    public static string Json(JsonElement document)
    {
        var text = new StringBuilder();
        try
        {
            Write(document, text, "$");
        }
        catch (InvalidOperationException exception)
        {
            // System.Text.Json refuses to decode an escaped half of a surrogate pair, in a value or a name.
            throw new NotCanonicalException($"a string holds half of a surrogate pair ({exception.Message})");
        }
        return text.ToString();
    }

    /// <summary>The lowercase hex SHA-256 of the canonical text in UTF-8.</summary>
    public static string Sha256Hex(JsonElement document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json(document))));

    private static void Write(JsonElement element, StringBuilder text, string at)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                text.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    if (i > 0)
                    {
                        if (properties[i].Name == properties[i - 1].Name) throw new NotCanonicalException($"{at}: the property '{properties[i].Name}' appears twice");
                        text.Append(',');
                    }
                    WriteString(properties[i].Name, text, at);
                    text.Append(':');
                    Write(properties[i].Value, text, $"{at}.{properties[i].Name}");
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0) text.Append(',');
                    Write(item, text, $"{at}[{index++}]");
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text, at);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number) || Math.Floor(number) != number || Math.Abs(number) > MaxSafeInteger)
                    throw new NotCanonicalException($"{at}: {element.GetRawText()} is not a whole number within ±{MaxSafeInteger}");
                text.Append(((long)number).ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.True: text.Append("true"); break;
            case JsonValueKind.False: text.Append("false"); break;
            default: text.Append("null"); break;
        }
    }

    private static void WriteString(string value, StringBuilder text, string at)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) throw new NotCanonicalException($"{at}: a string holds a lone surrogate (U+{(int)c:X4})");
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\t': text.Append("\\t"); break;
                case '\n': text.Append("\\n"); break;
                case '\f': text.Append("\\f"); break;
                case '\r': text.Append("\\r"); break;
                default:
                    if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}

/// <summary>The document is outside the shape the canonical hash accepts; the message says where.</summary>
public sealed class NotCanonicalException(string message) : Exception(message);

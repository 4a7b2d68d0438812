using System.Text;

namespace Uchastok.Rules.Text;

/// <summary>
/// Takes out of a text the characters a reader cannot carry: every UTF-16 character that
/// <c>keep</c> refuses is dropped, and a lone surrogate (half of a character, which no encoder can
/// write) becomes U+FFFD. Whole surrogate pairs always stay. A text with nothing to take out is
/// returned as it is, without a copy. Null stays null.
/// </summary>
public static class TextCleaning
{
    public static string? Keep(string? text, Func<char, bool> keep)
    {
        if (text is null) return null;
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else clean = !char.IsSurrogate(text[i]) && keep(text[i]);
        }
        if (clean) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c)) builder.Append('\uFFFD');
            else if (keep(c)) builder.Append(c);
        }
        return builder.ToString();
    }
}

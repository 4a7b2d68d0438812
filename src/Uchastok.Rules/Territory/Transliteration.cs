using System.Text;

namespace Uchastok.Rules.Territory;

/// <summary>
/// Kazakh and Russian Cyrillic names in Latin letters, as Kazakhstan passports write them
/// (ICAO Doc 9303 with the Kazakh letters folded to their nearest Latin sound), so that an
/// English-speaking resident can read and say an inspector's name.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['ә'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ғ'] = "g", ['д'] = "d", ['е'] = "e",
        ['ё'] = "e", ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['қ'] = "k", ['л'] = "l",
        ['м'] = "m", ['н'] = "n", ['ң'] = "n", ['о'] = "o", ['ө'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s",
        ['т'] = "t", ['у'] = "u", ['ұ'] = "u", ['ү'] = "u", ['ф'] = "f", ['х'] = "kh", ['һ'] = "h", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['і'] = "i", ['ь'] = "", ['э'] = "e",
        ['ю'] = "yu", ['я'] = "ya",
    };

    public static string ToLatin(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            if (!Letters.TryGetValue(lower, out var latin))
            {
                result.Append(c);
                continue;
            }
            if (char.IsUpper(c) && latin.Length > 0)
            {
                var nextIsUpper = i + 1 < text.Length && char.IsUpper(text[i + 1]);
                latin = nextIsUpper ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..];
            }
            result.Append(latin);
        }
        return result.ToString();
    }
}

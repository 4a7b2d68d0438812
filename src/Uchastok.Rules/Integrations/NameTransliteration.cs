using System.Text;
using System.Text.RegularExpressions;

namespace Uchastok.Rules.Integrations;

/// <summary>
/// A Cyrillic (Kazakh or Russian) name as a pattern that matches the Latin spellings people give it:
/// the 2021 Kazakh Latin alphabet (Aıgúl Sársenova), the passport transliteration of Kazakhstan
/// and Russia (ICAO 9303 as the 2013 Russian order applies it: Aigul Sarsenova, Iuliia) and the older
/// habits (Aygul, Yuliya, Akhmetov, Ahmetov). Each letter becomes the set of its spellings, so one
/// pattern covers every mix of them without listing combinations. Matching is case-insensitive.
/// </summary>
public static class NameTransliteration
{
    /// <summary>The Latin spellings of each lower-case Cyrillic letter; "" means it may be left out.</summary>
    private static readonly Dictionary<char, string[]> Spellings = new()
    {
        ['а'] = ["a"],
        ['ә'] = ["a", "á", "ä", "ae"],
        ['б'] = ["b"],
        ['в'] = ["v", "w"],
        ['г'] = ["g", "gh"],
        ['ғ'] = ["g", "gh", "ǵ", "ğ"],
        ['д'] = ["d"],
        ['е'] = ["e", "ye", "ie", "je"],
        ['ё'] = ["e", "yo", "io", "ıo", "jo"],
        ['ж'] = ["zh", "j", "ž", "z"],
        ['з'] = ["z"],
        ['и'] = ["i", "ı", "y"],
        ['й'] = ["i", "y", "j", "ı", ""],
        ['к'] = ["k", "q", "c"],
        ['қ'] = ["q", "k"],
        ['л'] = ["l"],
        ['м'] = ["m"],
        ['н'] = ["n"],
        ['ң'] = ["n", "ng", "ń", "ñ"],
        ['о'] = ["o"],
        ['ө'] = ["o", "ó", "ö", "oe"],
        ['п'] = ["p"],
        ['р'] = ["r"],
        ['с'] = ["s"],
        ['т'] = ["t"],
        ['у'] = ["u", "ý", "w", "ou"],
        ['ұ'] = ["u"],
        ['ү'] = ["u", "ú", "ü", "ue"],
        ['ф'] = ["f", "ph"],
        ['х'] = ["kh", "h", "x"],
        ['һ'] = ["h"],
        ['ц'] = ["ts", "c", "tz"],
        ['ч'] = ["ch", "tch", "č"],
        ['ш'] = ["sh", "š"],
        ['щ'] = ["shch", "sch", "sh"],
        ['ъ'] = ["ie", "'", ""],
        ['ы'] = ["y", "i", "ı"],
        ['і'] = ["i", "ı"],
        ['ь'] = ["'", ""],
        ['э'] = ["e"],
        ['ю'] = ["yu", "iu", "ju", "ıý", "iy", "u"],
        ['я'] = ["ya", "ia", "ja", "ıa"],
    };

    /// <summary>The pattern for <paramref name="word"/>: each Cyrillic letter by its spellings, anything else as written.</summary>
    public static string Pattern(string word)
    {
        var pattern = new StringBuilder();
        foreach (var letter in word.ToLowerInvariant())
        {
            if (!Spellings.TryGetValue(letter, out var options))
            {
                pattern.Append(Regex.Escape(letter.ToString()));
                continue;
            }
            var written = options.Where(o => o.Length > 0).OrderByDescending(o => o.Length).Select(Regex.Escape);
            pattern.Append("(?:").Append(string.Join('|', written)).Append(')');
            if (options.Contains("")) pattern.Append('?');
        }
        return pattern.ToString();
    }
}

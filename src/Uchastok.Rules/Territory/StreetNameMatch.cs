using System.Text;

namespace Uchastok.Rules.Territory;

/// <summary>
/// How well what a resident typed names a street, whatever the alphabet and spacing: "Толеби",
/// "Tolebi", "Tole bi" and "Төле би" are one street, and a letter wrong or missing ("Толе бы",
/// "Abai") still finds it. Both sides go to one compact Latin key (Kazakh and Russian letters
/// transliterated, spaces and hyphens dropped, sounds that Latin spellings vary on folded), then:
/// the same key, the typed key inside the name (a street typed in part, as a typeahead sends it),
/// or a few edits apart, in that order of preference.
/// </summary>
public static class StreetNameMatch
{
    /// <summary>No match.</summary>
    public const int None = int.MaxValue;

    /// <summary>0 for the same key, 1 when the typed key lies inside a name, 2 + edits when a few letters differ; <see cref="None"/> otherwise.</summary>
    public static int Score(string typedStreetKey, IEnumerable<string> streetNames)
    {
        var typed = CompactKey(typedStreetKey);
        if (typed.Length == 0) return None;
        var best = None;
        foreach (var name in streetNames)
        {
            var key = CompactKey(name);
            if (key.Length == 0) continue;
            int score;
            if (key == typed) score = 0;
            else if (typed.Length >= 3 && key.Contains(typed, StringComparison.Ordinal)) score = 1;
            else
            {
                // About one slip in five letters, and never more than two: enough for a typo, not enough to turn one street into another.
                var allowed = Math.Min(2, Math.Max(1, typed.Length / 5));
                var edits = Edits(typed, key, allowed);
                score = edits <= allowed && typed.Length >= 4 ? 2 + edits : None;
            }
            best = Math.Min(best, score);
        }
        return best;
    }

    /// <summary>The compact Latin key of a street name or of what was typed.</summary>
    public static string CompactKey(string text)
    {
        var latin = Transliteration.ToLatin(AddressQuery.Normalize(text)).ToLowerInvariant();
        var builder = new StringBuilder(latin.Length);
        foreach (var c in latin)
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
        // Latin spellings of Kazakh and Russian names disagree on these: Abai/Abay, Dostyk/Dostik, Zheltoksan/Jeltoqsan, Khan/Han.
        return builder.ToString().Replace("kh", "h", StringComparison.Ordinal).Replace("zh", "j", StringComparison.Ordinal)
            .Replace('y', 'i').Replace('q', 'k').Replace('w', 'v');
    }

    /// <summary>Optimal string alignment distance (adjacent swaps count once), giving up beyond <paramref name="limit"/>.</summary>
    private static int Edits(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                rowBest = Math.Min(rowBest, current[j]);
            }
            if (rowBest > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}

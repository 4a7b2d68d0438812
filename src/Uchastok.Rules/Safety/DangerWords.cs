using System.Globalization;
using System.Reflection;
using System.Text;

namespace Uchastok.Rules.Safety;

/// <summary>
/// Words that make a quick report read like danger happening now (a knife, a fire, someone hurt), in Kazakh,
/// Russian and English. The quick report is not an emergency line; when a text matches, the resident is asked
/// "is this happening now? call 102" before the report is sent. A match costs one extra tap, a miss may cost a
/// life, so the list errs on the side of asking.
/// <para>
/// The list is data (<c>DangerWords.txt</c>, one entry a line, <c>#</c> comments): each entry is a word stem,
/// or several stems separated by spaces that must stand in that order as consecutive words. A text's word
/// matches a stem when it starts with it, ignoring case (Kazakh letters ә ғ қ ң ө ұ ү һ і are letters like any
/// other), so "ножом", "пышақпен" and "knives" match "нож", "пышақ" and "kni".
/// </para>
/// </summary>
public sealed class DangerWords
{
    private readonly IReadOnlyList<string[]> _entries;

    public DangerWords(IEnumerable<string> lines)
    {
        var entries = new List<string[]>();
        foreach (var raw in lines)
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var stems = Words(line).ToArray();
            if (stems.Length > 0) entries.Add(stems);
        }
        _entries = entries;
    }

    /// <summary>The curated list shipped with Uchastok.</summary>
    public static DangerWords Default { get; } = Load();

    public int Count => _entries.Count;

    /// <summary>Whether the text reads like danger now.</summary>
    public bool Matches(string? text) => FirstMatch(text) is not null;

    /// <summary>The first entry the text matches, as written in the list; null when none does.</summary>
    public string? FirstMatch(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = Words(text).ToArray();
        foreach (var entry in _entries)
            for (var start = 0; start + entry.Length <= words.Length; start++)
            {
                var all = true;
                for (var i = 0; i < entry.Length && all; i++) all = words[start + i].StartsWith(entry[i], StringComparison.Ordinal);
                if (all) return string.Join(' ', entry);
            }
        return null;
    }

    /// <summary>The text's words, lower-cased in the invariant culture (which lower-cases Kazakh and Russian letters too), ё read as е.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c) == 'ё' ? 'е' : char.ToLowerInvariant(c));
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    private static DangerWords Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Uchastok.Rules.Safety.DangerWords.txt")
            ?? throw new InvalidOperationException("The danger word list is missing from the rules assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return new DangerWords(lines);
    }

    /// <summary>Kept for callers that format a match for a log line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_entries.Count} danger entries");
}

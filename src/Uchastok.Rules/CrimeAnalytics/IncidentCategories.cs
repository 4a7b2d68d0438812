using System.Text.RegularExpressions;

namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// A category incidents are counted under on the hotspot maps: a short code, its name in the three languages,
/// where the category comes from (the document's line or the source's list), and the source types it takes.
/// </summary>
public sealed record IncidentCategory(string Code, string NameKk, string NameRu, string NameEn, string Source, IReadOnlyList<string> SourceTypes)
{
    public string Name(string language) => language switch { "kk" => NameKk, "ru" => NameRu, _ => NameEn };
}

/// <summary>
/// Maps a source's incident type (police.uk's "Crime type", a city's own code, …) to a category code.
/// Matching ignores case and runs of spaces, so "Anti-social behaviour" and "anti-social  behaviour" are one.
/// A type no category names goes to <see cref="Other"/>: nothing is left without a category.
/// </summary>
public sealed partial class IncidentCategoryMap
{
    /// <summary>The category of every type no category names; always present.</summary>
    public const string Other = "other";

    public const int MaxCodeLength = 40;

    private readonly Dictionary<string, string> byType = new(StringComparer.Ordinal);

    public IncidentCategoryMap(IEnumerable<IncidentCategory> categories)
    {
        var list = new List<IncidentCategory>();
        foreach (var category in categories)
        {
            if (!IsCode(category.Code)) throw new ArgumentException($"Category code '{category.Code}' must be 1–{MaxCodeLength} lower-case letters, digits or hyphens.", nameof(categories));
            if (list.Any(c => c.Code == category.Code)) throw new ArgumentException($"Category '{category.Code}' appears twice.", nameof(categories));
            if (string.IsNullOrWhiteSpace(category.NameKk) || string.IsNullOrWhiteSpace(category.NameRu) || string.IsNullOrWhiteSpace(category.NameEn))
                throw new ArgumentException($"Category '{category.Code}' needs its name in Kazakh, Russian and English.", nameof(categories));
            foreach (var type in category.SourceTypes)
            {
                var key = Normalise(type);
                if (key.Length == 0) continue;
                // One type in two categories would count an incident twice or by chance: the settings must choose.
                if (byType.TryGetValue(key, out var taken) && taken != category.Code)
                    throw new ArgumentException($"Type '{type}' is in both '{taken}' and '{category.Code}'.", nameof(categories));
                byType[key] = category.Code;
            }
            list.Add(category);
        }
        if (!list.Any(c => c.Code == Other))
            list.Add(new IncidentCategory(Other, "Басқа", "Прочее", "Other", "Every type no other category names", []));
        Categories = list;
    }

    /// <summary>The categories in the settings' order, <see cref="Other"/> included.</summary>
    public IReadOnlyList<IncidentCategory> Categories { get; }

    public bool Contains(string code) => Categories.Any(c => c.Code == code);

    public IncidentCategory? Find(string code) => Categories.FirstOrDefault(c => c.Code == code);

    /// <summary>The category code of a source type; <see cref="Other"/> when no category names it.</summary>
    public string CategoryOf(string? type) =>
        type is not null && byType.TryGetValue(Normalise(type), out var code) ? code : Other;

    public static bool IsCode(string? code) => code is { Length: > 0 and <= MaxCodeLength } && CodePattern().IsMatch(code);

    private static string Normalise(string type) => Spaces().Replace(type.Trim(), " ").ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

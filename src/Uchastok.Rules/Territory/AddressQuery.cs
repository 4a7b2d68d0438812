using System.Text;
using System.Text.RegularExpressions;

namespace Uchastok.Rules.Territory;

/// <summary>
/// What a resident typed into the address box, split into a street key and a house number.
/// People write "ул. Толе би, 59", "Төле би көшесі 59", "59 Tole bi St" or "толе би": the street
/// words (улица, көшесі, avenue…) and punctuation are dropped and Kazakh letters folded to their
/// Russian neighbours, so any of the three spellings finds the same street.
/// </summary>
public sealed partial record AddressQuery(string StreetKey, string? HouseNumber)
{
    private static readonly HashSet<string> StreetWords =
    [
        "улица", "ул", "көшесі", "көш", "көше", "проспект", "пр", "пр-т", "просп", "даңғылы", "даң", "данғылы",
        "street", "st", "str", "avenue", "ave", "av", "prospekt", "ulitsa", "көшесi", "мкр", "микрорайон", "шағын", "ауданы",
        "город", "г", "алматы", "almaty", "қаласы", "дом", "д", "үй", "house",
    ];

    private static readonly HashSet<string> FlatMarkers =
        ["кв", "квартира", "пәтер", "пат", "flat", "apt", "apartment", "оф", "офис", "office", "кеңсе", "каб", "кабинет", "комн", "room"];

    public static AddressQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // "ул." and "д." are words too: abbreviation dots go before the street words are recognised.
        var tokens = Separators().Split(text.Trim().ToLowerInvariant()).Select(t => t.Trim('.')).Where(t => t.Length > 0).ToList();
        // A flat or an office ("кв 12", "пәтер 5", "apt. 3", "кв12") says nothing about where the house is: it goes, number and all.
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (FlatMarkers.Contains(tokens[i]))
            {
                if (i + 1 < tokens.Count && FlatNumber().IsMatch(tokens[i + 1])) tokens.RemoveAt(i + 1);
                tokens.RemoveAt(i);
            }
            else if (FlatGlued().Match(tokens[i]) is { Success: true } glued && FlatMarkers.Contains(glued.Groups[1].Value))
            {
                tokens.RemoveAt(i);
            }
        }
        string? house = null;
        var houseIndex = tokens.FindLastIndex(t => HousePattern().IsMatch(t));
        if (houseIndex < 0) houseIndex = tokens.FindIndex(t => HousePattern().IsMatch(t));
        if (houseIndex >= 0)
        {
            house = tokens[houseIndex];
            tokens.RemoveAt(houseIndex);
        }
        var street = Normalize(string.Join(' ', tokens.Where(t => !StreetWords.Contains(t))));
        return street.Length == 0 ? null : new AddressQuery(street, house);
    }

    /// <summary>The search key of a street name: lower case, Kazakh letters folded, hyphens and dots as spaces.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ә' => 'а', 'ғ' => 'г', 'қ' => 'к', 'ң' => 'н', 'ө' => 'о', 'ұ' => 'у', 'ү' => 'у', 'һ' => 'х', 'і' => 'и', 'ё' => 'е',
                '-' or '.' or ',' or '«' or '»' or '"' or '\'' => ' ',
                _ => c,
            });
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"^\d{1,5}[a-zа-я]?$")]
    private static partial Regex FlatNumber();

    [GeneratedRegex(@"^([a-zа-яәғқңөұүһі]+)\d{1,5}$")]
    private static partial Regex FlatGlued();

    [GeneratedRegex(@"[\s,;]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\d{1,4}[a-zа-яәғқңөұүһі]?(/\d{1,3})?$")]
    private static partial Regex HousePattern();
}

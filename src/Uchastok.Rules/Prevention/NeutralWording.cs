using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Prevention;

/// <summary>The outcome of a check: the words of the text that gave it away, in the order they appear, none when neutral.</summary>
public sealed record NeutralWordingCheck(IReadOnlyList<string> Words)
{
    public bool IsNeutral => Words.Count == 0;
}

/// <summary>
/// Keeps messages to a domestic-violence victim neutral (C16): an SMS body or an e-mail subject is
/// read on a lock screen or over a shoulder, often by the very person the case is about, so neither
/// may say what the message is about. The checker refuses a text that holds any word of the list
/// below, in Kazakh, Russian or English.
/// <para>
/// The list is short on purpose: words of violence and abuse, of a police case (police, protocol,
/// offence, victim, offender, court) and of threat. It is a guard against a slip in a template or a
/// hand-typed message, not a filter a determined writer cannot get round. Entries ending in <c>*</c>
/// are stems that catch the word's forms (насилие, насилия, насильно; зорлық, зорлыққа); the rest are
/// whole words, used where a stem would also catch everyday words (суд but not судьба, сот but not
/// сотня or сотовый, court but not courtyard). Text is compared lower-cased, with ё as е and the
/// Kazakh letters folded to their Russian look-alikes (қ → к, ұ → у, і → и …), so Kazakh typed on a
/// Russian keyboard is caught as well. Add a word here only with the reason it reveals the case.
/// </para>
/// </summary>
public static class NeutralWording
{
    /// <summary>The curated list, written folded (see the class summary). One place: the tests and any page that shows the rule read it from here.</summary>
    public static readonly IReadOnlyList<string> Entries =
    [
        // Russian: violence and abuse.
        "насил*", "изнасил*", "избиен*", "избил*", "избит*", "избива*", "побои", "побоев", "побоям", "побоями", "побоях",
        "жесток*", "абьюз*", "агресс*", "обидчик*", "угроз*", "угрож*",
        // Russian: a police case.
        "полиц*", "протокол*", "правонаруш*", "преступ*", "потерпевш*", "жертв*",
        "суд", "суда", "суде", "суду", "судом", "судебн*", "судья", "судьи", "судье", "судью", "судей",
        // Kazakh (folded): зорлық(-зомбылық), ұрып-соғу, соққы, қорлау, қорқыту; police case: полиция, хаттама, қылмыс, құқық бұзушылық, жәбірленуші, зардап шеккен, сот.
        "зорл*", "зомбы*", "урып*", "сокк*", "корла*", "коркыт*",
        "хаттама*", "кылмыс*", "бузуш*", "жабирлен*", "зардап*",
        "сот", "сотка", "сотта", "соттан", "соттын", "сотпен", "сотты", "соттар*",
        // Kazakh in the Latin alphabet, as some residents and templates now write it: zorlyq, zombylyq, polisia, hattama.
        "zorly*", "zombyly*", "polisi*", "hattama*",
        // English.
        "violen*", "abus*", "assault*", "battered", "beaten", "beating*", "rape", "raped", "harass*", "threat*",
        "police*", "protocol*", "offence*", "offense*", "offender*", "victim*", "perpetrat*", "aggressor*",
        "court", "courts", "courtroom*",
    ];

    private static readonly string[] Stems = Entries.Where(e => e.EndsWith('*')).Select(e => e[..^1]).ToArray();
    private static readonly HashSet<string> Words = Entries.Where(e => !e.EndsWith('*')).ToHashSet(StringComparer.Ordinal);

    public static NeutralWordingCheck Check(string? text)
    {
        if (string.IsNullOrEmpty(text)) return new([]);
        var found = new List<string>();
        foreach (var token in Tokens(text))
        {
            var folded = Fold(token);
            if (Words.Contains(folded) || Stems.Any(s => folded.StartsWith(s, StringComparison.Ordinal))) found.Add(token);
        }
        return new(found);
    }

    public static bool IsNeutral(string? text) => Check(text).IsNeutral;

    /// <summary>Lower case, ё as е, Kazakh letters as their Russian look-alikes: the folding street search uses (<see cref="AddressQuery.Normalize"/>).</summary>
    public static string Fold(string word) => AddressQuery.Normalize(word);

    private static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}

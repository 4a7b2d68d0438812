namespace Uchastok.Rules.WeaponSeizures;

/// <summary>One seized item as entered: its category and whichever fields were filled (blank text reads as missing).</summary>
public sealed record SeizureItemDraft(string? Category, int? Count, string? Type, string? Make, string? Model, string? Calibre, string? Series, string? Number)
{
    public string? Text(string field) => field switch
    {
        SeizureItemFields.Type => Type,
        SeizureItemFields.Make => Make,
        SeizureItemFields.Model => Model,
        SeizureItemFields.Calibre => Calibre,
        SeizureItemFields.Series => Series,
        SeizureItemFields.Number => Number,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}

/// <summary>What a seizure says apart from its place (which needs the map, so the web tier checks it).</summary>
public sealed record SeizureDraft(
    DateOnly? SeizedOn, IReadOnlyList<SeizureItemDraft>? Items, IReadOnlyList<int>? Determinants,
    long? ProtocolId, string? ProtocolNumber, string? IncidentNumber);

/// <summary>
/// One refusal: the field (as the API names it: <c>items[0].series</c>), a code the web tier turns into a sentence in the
/// reader's language, and for an item its position (1-based, as a person counts) and category.
/// </summary>
public sealed record SeizureProblem(string Field, string Code, int? Item = null, string? Category = null, string? ItemField = null);

/// <summary>
/// Whether a seizure may be saved (issue 21): a date not in the future; at least one item, each of a category of the paper
/// with every field its category requires (<see cref="SeizureCategories"/>); at least one of the ten determinants; the
/// protocol that recorded it or, until it is in Uchastok, its number as typed; an optional incident number of the
/// register of pre-trial investigations. Every problem is returned at once, so the inspector fixes them in one pass.
/// </summary>
public static class SeizureRule
{
    public const int MaxItems = 50;
    public const int MaxText = 100;
    public const int MaxProtocolNumber = 50;
    /// <summary>One seizure of ammunition may be large (the paper's quarter counts 30,199 rounds), but not absurd.</summary>
    public const int MaxCount = 1_000_000;
    /// <summary>The register of pre-trial investigations (ЕРДР) numbers a case with digits only; 20 leaves room beside its 15.</summary>
    public const int MinIncidentDigits = 5, MaxIncidentDigits = 20;
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static IReadOnlyList<SeizureProblem> Check(SeizureDraft draft, DateOnly today)
    {
        var problems = new List<SeizureProblem>();
        if (draft.SeizedOn is not { } on) problems.Add(new("seizedOn", "required"));
        else if (on > today) problems.Add(new("seizedOn", "future"));
        else if (on < Earliest) problems.Add(new("seizedOn", "tooOld"));

        var items = draft.Items ?? [];
        if (items.Count == 0) problems.Add(new("items", "none"));
        else if (items.Count > MaxItems) problems.Add(new("items", "tooMany"));
        else for (var i = 0; i < items.Count; i++) CheckItem(items[i], i, problems);

        var determinants = draft.Determinants ?? [];
        if (determinants.Count == 0) problems.Add(new("determinants", "none"));
        else if (determinants.Any(d => SeizureDeterminants.Find(d) is null)) problems.Add(new("determinants", "unknown"));

        var number = Trimmed(draft.ProtocolNumber);
        if (draft.ProtocolId is null && number is null) problems.Add(new("protocolNumber", "protocolRequired"));
        else if (number is { Length: > MaxProtocolNumber }) problems.Add(new("protocolNumber", "tooLong"));

        if (Trimmed(draft.IncidentNumber) is { } incident && !IsIncidentNumber(incident)) problems.Add(new("incidentNumber", "incidentFormat"));
        return problems;
    }

    public static bool IsIncidentNumber(string text) =>
        text.Length is >= MinIncidentDigits and <= MaxIncidentDigits && text.All(char.IsAsciiDigit);

    /// <summary>Text as it is kept: trimmed, and blank as nothing.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void CheckItem(SeizureItemDraft item, int index, List<SeizureProblem> problems)
    {
        var at = $"items[{index}]";
        if (SeizureCategories.Find(item.Category) is not { } category)
        {
            problems.Add(new($"{at}.category", "category", index + 1));
            return;
        }
        foreach (var field in SeizureItemFields.Texts)
        {
            var text = Trimmed(item.Text(field));
            if (text is null && category.Required.Contains(field)) problems.Add(new($"{at}.{field}", "required", index + 1, category.Code, field));
            else if (text is { Length: > MaxText }) problems.Add(new($"{at}.{field}", "tooLong", index + 1, category.Code, field));
        }
        var count = CountOf(item, category);
        if (count is null) problems.Add(new($"{at}.count", "required", index + 1, category.Code, SeizureItemFields.Count));
        else if (category.Firearm && count != 1) problems.Add(new($"{at}.count", "firearmOne", index + 1, category.Code, SeizureItemFields.Count));
        else if (count is < 1 or > MaxCount) problems.Add(new($"{at}.count", "countRange", index + 1, category.Code, SeizureItemFields.Count));
    }

    /// <summary>The count kept for an item: a firearm is one unless something else was typed; other categories as entered.</summary>
    public static int? CountOf(SeizureItemDraft item, SeizureCategory category) => category.Firearm ? item.Count ?? 1 : item.Count;
}

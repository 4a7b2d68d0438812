namespace Uchastok.Rules.Safety;

/// <summary>
/// What an incident is about (issue 19, C12): the five kinds the quick report offers, and <see cref="Alarm"/>, which only an
/// SOS device's event carries (a resident cannot choose it: it is not in <see cref="SafetyCategories.All"/>).
/// </summary>
public enum SafetyCategory { SuspiciousBehaviour, YardSafety, UnlitPlace, DrunkDriving, Other, Alarm }

/// <summary>The categories by the names the API and the form use, and the limits of a quick report.</summary>
public static class SafetyCategories
{
    /// <summary>A quick report is a note, not a statement: a phone screen's worth of text.</summary>
    public const int MaxTextLength = 1000;

    public const int MaxAddressLength = 200;

    /// <summary>The categories a resident chooses from; <see cref="SafetyCategory.Alarm"/> is a device's only.</summary>
    public static readonly IReadOnlyList<SafetyCategory> All =
        [SafetyCategory.SuspiciousBehaviour, SafetyCategory.YardSafety, SafetyCategory.UnlitPlace, SafetyCategory.DrunkDriving, SafetyCategory.Other];

    public static string ApiName(SafetyCategory category) => category switch
    {
        SafetyCategory.SuspiciousBehaviour => "suspicious-behaviour",
        SafetyCategory.YardSafety => "yard-safety",
        SafetyCategory.UnlitPlace => "unlit-place",
        SafetyCategory.DrunkDriving => "drunk-driving",
        SafetyCategory.Alarm => "alarm",
        _ => "other",
    };

    /// <summary>The category a name stands for, ignoring case and surrounding spaces; null for anything else (numbers included, so a reordered enum cannot change what a client sent).</summary>
    public static SafetyCategory? Parse(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        foreach (var category in All)
            if (string.Equals(ApiName(category), trimmed, StringComparison.OrdinalIgnoreCase)) return category;
        return null;
    }
}

namespace Uchastok.Rules.Safety;

/// <summary>What a resident's quick report is about (issue 19, C12): the five kinds the quick report offers.</summary>
public enum SafetyCategory { SuspiciousBehaviour, YardSafety, UnlitPlace, DrunkDriving, Other }

/// <summary>The categories by the names the API and the form use, and the limits of a quick report.</summary>
public static class SafetyCategories
{
    /// <summary>A quick report is a note, not a statement: a phone screen's worth of text.</summary>
    public const int MaxTextLength = 1000;

    public const int MaxAddressLength = 200;

    public static readonly IReadOnlyList<SafetyCategory> All = Enum.GetValues<SafetyCategory>();

    public static string ApiName(SafetyCategory category) => category switch
    {
        SafetyCategory.SuspiciousBehaviour => "suspicious-behaviour",
        SafetyCategory.YardSafety => "yard-safety",
        SafetyCategory.UnlitPlace => "unlit-place",
        SafetyCategory.DrunkDriving => "drunk-driving",
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

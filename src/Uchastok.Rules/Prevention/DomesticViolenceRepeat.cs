namespace Uchastok.Rules.Prevention;

/// <summary>
/// A domestic-violence case as repeat detection sees it. <paramref name="AddressKey"/> is the
/// caller's key for the place (a gazetteer address id, or a normalised address text), null when
/// unknown; <paramref name="PersonA"/> and <paramref name="PersonB"/> are the register's person ids
/// of the two people involved, in any order, null when not identified.
/// </summary>
public sealed record DvCaseSighting(long CaseId, DateOnly DetectedOn, string? AddressKey, long? PersonA, long? PersonB);

/// <summary>Why an earlier case makes this one a repeat.</summary>
[Flags]
public enum DvRepeatReason { None = 0, SameAddress = 1, SamePersons = 2 }

public sealed record DvRepeatMatch(long CaseId, DateOnly DetectedOn, DvRepeatReason Reasons);

/// <summary>
/// Flags a repeat: another case at the same address, or between the same two persons, detected
/// within the window before or after this one (cases are sometimes entered late, so later ones count
/// too). The document gives no window ("preventing repeated situations", Korzhumbaeva, has no
/// term), so it is a setting an administrator enters with its source: there is no default.
/// </summary>
public static class DomesticViolenceRepeat
{
    public static IReadOnlyList<DvRepeatMatch> Find(DvCaseSighting current, IEnumerable<DvCaseSighting> others, CalendarPeriod window)
    {
        if (!window.IsWithinBounds) throw new ArgumentOutOfRangeException(nameof(window), window, "The repeat window is a required positive setting.");
        var from = window.AddTo(current.DetectedOn, -1);
        var to = window.AddTo(current.DetectedOn);
        var pair = Pair(current);
        var address = Normalise(current.AddressKey);

        var matches = new List<DvRepeatMatch>();
        foreach (var other in others)
        {
            if (other.CaseId == current.CaseId || other.DetectedOn < from || other.DetectedOn > to) continue;
            var reasons = DvRepeatReason.None;
            if (address is not null && address == Normalise(other.AddressKey)) reasons |= DvRepeatReason.SameAddress;
            if (pair is not null && pair == Pair(other)) reasons |= DvRepeatReason.SamePersons;
            if (reasons != DvRepeatReason.None) matches.Add(new(other.CaseId, other.DetectedOn, reasons));
        }
        return matches.OrderByDescending(m => m.DetectedOn).ThenBy(m => m.CaseId).ToList();
    }

    /// <summary>The two persons as an unordered pair; null unless both are known and distinct.</summary>
    private static (long, long)? Pair(DvCaseSighting sighting) =>
        sighting is { PersonA: { } a, PersonB: { } b } && a != b ? (Math.Min(a, b), Math.Max(a, b)) : null;

    private static string? Normalise(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null : string.Join(' ', key.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}

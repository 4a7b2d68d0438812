using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Prevention;

/// <summary>
/// A person on the register as duplicate detection sees it. <paramref name="IinKey"/> is whatever the
/// caller compares IINs by: the keyed hash it stores beside the encrypted IIN, so no row is decrypted
/// to search. Null when the entry has no IIN.
/// </summary>
public sealed record PreventionPersonKey(long EntryId, string? IinKey, string FullName, DateOnly BirthDate);

public enum DuplicateReason { SameIin, SameNameAndBirthDate }

public sealed record PreventionDuplicate(long EntryId, DuplicateReason Reason);

/// <summary>
/// Possible duplicates of a person across the city, for the supervisor to look at; never merged by
/// the rules. When both entries have an IIN, the IIN alone decides: two people may share a name and a
/// birth date, one person never has two IINs. When either has none, the name (case, ё, Kazakh
/// letters, hyphens and spacing folded) and the birth date decide.
/// </summary>
public static class PreventionDuplicates
{
    public static IReadOnlyList<PreventionDuplicate> Find(PreventionPersonKey person, IEnumerable<PreventionPersonKey> register)
    {
        var name = NameKey(person.FullName);
        var found = new List<PreventionDuplicate>();
        foreach (var other in register)
        {
            if (other.EntryId == person.EntryId) continue;
            if (person.IinKey is { Length: > 0 } mine && other.IinKey is { Length: > 0 } theirs)
            {
                if (string.Equals(mine, theirs, StringComparison.Ordinal)) found.Add(new(other.EntryId, DuplicateReason.SameIin));
            }
            else if (other.BirthDate == person.BirthDate && NameKey(other.FullName) == name)
            {
                found.Add(new(other.EntryId, DuplicateReason.SameNameAndBirthDate));
            }
        }
        return found.OrderBy(d => d.EntryId).ToList();
    }

    /// <summary>A name as compared: lower case, ё as е, Kazakh letters as their Russian look-alikes, hyphens and dots as spaces, single spaces (<see cref="AddressQuery.Normalize"/>).</summary>
    public static string NameKey(string fullName) => AddressQuery.Normalize(fullName);
}

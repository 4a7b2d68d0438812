namespace Uchastok.Rules.Weapons;

/// <summary>Who holds a weapon in civil circulation: a person (with an IIN) or an organisation (with a BIN).</summary>
public enum WeaponHolderKind { Person, Organisation }

/// <summary>What kind of civilian weapon a permit covers, by its API name. A product list, not a legal classification.</summary>
public enum CivilWeaponKind { SmoothboreGun, RifledGun, CombinedGun, Pistol, Revolver, Gas, Traumatic, Other }

/// <summary>Whether the permit was checked against the issuer's register (the paper's third determinant is forged permits).</summary>
public enum PermitVerification { Unverified, Verified, ForgedSuspected }

/// <summary>Where weapons are kept that the inspector checks (the paper's second measure: organisations and production sites).</summary>
public enum StorageSiteKind { Organisation, ProductionSite, SecurityCompany, ShootingRange, Shop }

/// <summary>The answer to one checklist item at an inspection.</summary>
public enum ChecklistAnswer { Met, NotMet, NotApplicable }

/// <summary>API names (kebab-case) of the vocabularies; numbers and enum names are refused, so the API speaks one language.</summary>
public static class WeaponsNames
{
    public static string Of<T>(T value) where T : struct, Enum => Kebab(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(Of(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>The value of a name the rules have already accepted; a name they refused is a programming error.</summary>
    public static T Parse<T>(string? text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new ArgumentException($"Not a {typeof(T).Name}: {text}", nameof(text));

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToList();

    private static string Kebab(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }
}

using Uchastok.Rules.Identity;

namespace Uchastok.Rules.Weapons;

/// <summary>A holder and one weapon with its permit, as typed on the page, sent to the API or read from a CSV row.</summary>
public sealed record WeaponHolderInput(
    string? HolderKind, string? Name, string? Iin, string? Bin, string? Address, string? Beat,
    string? WeaponKind, string? Make, string? Model, string? Calibre, string? SerialNumber,
    string? PermitNumber, string? Issuer, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>Why a field was refused; the module turns each into a sentence in the reader's language.</summary>
public enum WeaponFieldProblem
{
    Required, TooLong, UnknownHolderKind, UnknownWeaponKind, InvalidIin, InvalidBin, IinForOrganisation, BinForPerson, ValidToBeforeValidFrom,
}

/// <summary>
/// What a holder row must carry: every field of the holder, the weapon and the permit is required, as the permit
/// itself names them; a person may have an IIN (checked by its check digit), an organisation must have a BIN (the same
/// twelve-digit scheme). Dates are kept as entered or imported: the rule checks only that the permit does not end
/// before it begins, and never computes a term (the document gives none).
/// </summary>
public static class WeaponHolderRules
{
    public const int NameMax = 200, AddressMax = 200, ShortMax = 100;

    public static IReadOnlyList<(string Field, WeaponFieldProblem Problem)> Validate(WeaponHolderInput input)
    {
        var problems = new List<(string, WeaponFieldProblem)>();
        var kindKnown = WeaponsNames.TryParse<WeaponHolderKind>(input.HolderKind, out var kind);
        if (string.IsNullOrWhiteSpace(input.HolderKind)) problems.Add(("holderKind", WeaponFieldProblem.Required));
        else if (!kindKnown) problems.Add(("holderKind", WeaponFieldProblem.UnknownHolderKind));
        Text(problems, "name", input.Name, NameMax);
        Text(problems, "address", input.Address, AddressMax);
        Text(problems, "beat", input.Beat, ShortMax);
        if (kindKnown && kind == WeaponHolderKind.Person)
        {
            if (!string.IsNullOrWhiteSpace(input.Bin)) problems.Add(("bin", WeaponFieldProblem.BinForPerson));
            if (!string.IsNullOrWhiteSpace(input.Iin) && !Iin.IsValid(input.Iin)) problems.Add(("iin", WeaponFieldProblem.InvalidIin));
        }
        if (kindKnown && kind == WeaponHolderKind.Organisation)
        {
            if (!string.IsNullOrWhiteSpace(input.Iin)) problems.Add(("iin", WeaponFieldProblem.IinForOrganisation));
            if (string.IsNullOrWhiteSpace(input.Bin)) problems.Add(("bin", WeaponFieldProblem.Required));
            else if (!IsValidBin(input.Bin)) problems.Add(("bin", WeaponFieldProblem.InvalidBin));
        }
        if (string.IsNullOrWhiteSpace(input.WeaponKind)) problems.Add(("weaponKind", WeaponFieldProblem.Required));
        else if (!WeaponsNames.TryParse<CivilWeaponKind>(input.WeaponKind, out _)) problems.Add(("weaponKind", WeaponFieldProblem.UnknownWeaponKind));
        Text(problems, "make", input.Make, ShortMax);
        Text(problems, "model", input.Model, ShortMax);
        Text(problems, "calibre", input.Calibre, ShortMax);
        Text(problems, "serialNumber", input.SerialNumber, ShortMax);
        Text(problems, "permitNumber", input.PermitNumber, ShortMax);
        Text(problems, "issuer", input.Issuer, NameMax);
        if (input.ValidFrom is null) problems.Add(("validFrom", WeaponFieldProblem.Required));
        if (input.ValidTo is null) problems.Add(("validTo", WeaponFieldProblem.Required));
        if (input.ValidFrom is { } from && input.ValidTo is { } to && to < from) problems.Add(("validTo", WeaponFieldProblem.ValidToBeforeValidFrom));
        return problems;
    }

    /// <summary>
    /// A business identification number (БИН / БСН): twelve digits whose last is the check digit computed as for an
    /// IIN. Its first six digits are a registration year and month, not a birth date, so only the length, the digits
    /// and the check digit are tested.
    /// </summary>
    public static bool IsValidBin(string? value)
    {
        var bin = (value ?? string.Empty).Trim();
        if (bin.Length != 12 || !bin.All(char.IsAsciiDigit)) return false;
        return Iin.CheckDigit(bin[..11]) is { } check && check == bin[11] - '0';
    }

    private static void Text(List<(string, WeaponFieldProblem)> problems, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add((field, WeaponFieldProblem.Required));
        else if (value.Trim().Length > max) problems.Add((field, WeaponFieldProblem.TooLong));
    }
}

namespace Uchastok.Rules.Weapons;

/// <summary>Why an import row was refused; each is reported with the row number.</summary>
public enum HolderRowRefusal { MissingField, InvalidField, BadDate, UnknownBeat, OutsideScope, DuplicateInFile, AlreadyOnRegister }

public sealed record HolderRowRefused(int Row, HolderRowRefusal Reason, string Field);

/// <summary>
/// Reads one CSV row of holders: the columns are named (<see cref="Columns"/>), dates are ISO (2026-12-07) or
/// dd.MM.yyyy as printed on a permit. The row is then checked by <see cref="WeaponHolderRules"/>; the first problem
/// names the refusal. No I/O: the command gives a function that reads a field by its column name.
/// </summary>
public static class WeaponHolderRows
{
    public static readonly IReadOnlyList<string> Columns =
        ["holder_kind", "name", "iin", "bin", "address", "beat", "weapon_kind", "make", "model", "calibre", "serial_number", "permit_number", "issuer", "valid_from", "valid_to"];

    /// <summary>The columns a file must have; iin and bin may be absent when every row is of the other kind.</summary>
    public static readonly IReadOnlyList<string> Required =
        ["holder_kind", "name", "address", "beat", "weapon_kind", "make", "model", "calibre", "serial_number", "permit_number", "issuer", "valid_from", "valid_to"];

    public static (WeaponHolderInput? Input, HolderRowRefused? Refusal) Read(int row, Func<string, string?> field)
    {
        DateOnly? from = null, to = null;
        foreach (var (name, set) in new (string, Action<DateOnly?>)[] { ("valid_from", d => from = d), ("valid_to", d => to = d) })
        {
            var text = field(name)?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (!TryDate(text, out var date)) return (null, new HolderRowRefused(row, HolderRowRefusal.BadDate, name));
            set(date);
        }
        var input = new WeaponHolderInput(field("holder_kind"), field("name"), Blank(field("iin")), Blank(field("bin")), field("address"), field("beat"),
            field("weapon_kind"), field("make"), field("model"), field("calibre"), field("serial_number"), field("permit_number"), field("issuer"), from, to);
        var problems = WeaponHolderRules.Validate(input);
        if (problems.Count == 0) return (input, null);
        var (first, problem) = problems[0];
        var column = ColumnOf(first);
        return (null, new HolderRowRefused(row, problem == WeaponFieldProblem.Required ? HolderRowRefusal.MissingField : HolderRowRefusal.InvalidField, column));
    }

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    /// <summary>The CSV column of an input field (serialNumber → serial_number).</summary>
    public static string ColumnOf(string field) =>
        string.Concat(field.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

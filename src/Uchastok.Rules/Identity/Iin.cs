namespace Uchastok.Rules.Identity;

/// <summary>Why an individual identification number (ИИН / ЖСН) was refused.</summary>
public enum IinProblem
{
    None,
    WrongLength,
    NotDigits,
    InvalidBirthDate,
    InvalidCenturyDigit,
    ChecksumMismatch,
    /// <summary>Both checksum passes give 10: no valid IIN can have these first eleven digits.</summary>
    ChecksumUndefined,
}

/// <summary>
/// The Kazakhstan individual identification number: YYMMDD, a century/sex digit (1–6),
/// four serial digits and a check digit computed with weights 1..11, or, when that sum
/// mod 11 is 10, with weights 3..11,1,2.
/// </summary>
public static class Iin
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    public static IinProblem Validate(string? value)
    {
        var iin = (value ?? string.Empty).Trim();
        if (iin.Length != 12) return IinProblem.WrongLength;
        if (!iin.All(char.IsAsciiDigit)) return IinProblem.NotDigits;

        var centuryDigit = iin[6] - '0';
        if (centuryDigit is < 1 or > 6) return IinProblem.InvalidCenturyDigit;
        if (BirthDate(iin) is null) return IinProblem.InvalidBirthDate;

        var check = CheckDigit(iin);
        if (check is null) return IinProblem.ChecksumUndefined;
        return check == iin[11] - '0' ? IinProblem.None : IinProblem.ChecksumMismatch;
    }

    public static bool IsValid(string? value) => Validate(value) == IinProblem.None;

    /// <summary>The check digit for the first eleven digits, or null when both passes give 10.</summary>
    public static int? CheckDigit(string firstElevenDigits)
    {
        var first = WeightedSum(firstElevenDigits, FirstWeights) % 11;
        if (first != 10) return first;
        var second = WeightedSum(firstElevenDigits, SecondWeights) % 11;
        return second == 10 ? null : second;
    }

    /// <summary>The birth date the IIN encodes, or null if it is not twelve digits or not a calendar date.</summary>
    public static DateOnly? BirthDate(string iin)
    {
        if (iin.Length != 12 || !iin.All(char.IsAsciiDigit)) return null;
        var centuryDigit = iin[6] - '0';
        var century = centuryDigit switch { 1 or 2 => 1800, 3 or 4 => 1900, 5 or 6 => 2000, _ => 0 };
        if (century == 0) return null;
        var year = century + int.Parse(iin.AsSpan(0, 2), provider: null);
        var month = int.Parse(iin.AsSpan(2, 2), provider: null);
        var day = int.Parse(iin.AsSpan(4, 2), provider: null);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>Shows only what a person needs to recognise their own number: 900101*****7.</summary>
    public static string Mask(string iin) =>
        iin.Length == 12 ? string.Concat(iin.AsSpan(0, 6), "*****", iin.AsSpan(11, 1)) : "************";

    private static int WeightedSum(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++) sum += (digits[i] - '0') * weights[i];
        return sum;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Uchastok.Rules.Appeals;

/// <summary>The tracking number a resident quotes: city code, year of receipt, sequence in that year (ALM-2026-000123).</summary>
public static partial class AppealNumber
{
    public static string Format(string cityCode, int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{cityCode.ToUpperInvariant()}-{year:0000}-{sequence:000000}");

    /// <summary>Reads a number as a person may type it: any case, spaces around, an en dash for a hyphen.</summary>
    public static bool TryNormalize(string? text, out string number)
    {
        number = string.Empty;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var candidate = text.Trim().Replace('–', '-').Replace('—', '-').ToUpperInvariant();
        if (!Pattern().IsMatch(candidate)) return false;
        number = candidate;
        return true;
    }

    [GeneratedRegex(@"^[A-Z]{3}-\d{4}-\d{6,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Globalization;

namespace Uchastok.Rules.Trust;

/// <summary>
/// A calendar quarter in Kazakhstan time: the period surveys are counted in, trust is reported in
/// and inspectors are evaluated in. Written "2026-Q4".
/// </summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public DateOnly First => new(Year, (Number - 1) * 3 + 1, 1);

    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>The last <paramref name="count"/> quarters up to and including this one, oldest first.</summary>
    public IReadOnlyList<Quarter> Trailing(int count)
    {
        var quarters = new List<Quarter> { this };
        while (quarters.Count < count) quarters.Insert(0, quarters[0].Previous);
        return quarters;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 7 } || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'Q') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100) return false;
        if (text[6] is < '1' or > '4') return false;
        quarter = new(year, text[6] - '0');
        return true;
    }

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));
}

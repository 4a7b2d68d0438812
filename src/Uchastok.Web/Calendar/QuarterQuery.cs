using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Calendar;

public static class QuarterQuery
{
    /// <summary>The quarter a page or API call names (<c>2026-Q3</c>), or the current one in Almaty when none is named; null when the text is not a quarter.</summary>
    public static Quarter? Parse(string? text, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(text) ? Quarter.Of(KazakhstanTime.Today(clock)) : Quarter.TryParse(text.Trim(), out var q) ? q : null;
}

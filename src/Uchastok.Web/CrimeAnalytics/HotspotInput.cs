using System.Globalization;
using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Web.CrimeAnalytics;

/// <summary>A query string's problem: the resource key and its arguments, told to the caller in his language.</summary>
public sealed record HotspotInputProblem(string Key, params object[] Arguments);

/// <summary>
/// Reads the query of the hotspot map and charts (page and API alike): scope and id, the months from and to
/// (<c>yyyy-MM</c>, at most <see cref="MaxMonths"/>), and a category code or none. Months left out default to the twelve
/// months up to <c>defaultTo</c>.
/// </summary>
public static class HotspotInput
{
    public const int MaxMonths = 60;
    public const int DefaultMonths = 12;

    public static (HotspotFilter? Filter, HotspotInputProblem? Problem) Read(
        string? scope, string? id, string? from, string? to, string? category, IncidentCategoryMap categories, DateOnly defaultTo)
    {
        HotspotScopeKind kind;
        switch (scope?.Trim().ToLowerInvariant())
        {
            case "beat": kind = HotspotScopeKind.Beat; break;
            case "district": kind = HotspotScopeKind.District; break;
            case "city": kind = HotspotScopeKind.City; break;
            default: return (null, new("Hotspots.BadScope", scope ?? string.Empty));
        }
        int? areaId = null;
        if (kind != HotspotScopeKind.City)
        {
            if (string.IsNullOrWhiteSpace(id)) return (null, new("Hotspots.IdRequired"));
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0) return (null, new("Hotspots.BadId", id));
            areaId = parsed;
        }
        DateOnly? first = null, last = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (Month(from) is not { } f) return (null, new("Hotspots.BadMonth", from));
            first = f;
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (Month(to) is not { } t) return (null, new("Hotspots.BadMonth", to));
            last = t;
        }
        // From alone: a year from it, but not past the latest month with incidents — unless "from" is itself later, when the
        // period is that month (never a reversed period the user did not write).
        var latestMonth = new DateOnly(defaultTo.Year, defaultTo.Month, 1);
        last ??= first is { } start ? (start.AddMonths(DefaultMonths - 1) < latestMonth ? start.AddMonths(DefaultMonths - 1) : start > latestMonth ? start : latestMonth) : latestMonth;
        first ??= last.Value.AddMonths(-(DefaultMonths - 1));
        if (last < first) return (null, new("Hotspots.PeriodReversed", first.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture), last.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        if (Months(first.Value, last.Value) > MaxMonths) return (null, new("Hotspots.PeriodTooLong", MaxMonths));
        string? code = null;
        if (!string.IsNullOrWhiteSpace(category) && !string.Equals(category.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            code = category.Trim().ToLowerInvariant();
            if (!categories.Contains(code)) return (null, new("Hotspots.UnknownCategory", category));
        }
        return (new HotspotFilter(kind, areaId, first.Value, last.Value, code), null);
    }

    public static int Months(DateOnly first, DateOnly last) => (last.Year - first.Year) * 12 + last.Month - first.Month + 1;

    public static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly? Month(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 1900 ? month : null;
}

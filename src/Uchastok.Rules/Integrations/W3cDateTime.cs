using System.Globalization;
using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Integrations;

/// <summary>
/// Date-times as GeoReport v2 wants them: the W3C profile of ISO 8601 with the offset always
/// given. Uchastok writes them in Kazakhstan time (UTC+5), which is what residents read.
/// </summary>
public static class W3cDateTime
{
    private static readonly TimeSpan KazakhstanOffset = AlmatyClock.SingleZoneOffset;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    ];

    public static string Format(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(KazakhstanOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// The day of a moment, as the start of that day in Kazakhstan: what the public is told of when
    /// something happened, so that a time to the second cannot be matched with a neighbour's sighting.
    /// </summary>
    public static string Day(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(KazakhstanOffset).Date is var day
            ? new DateTimeOffset(day, KazakhstanOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : string.Empty;

    /// <summary>The end of a due date in Kazakhstan: the moment a decision is expected by.</summary>
    public static string EndOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), KazakhstanOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a date-time that carries its offset (<c>Z</c> or <c>±HH:MM</c>). A bare date is taken
    /// as midnight in Kazakhstan; a time without an offset is refused, as the specification requires one.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), KazakhstanOffset);
            return true;
        }
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}

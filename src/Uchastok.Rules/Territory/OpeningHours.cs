using System.Globalization;
using System.Text.RegularExpressions;

namespace Uchastok.Rules.Territory;

/// <summary>One weekly opening: a set of days and a time range.</summary>
public sealed record OpeningSpan(IReadOnlyList<DayOfWeek> Days, TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// When a reception point receives residents, written in the common subset of OpenStreetMap's
/// <c>opening_hours</c> syntax: <c>24/7</c>, or spans like <c>Mo-Fr 09:00-18:00; Sa 09:00-13:00</c>.
/// Stored as text so administrators can edit it; parsed here so every screen shows it the same way.
/// </summary>
public sealed partial record OpeningHours(bool AroundTheClock, IReadOnlyList<OpeningSpan> Spans)
{
    private static readonly string[] DayCodes = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];

    public static bool TryParse(string? text, out OpeningHours hours)
    {
        hours = new OpeningHours(false, []);
        var value = (text ?? string.Empty).Trim();
        if (value == "24/7")
        {
            hours = new OpeningHours(true, []);
            return true;
        }

        var spans = new List<OpeningSpan>();
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = SpanPattern().Match(part);
            if (!match.Success) return false;
            var days = new List<DayOfWeek>();
            foreach (var range in match.Groups["days"].Value.Split(','))
            {
                var ends = range.Split('-');
                var from = Array.IndexOf(DayCodes, ends[0]);
                var to = Array.IndexOf(DayCodes, ends[^1]);
                if (from < 0 || to < 0) return false;
                for (var d = from; ; d = (d + 1) % 7)
                {
                    days.Add((DayOfWeek)d);
                    if (d == to) break;
                }
            }
            var opens = TimeOnly.ParseExact(match.Groups["opens"].Value, "HH:mm", CultureInfo.InvariantCulture);
            // "24:00" is the end of the day, which TimeOnly cannot hold; any other 24:xx is no time at all.
            var closesText = match.Groups["closes"].Value;
            TimeOnly closes;
            if (closesText == "24:00") closes = TimeOnly.MaxValue;
            else if (!TimeOnly.TryParseExact(closesText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out closes)) return false;
            if (closes <= opens) return false;
            spans.Add(new OpeningSpan(days, opens, closes));
        }
        if (spans.Count == 0) return false;
        hours = new OpeningHours(false, spans);
        return true;
    }

    [GeneratedRegex(@"^(?<days>(Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(,(Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))?)*)\s+(?<opens>([01]\d|2[0-3]):[0-5]\d)-(?<closes>([01]\d|2[0-4]):[0-5]\d)$")]
    private static partial Regex SpanPattern();
}

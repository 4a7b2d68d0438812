using System.Globalization;
using System.Text.RegularExpressions;
using Uchastok.Rules.Calendar;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.BeatDesign;

/// <summary>Why a row of an incident file was not taken; every refused row is reported, none dropped silently.</summary>
public enum IncidentRefusal
{
    /// <summary>No longitude or latitude: police.uk leaves them empty when a crime cannot be mapped.</summary>
    MissingCoordinates,
    BadCoordinates,
    MissingType,
    BadDate,
    /// <summary>A time column is named and its value is not a time of day (an empty one is taken as "no time").</summary>
    BadTime,
    /// <summary>The point lies in no small area of the territory.</summary>
    OutsideTerritory,
}

/// <summary>An incident as read; <paramref name="OccurredAt"/> is its time of day when the file gives one.</summary>
public sealed record IncidentRecord(int Row, string Type, DateOnly OccurredOn, double Latitude, double Longitude, string? ExternalId, TimeOnly? OccurredAt = null);

public sealed record IncidentRowRefusal(int Row, IncidentRefusal Reason, string? Value);

/// <summary>
/// Which columns of a CSV file hold what. <see cref="PoliceUk"/> is the monthly street-level file
/// exactly as police.uk publishes it; any other file names its own columns and date format. The time of day comes
/// from <see cref="Time"/> when a column is named, else from the date column when its value carries a time
/// ("2012-07-01 14:30:00"); a date alone (or police.uk's month) gives none.
/// </summary>
public sealed record IncidentColumns(string Longitude, string Latitude, string Type, string Date, string? Id = null, string? DateFormat = null, string? Time = null)
{
    public static readonly IncidentColumns PoliceUk = new("Longitude", "Latitude", "Crime type", "Month", "Crime ID", "yyyy-MM");

    public IEnumerable<string> Required => [Longitude, Latitude, Type, Date];
}

/// <summary>Reads one row of an incident file into an incident, or says why not.</summary>
public static partial class IncidentRows
{
    // Dates alone are tried first: a value they read has no time of day, even though DateTime would say midnight.
    private static readonly string[] DayFormats = ["yyyy-MM", "yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy", "yyyy/MM/dd"];
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "yyyy/MM/dd HH:mm"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss", "HHmm"];
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal;

    public static (IncidentRecord? Record, IncidentRowRefusal? Refusal) Read(int row, Func<string, string?> field, IncidentColumns columns)
    {
        var (lonText, latText) = (field(columns.Longitude)?.Trim(), field(columns.Latitude)?.Trim());
        if (string.IsNullOrEmpty(lonText) || string.IsNullOrEmpty(latText)) return (null, new(row, IncidentRefusal.MissingCoordinates, null));
        if (!Coordinates.TryParse(latText, lonText, out var lat, out var lon))
            return (null, new(row, IncidentRefusal.BadCoordinates, $"{lonText}, {latText}"));
        var type = field(columns.Type)?.Trim();
        if (string.IsNullOrEmpty(type)) return (null, new(row, IncidentRefusal.MissingType, null));
        var dateText = field(columns.Date)?.Trim();
        if (string.IsNullOrEmpty(dateText) || ReadDate(dateText, columns.DateFormat) is not var (date, timeInDate))
            return (null, new(row, IncidentRefusal.BadDate, dateText));
        var time = timeInDate;
        if (columns.Time is not null)
        {
            var timeText = field(columns.Time)?.Trim();
            if (!string.IsNullOrEmpty(timeText))
            {
                if (!TimeOnly.TryParseExact(timeText, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var given))
                    return (null, new(row, IncidentRefusal.BadTime, timeText));
                time = given;
            }
        }
        var id = columns.Id is null ? null : field(columns.Id)?.Trim();
        return (new IncidentRecord(row, type.Length > 80 ? type[..80] : type, date, lat, lon, string.IsNullOrEmpty(id) ? null : id[..Math.Min(id.Length, 100)], time), null);
    }

    /// <summary>The day, and the time of day when the value carries one; null when the value is not a date.</summary>
    public static (DateOnly Day, TimeOnly? Time)? ReadDate(string text, string? format = null)
    {
        if (format is { Length: > 0 })
        {
            // A value that carries an offset (a format with K or z, and the text ending in one) is an instant: it is read on
            // Almaty's clock, the territory every imported incident lies in. A value without one is the clock as written.
            if (!DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var given)) return null;
            var instant = (format.Contains('K', StringComparison.Ordinal) || format.Contains('z', StringComparison.Ordinal)) && TrailingOffset().IsMatch(text.Trim());
            var exact = instant ? AlmatyClock.WallClock(given) : given.DateTime;
            var hasTime = format.Contains('H', StringComparison.Ordinal) || format.Contains('h', StringComparison.Ordinal);
            return (DateOnly.FromDateTime(exact), hasTime ? TimeOnly.FromDateTime(exact) : null);
        }
        if (DateTime.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, Styles, out var day)) return (DateOnly.FromDateTime(day), null);
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, Styles, out var moment)) return (DateOnly.FromDateTime(moment), TimeOnly.FromDateTime(moment));
        // With an offset (Z, +06:00), an instant: the day and hour are those Almaty's clock showed, whatever zone the source wrote in.
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var stamped))
        {
            var local = AlmatyClock.WallClock(stamped);
            return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        }
        return null;
    }

    /// <summary>An offset at the end of a date-time: Z, +05:00, -0300, +06.</summary>
    [GeneratedRegex(@"(?:Z|[+-]\d{2}(?::?\d{2})?)$")]
    private static partial Regex TrailingOffset();
}

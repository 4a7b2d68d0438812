using System.Globalization;
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
    /// <summary>The point lies in no small area of the territory.</summary>
    OutsideTerritory,
}

public sealed record IncidentRecord(int Row, string Type, DateOnly OccurredOn, double Latitude, double Longitude, string? ExternalId);

public sealed record IncidentRowRefusal(int Row, IncidentRefusal Reason, string? Value);

/// <summary>
/// Which columns of a CSV file hold what. <see cref="PoliceUk"/> is the monthly street-level file
/// exactly as police.uk publishes it; any other file names its own columns and date format.
/// </summary>
public sealed record IncidentColumns(string Longitude, string Latitude, string Type, string Date, string? Id = null, string? DateFormat = null)
{
    public static readonly IncidentColumns PoliceUk = new("Longitude", "Latitude", "Crime type", "Month", "Crime ID", "yyyy-MM");

    public IEnumerable<string> Required => [Longitude, Latitude, Type, Date];
}

/// <summary>Reads one row of an incident file into an incident, or says why not.</summary>
public static class IncidentRows
{
    private static readonly string[] DateFormats = ["yyyy-MM", "yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "MM/dd/yyyy"];

    public static (IncidentRecord? Record, IncidentRowRefusal? Refusal) Read(int row, Func<string, string?> field, IncidentColumns columns)
    {
        var (lonText, latText) = (field(columns.Longitude)?.Trim(), field(columns.Latitude)?.Trim());
        if (string.IsNullOrEmpty(lonText) || string.IsNullOrEmpty(latText)) return (null, new(row, IncidentRefusal.MissingCoordinates, null));
        if (!Coordinates.TryParse(latText, lonText, out var lat, out var lon))
            return (null, new(row, IncidentRefusal.BadCoordinates, $"{lonText}, {latText}"));
        var type = field(columns.Type)?.Trim();
        if (string.IsNullOrEmpty(type)) return (null, new(row, IncidentRefusal.MissingType, null));
        var dateText = field(columns.Date)?.Trim();
        var formats = columns.DateFormat is { Length: > 0 } given ? [given] : DateFormats;
        if (string.IsNullOrEmpty(dateText) || !DateTime.TryParseExact(dateText, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var date))
            return (null, new(row, IncidentRefusal.BadDate, dateText));
        var id = columns.Id is null ? null : field(columns.Id)?.Trim();
        return (new IncidentRecord(row, type.Length > 80 ? type[..80] : type, DateOnly.FromDateTime(date), lat, lon, string.IsNullOrEmpty(id) ? null : id[..Math.Min(id.Length, 100)]), null);
    }
}

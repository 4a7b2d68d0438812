using System.Globalization;

namespace Uchastok.Rules.Territory;

/// <summary>
/// The one reading of a point given as text (a query string, a form, an Open311 request, a CSV row):
/// decimal degrees with a dot, in the invariant culture whatever the server's or the user's, finite,
/// latitude within ±90 and longitude within ±180. A decimal comma ("43,25") is refused rather than
/// guessed at: in a query or a CSV row the comma is as likely a separator as a decimal mark.
/// </summary>
public static class Coordinates
{
    public static bool TryParse(string? latitudeText, string? longitudeText, out double latitude, out double longitude)
    {
        longitude = 0;
        return TryParseNumber(latitudeText, out latitude) && TryParseNumber(longitudeText, out longitude) && AreValid(latitude, longitude);
    }

    /// <summary>Whether a point is on the globe: both finite, latitude within ±90, longitude within ±180.</summary>
    public static bool AreValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    private static bool TryParseNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

using System.Text.RegularExpressions;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Integrations;

/// <summary>What a public reader may learn of one appeal, decided by <see cref="PublicDisclosure.Decide"/>.</summary>
public sealed record Disclosure(bool Listed, bool ShowText, double? Latitude, double? Longitude);

/// <summary>The facts about an appeal that decide its disclosure.</summary>
public sealed record DisclosureFacts(
    bool AboutPoliceOfficer, bool SensitiveCategory, bool PublishConsent,
    double? Latitude, double? Longitude, double? BeatCentreLatitude, double? BeatCentreLongitude);

/// <summary>
/// How appeals are shown to the public (Open311 GET, and any later public list): never a name,
/// contact or IIN, and never the exact place. Personal data law (No. 94-V) asks for the minimum;
/// the applicant decides the rest:
/// <list type="bullet">
/// <item>a complaint about a police officer is not shown at all: the officer concerned must not learn of it;</item>
/// <item>with the applicant's consent to publish, and outside the sensitive categories (domestic conflict,
/// minors…), the text is shown with contacts and the applicant's own name blanked out, and the point
/// is moved to the centre of its 100 m grid cell;</item>
/// <item>otherwise the text stays private and the point shown is the beat's centre, a public place
/// shared by several thousand residents.</item>
/// <item>The place is named by beat and district, never by street and house.</item>
/// </list>
/// </summary>
public static partial class PublicDisclosure
{
    public const double GridMetres = 100;
    public const int MaxTextLength = 4000;
    public const string Blank = "***";

    public static Disclosure Decide(DisclosureFacts facts)
    {
        if (facts.AboutPoliceOfficer) return new Disclosure(false, false, null, null);
        if (facts.PublishConsent && !facts.SensitiveCategory && facts.Latitude is { } lat && facts.Longitude is { } lon)
        {
            var (gridLat, gridLon) = SnapToGrid(lat, lon);
            return new Disclosure(true, true, gridLat, gridLon);
        }
        var showText = facts.PublishConsent && !facts.SensitiveCategory;
        return new Disclosure(true, showText, facts.BeatCentreLatitude, facts.BeatCentreLongitude);
    }

    /// <summary>The centre of the grid cell of about <paramref name="metres"/> × <paramref name="metres"/> holding the point.</summary>
    public static (double Latitude, double Longitude) SnapToGrid(double latitude, double longitude, double metres = GridMetres)
    {
        var latitudeStep = metres / GeoMeasure.MetresPerDegreeLatitude;
        var centreLatitude = (Math.Floor(latitude / latitudeStep) + 0.5) * latitudeStep;
        // Columns are as wide as the cell's row is long at its centre latitude, so a cell is square on the ground.
        var longitudeStep = metres / GeoMeasure.MetresPerDegreeLongitude(centreLatitude);
        var centreLongitude = (Math.Floor(longitude / longitudeStep) + 0.5) * longitudeStep;
        return (Math.Round(centreLatitude, 6), Math.Round(centreLongitude, 6));
    }

    /// <summary>
    /// The text with e-mail addresses, phone numbers and other long digit runs (an IIN is 12 digits)
    /// and the given personal words (the applicant's names) blanked out, cut to 4,000 characters.
    /// </summary>
    public static string Redact(string text, IEnumerable<string?> personalWords) => new Redactor(personalWords).Redact(text);

    /// <summary>
    /// The same blanking for many texts with the same personal words (a beat's survey answers and
    /// the district's officers' names): the words are made into one pattern once.
    /// </summary>
    public sealed class Redactor
    {
        private readonly Regex? _words;

        public Redactor(IEnumerable<string?> personalWords)
        {
            var words = personalWords.Where(w => !string.IsNullOrWhiteSpace(w)).SelectMany(w => Words().Matches(w!)).Select(m => m.Value)
                .Where(w => w.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (words.Count == 0) return;
            // Names are inflected in Kazakh and Russian (Асқаровқа, Петрова): longer names are blanked with their endings.
            var alternatives = words.OrderByDescending(w => w.Length)
                .Select(w => w.Length >= 4 ? $@"{Regex.Escape(w)}\p{{L}}*" : $@"{Regex.Escape(w)}(?!\p{{L}})");
            _words = new Regex($@"(?<!\p{{L}})(?:{string.Join('|', alternatives)})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        public string Redact(string text)
        {
            var result = Email().Replace(text, Blank);
            result = DigitRun().Replace(result, Blank);
            if (_words is not null) result = _words.Replace(result, Blank);
            return result.Length <= MaxTextLength ? result : result[..(MaxTextLength - 1)] + "…";
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    /// <summary>Seven or more digits, possibly broken by spaces, dashes, dots or brackets: phone numbers, IINs, document numbers.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\+?\d(?:[\s\-().]{0,3}\d){6,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Words();
}

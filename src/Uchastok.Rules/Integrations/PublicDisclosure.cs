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
/// <item>nor is an appeal in a sensitive category (domestic conflict, minors, any category flagged so):
/// even its category, beat and day tell the neighbours too much;</item>
/// <item>with the applicant's consent to publish, the text is shown with contacts and the applicant's own name blanked out, and the point
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
        // A complaint about an officer (the officer must not learn of it) and a sensitive category (a
        // domestic conflict or a child at an address is itself the secret) are in no public list at all.
        if (facts.AboutPoliceOfficer || facts.SensitiveCategory) return new Disclosure(false, false, null, null);
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
    /// The text with e-mail addresses (also written "name (at) mail [dot] kz", "name собака mail.kz"),
    /// phone numbers and other long digit runs (an IIN is 12 digits; a phone may be broken by spaces,
    /// dashes, dots, slashes or brackets) and the given personal words (the applicant's names, in
    /// Cyrillic and in the Latin spellings people write them in) blanked out, cut to 4,000
    /// characters. Dates and appeal numbers stay: they name no one.
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
            // A Cyrillic name is also looked for in Latin letters, as Kazakhstan's 2021 alphabet, passports and people spell it.
            var alternatives = words.OrderByDescending(w => w.Length)
                .SelectMany(w => new[] { Regex.Escape(w), NameTransliteration.Pattern(w) }.Distinct()
                    .Select(p => w.Length >= 4 ? $@"{p}\p{{L}}*" : $@"{p}(?!\p{{L}})"));
            _words = new Regex($@"(?<!\p{{L}})(?:{string.Join('|', alternatives)})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        public string Redact(string text)
        {
            // Dates and appeal numbers are set aside first, so that the digit runs below do not take them for phone numbers.
            var kept = new List<string>();
            var result = Kept().Replace(text, m =>
            {
                if (m.Groups["day"].Success && !IsDate(m)) return m.Value;
                kept.Add(m.Value);
                return KeptMark + new string(kept.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)(KeptDigit + (d - '0'))).ToArray()) + KeptMark;
            });
            result = Email().Replace(result, Blank);
            result = DigitRun().Replace(result, Blank);
            if (_words is not null) result = _words.Replace(result, Blank);
            if (kept.Count > 0)
                result = KeptPlace().Replace(result, m => kept[int.Parse(new string(m.Groups[1].Value.Select(c => (char)('0' + (c - KeptDigit))).ToArray()), System.Globalization.CultureInfo.InvariantCulture) - 1]);
            return result.Length <= MaxTextLength ? result : result[..(MaxTextLength - 1)] + "…";
        }

        private static bool IsDate(Match m) =>
            int.Parse(m.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 31
            && int.Parse(m.Groups["month"].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12;
    }

    // Private-use characters: neither letters nor digits, so a set-aside piece breaks no pattern and is matched by none.
    private const char KeptMark = '\uE000';
    private const char KeptDigit = '\uE010';

    /// <summary>An appeal number (ALM-2026-000123), a date (12.05.2026, 12/05/26, 2026-05-12).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:[A-Za-z]{3}-\d{4}-\d{6}|(?<day>\d{1,2})[./](?<month>\d{1,2})[./](?:\d{4}|\d{2})|\d{4}-(?<month>\d{2})-(?<day>\d{2}))(?![\p{L}\p{N}]|[./-]\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Kept();

    [GeneratedRegex("\uE000([\uE010-\uE019]+)\uE000", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex KeptPlace();

    /// <summary>
    /// An e-mail address, also as people write one to dodge harvesters: "(at)", "[at]", "собака" for
    /// the @, "[dot]", "(точка)" for a dot. A bare " at " is too common a word to count.
    /// </summary>
    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+(?:\s*@\s*|\s*[(\[{<]\s*(?:at|собака|собачка|эт)\s*[)\]}>]\s*|\s+(?:собака|собачка)\s+)[\p{L}\p{N}-]+(?:(?:\.|\s*[(\[{<]\s*(?:dot|точка)\s*[)\]}>]\s*|\s+(?:dot|точка)\s+)[\p{L}\p{N}-]+)+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Email();

    /// <summary>Seven or more digits, possibly broken by spaces, dashes, dots, slashes or brackets: phone numbers, IINs, document numbers.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\+?\d(?:[\s\-()./]{0,3}\d){6,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Words();
}

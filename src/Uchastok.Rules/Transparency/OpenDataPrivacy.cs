using Uchastok.Rules.Integrations;

namespace Uchastok.Rules.Transparency;

/// <summary>
/// How open data keeps people unidentifiable (C11), after police.uk: no names, contacts, IINs or
/// free text ever; counts under <see cref="MinimumCount"/> are suppressed; a point is moved to the
/// centre of a 250 m cell holding at least <see cref="MinimumAddresses"/> addresses, and where
/// the cell holds fewer (a lone house, a dacha), to the centre of its small area.
/// </summary>
public static class OpenDataPrivacy
{
    public const int MinimumCount = 5;
    public const double GridMetres = 250;
    public const int MinimumAddresses = 8;

    /// <summary>
    /// The count, or null when it is 1 to 4 and could point at a person. Nothing (0) points at no
    /// one and is shown: left empty, it would let a total elsewhere pin the hidden cells beside it.
    /// </summary>
    public static int? Suppress(int count) => count is > 0 and < MinimumCount ? null : count;

    /// <summary>The cells of the address gazetteer and how many addresses each holds.</summary>
    public static IReadOnlyDictionary<(double Latitude, double Longitude), int> AddressCells(IEnumerable<(double Latitude, double Longitude)> addresses) =>
        addresses.GroupBy(a => PublicDisclosure.SnapToGrid(a.Latitude, a.Longitude, GridMetres)).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The public point for a location: its cell's centre when the cell is populous enough, otherwise the fallback (the small area's centre).</summary>
    public static (double Latitude, double Longitude) AnonymousPoint(double latitude, double longitude, IReadOnlyDictionary<(double Latitude, double Longitude), int> cells, (double Latitude, double Longitude) fallback)
    {
        var cell = PublicDisclosure.SnapToGrid(latitude, longitude, GridMetres);
        return cells.GetValueOrDefault(cell) >= MinimumAddresses ? cell : (Math.Round(fallback.Latitude, 5), Math.Round(fallback.Longitude, 5));
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>
/// A gazetteer address found for what was typed. <paramref name="StreetSpansBeats"/>: the street (typed without a
/// house number) runs through more than one beat, so the house number is needed to find the inspector.
/// </summary>
public sealed record AddressHit(int Id, string Line, double Latitude, double Longitude, bool ExactHouse, bool StreetSpansBeats = false);

/// <summary>A street whose name matches what was typed, named in the reader's language, for a typeahead.</summary>
public sealed record StreetHit(int Id, string Name);

/// <summary>Finds gazetteer addresses from what a resident typed, in any of the three languages, forgiving spacing, alphabet and a slip of the finger.</summary>
public sealed class AddressSearch(UchastokDbContext db, TerritoryText text, TerritorySnapshotCache territory)
{
    public async Task<IReadOnlyList<AddressHit>> SearchAsync(string? typed, int limit = 10, CancellationToken cancellationToken = default)
    {
        var query = AddressQuery.Parse(typed);
        if (query is null) return [];

        var streetIds = (await MatchingStreetsAsync(query.StreetKey, cancellationToken)).Select(s => s.Id).ToList();
        if (streetIds.Count == 0) return [];

        var candidates = db.Addresses.AsNoTracking().Include(a => a.Street).Where(a => streetIds.Contains(a.StreetId));
        if (query.HouseNumber is { } house)
        {
            var exact = await candidates.Where(a => a.HouseNumber == house).OrderBy(a => a.StreetId).Take(limit).ToListAsync(cancellationToken);
            if (exact.Count > 0) return exact.Select(a => Hit(a, exactHouse: true)).ToList();

            // No such house in the gazetteer: offer the nearest numbers on the same street(s).
            var wanted = LeadingNumber(house);
            var street = await candidates.ToListAsync(cancellationToken);
            return street.OrderBy(a => Math.Abs(LeadingNumber(a.HouseNumber) - wanted)).ThenBy(a => a.StreetId)
                .Take(Math.Min(limit, 5)).Select(a => Hit(a, exactHouse: false)).ToList();
        }

        // A street without a number: one address per street, from its middle, so the resident can refine; a street that
        // runs through several beats says so, because its middle house would name the wrong inspector for most of it.
        var all = await candidates.ToListAsync(cancellationToken);
        var snapshot = await territory.GetAsync(cancellationToken);
        return all.GroupBy(a => a.StreetId).OrderBy(g => streetIds.IndexOf(g.Key))
            .Select(g =>
            {
                var beats = g.Select(a => snapshot.Locator.Locate(a.Longitude, a.Latitude)).Where(b => b is not null).Distinct().Count();
                var middle = g.OrderBy(a => LeadingNumber(a.HouseNumber)).ElementAt(g.Count() / 2);
                return Hit(middle, exactHouse: false) with { StreetSpansBeats = beats > 1 };
            })
            .Take(limit).ToList();
    }

    /// <summary>Streets whose names match what was typed (a part is enough), best first: for a typeahead.</summary>
    public async Task<IReadOnlyList<StreetHit>> StreetsAsync(string? typed, int limit = 8, CancellationToken cancellationToken = default)
    {
        var query = AddressQuery.Parse(typed);
        if (query is null) return [];
        return (await MatchingStreetsAsync(query.StreetKey, cancellationToken)).Take(limit).Select(s => new StreetHit(s.Id, text.StreetName(s))).ToList();
    }

    /// <summary>
    /// The streets that match best (<see cref="StreetNameMatch"/>): the same name if any, else those the typed text lies in,
    /// else those a few letters away. The gazetteer's streets are few (tens to a few thousand), so they are matched in memory.
    /// </summary>
    private async Task<List<Street>> MatchingStreetsAsync(string streetKey, CancellationToken cancellationToken)
    {
        var streets = await db.Streets.AsNoTracking().ToListAsync(cancellationToken);
        var scored = streets.Select(s => (Street: s, Score: StreetNameMatch.Score(streetKey, [s.NameKk, s.NameRu, s.NameEn])))
            .Where(x => x.Score != StreetNameMatch.None).ToList();
        if (scored.Count == 0) return [];
        var best = scored.Min(x => Math.Min(x.Score, 2));
        return scored.Where(x => Math.Min(x.Score, 2) == best).OrderBy(x => x.Score).ThenBy(x => x.Street.Id).Take(20).Select(x => x.Street).ToList();
    }

    /// <summary>How far a point may lie from a gazetteer address for that address to name it.</summary>
    public const double NearestWithinMetres = 250;

    /// <summary>
    /// The gazetteer address nearest to a point (within <see cref="NearestWithinMetres"/>), so that a pin on a
    /// map reads as a place a person recognises ("near Tole bi 59") and can be confirmed; null when none is near.
    /// </summary>
    public async Task<AddressHit?> NearestAsync(double latitude, double longitude, CancellationToken cancellationToken = default)
    {
        var dLat = NearestWithinMetres / 111_320.0;
        var dLon = NearestWithinMetres / GeoMeasure.MetresPerDegreeLongitude(latitude);
        var near = await db.Addresses.AsNoTracking().Include(a => a.Street)
            .Where(a => a.Latitude >= latitude - dLat && a.Latitude <= latitude + dLat && a.Longitude >= longitude - dLon && a.Longitude <= longitude + dLon)
            .ToListAsync(cancellationToken);
        var nearest = near.Select(a => (Address: a, Metres: GeoMeasure.DistanceMetres(latitude, longitude, a.Latitude, a.Longitude)))
            .Where(x => x.Metres <= NearestWithinMetres).OrderBy(x => x.Metres).ThenBy(x => x.Address.Id).FirstOrDefault();
        return nearest.Address is null ? null : Hit(nearest.Address, exactHouse: true);
    }

    private AddressHit Hit(Address address, bool exactHouse) =>
        new(address.Id, text.AddressLine(address), address.Latitude, address.Longitude, exactHouse);

    private static int LeadingNumber(string house)
    {
        var digits = new string(house.TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

public sealed record AddressHit(int Id, string Line, double Latitude, double Longitude, bool ExactHouse);

/// <summary>Finds gazetteer addresses from what a resident typed, in any of the three languages.</summary>
public sealed class AddressSearch(UchastokDbContext db, TerritoryText text)
{
    public async Task<IReadOnlyList<AddressHit>> SearchAsync(string? typed, int limit = 10, CancellationToken cancellationToken = default)
    {
        var query = AddressQuery.Parse(typed);
        if (query is null) return [];

        var streetIds = await db.Streets.AsNoTracking().Where(s => s.SearchKey.Contains(query.StreetKey))
            .OrderBy(s => s.Id).Select(s => s.Id).Take(20).ToListAsync(cancellationToken);
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

        // A street without a number: one address per street, from its middle, so the resident can refine.
        var all = await candidates.ToListAsync(cancellationToken);
        return all.GroupBy(a => a.StreetId)
            .Select(g => g.OrderBy(a => LeadingNumber(a.HouseNumber)).ElementAt(g.Count() / 2))
            .Take(limit).Select(a => Hit(a, exactHouse: false)).ToList();
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

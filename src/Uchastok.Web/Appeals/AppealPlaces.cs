using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Web;
using Uchastok.Rules.Territory;

namespace Uchastok.Web.Appeals;

/// <summary>Where an appeal or tip happened, as routing needs it, with the names a resident is shown.</summary>
public sealed record ResolvedPlace(
    double? Latitude, double? Longitude, string? AddressLine, BeatAtPlace? Beat, int? DistrictId, TerritorySnapshot Territory,
    string? BeatCode = null, string? BeatName = null, string? DistrictName = null)
{
    public IReadOnlyDictionary<int, int> HeadOfficerByDistrict => Territory.HeadOfficerByDistrict;

    /// <summary>The inspector or district head routing may pick, from the snapshot: for display only.</summary>
    public Officer? Officer(int id) => Territory.Officer(id);
}

/// <summary>
/// Turns what a resident gave as the place (a map point, a gazetteer address, typed address text,
/// or only a district) into a point, a beat and a district, with a clear message when it cannot.
/// </summary>
public sealed class AppealPlaces(UchastokDbContext db, TerritorySnapshotCache territory, AddressSearch search, TerritoryText text, IStringLocalizer<SharedResource> localizer)
{
    public async Task<ResolvedPlace?> ResolveAsync(double? lat, double? lon, int? addressId, string? addressText, int? districtId, FieldErrors errors, CancellationToken cancellationToken)
    {
        var snapshot = await territory.GetAsync(cancellationToken);
        double? latitude = null, longitude = null;
        string? line = null;

        if (lat is not null || lon is not null)
        {
            if (lat is not { } la || lon is not { } lo || !Coordinates.AreValid(la, lo))
            {
                errors.Add("lat", localizer["Locate.BadCoordinates"]);
                return null;
            }
            (latitude, longitude) = (la, lo);
        }
        else if (addressId is { } id)
        {
            var address = await db.Addresses.AsNoTracking().Include(a => a.Street).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (address is null)
            {
                errors.Add("addressId", localizer["Appeal.AddressNotFound"]);
                return null;
            }
            (latitude, longitude, line) = (address.Latitude, address.Longitude, text.AddressLine(address));
        }
        else if (!string.IsNullOrWhiteSpace(addressText))
        {
            var hits = await search.SearchAsync(addressText, 1, cancellationToken);
            var hit = hits.Count > 0 ? hits[0] : null;
            if (hit is not { ExactHouse: true })
            {
                errors.Add("addressText", localizer["Appeal.AddressNotFound"]);
                return null;
            }
            (latitude, longitude, line) = (hit.Latitude, hit.Longitude, hit.Line);
        }

        if (latitude is { } pointLat && longitude is { } pointLon)
        {
            var beatId = snapshot.Locator.Locate(pointLon, pointLat);
            if (beatId is null || snapshot.Beat(beatId.Value) is not { } beat)
            {
                errors.Add(addressId is null && addressText is null ? "lat" : "addressText", localizer["Locate.NoBeat"]);
                return null;
            }
            return new ResolvedPlace(latitude, longitude, line, new BeatAtPlace(beat.Id, beat.DistrictId, beat.InspectorId), beat.DistrictId, snapshot,
                beat.Code, text.BeatName(beat), text.DistrictName(beat.District));
        }

        var chosen = districtId is { } wanted ? await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == wanted, cancellationToken) : null;
        if (chosen is null)
        {
            errors.Add("districtId", localizer["Appeal.PlaceOrDistrictRequired"]);
            return null;
        }
        return new ResolvedPlace(null, null, null, null, chosen.Id, snapshot, DistrictName: text.DistrictName(chosen));
    }
}

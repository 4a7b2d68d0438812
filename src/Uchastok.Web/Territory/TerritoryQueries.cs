using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

public sealed record OfficerCard(int Id, string Name, string Rank, string Position, string Phone, string PhotoUrl);

public sealed record ReceptionPointCard(int Id, string Address, string Hours, double Latitude, double Longitude);

public sealed record DistrictSummary(int Id, string Code, string Name, int Population, int BeatCount);

public sealed record BeatSummary(int Id, string Code, string Name, int Population, string? InspectorName);

/// <summary>Everything a resident needs to know about a beat: who serves it and where to find them.</summary>
public sealed record BeatCard(
    int Id,
    string Code,
    string Name,
    int DistrictId,
    string DistrictName,
    int Population,
    double AreaSquareKilometres,
    double CentreLatitude,
    double CentreLongitude,
    OfficerCard? Inspector,
    OfficerCard? DistrictHead,
    ReceptionPointCard? ReceptionPoint,
    string BoundaryGeoJson);

/// <summary>
/// Read side of the territory: the same queries serve the pages and the JSON API,
/// so a resident sees the same inspector card whichever way they ask.
/// </summary>
public sealed class TerritoryQueries(UchastokDbContext db, TerritorySnapshotCache territory, TerritoryText text)
{
    public const string OfficerPhotoUrl = "/img/officer.svg";

    public async Task<BeatCard?> LocateAsync(double latitude, double longitude, CancellationToken cancellationToken = default)
    {
        var snapshot = await territory.GetAsync(cancellationToken);
        var beatId = snapshot.Locator.Locate(longitude, latitude);
        return beatId is null ? null : ToCard(snapshot, beatId.Value);
    }

    public async Task<BeatCard?> GetBeatAsync(int id, CancellationToken cancellationToken = default) =>
        ToCard(await territory.GetAsync(cancellationToken), id);

    public async Task<IReadOnlyList<DistrictSummary>> ListDistrictsAsync(CancellationToken cancellationToken = default)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var counts = await db.Beats.AsNoTracking().Where(b => b.IsActive).GroupBy(b => b.DistrictId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return districts.Select(d => new DistrictSummary(d.Id, d.Code, text.DistrictName(d), d.Population, counts.GetValueOrDefault(d.Id))).ToList();
    }

    public async Task<IReadOnlyList<BeatSummary>?> ListBeatsAsync(int districtId, CancellationToken cancellationToken = default)
    {
        if (!await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken)) return null;
        var beats = await db.Beats.AsNoTracking().Include(b => b.Inspector)
            .Where(b => b.DistrictId == districtId && b.IsActive).OrderBy(b => b.Number).ThenBy(b => b.Code)
            .ToListAsync(cancellationToken);
        return beats.Select(b => new BeatSummary(b.Id, b.Code, text.BeatName(b), b.Population, b.Inspector is null ? null : text.OfficerName(b.Inspector))).ToList();
    }

    private BeatCard? ToCard(TerritorySnapshot snapshot, int id)
    {
        if (snapshot.Beat(id) is not { } beat) return null;
        var head = snapshot.DistrictHead(beat.DistrictId);
        return new BeatCard(
            beat.Id, beat.Code, text.BeatName(beat), beat.DistrictId, text.DistrictName(beat.District), beat.Population,
            Math.Round(beat.AreaSquareKilometres, 2), beat.CentreLatitude, beat.CentreLongitude,
            beat.Inspector is null ? null : ToCard(beat.Inspector),
            head is null ? null : ToCard(head),
            beat.ReceptionPoint is null ? null : new ReceptionPointCard(
                beat.ReceptionPoint.Id, text.AddressLine(beat.ReceptionPoint.Address), text.Hours(beat.ReceptionPoint.Hours),
                beat.ReceptionPoint.Address.Latitude, beat.ReceptionPoint.Address.Longitude),
            beat.BoundaryGeoJson);
    }

    private OfficerCard ToCard(Officer officer) =>
        new(officer.Id, text.OfficerName(officer), text.Rank(officer.Rank), text.Position(officer.Position), officer.Phone, OfficerPhotoUrl);
}

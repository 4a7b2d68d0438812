using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

public sealed record BeatImportOutcome(IReadOnlyList<BeatImportError> Errors, int Created, int Updated, int Deactivated)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Replaces the beats of every district named in a GeoJSON file, all or nothing. A beat whose
/// code already exists keeps its id, inspector and reception point and gets the new outline;
/// beats of those districts missing from the file are deactivated, not deleted, so anything
/// that refers to them keeps its meaning. Districts the file does not name are untouched.
/// </summary>
public sealed class ImportBeatsCommand(UchastokDbContext db, TerritorySnapshotCache territory, ILogger<ImportBeatsCommand> logger)
{
    public async Task<BeatImportOutcome> ExecuteAsync(string geoJson, CancellationToken cancellationToken = default)
    {
        var districts = await db.Districts.ToListAsync(cancellationToken);
        var boundaries = districts.ToDictionary(d => d.Code, d => GeoJson.ReadGeometry(d.BoundaryGeoJson), StringComparer.OrdinalIgnoreCase);

        var validation = BeatImportValidator.Validate(geoJson, boundaries);
        if (!validation.Succeeded) return new(validation.Errors, 0, 0, 0);

        var byCode = districts.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
        var districtIds = validation.Beats.Select(b => byCode[b.DistrictCode].Id).ToHashSet();
        var codes = validation.Beats.Select(b => b.Code).ToList();

        // A code may only move between districts the file covers; otherwise a beat would vanish from a district nobody re-imported.
        var elsewhere = await db.Beats.Where(b => codes.Contains(b.Code) && !districtIds.Contains(b.DistrictId)).Select(b => b.Code).ToListAsync(cancellationToken);
        if (elsewhere.Count > 0)
        {
            return new(elsewhere.Select(code => new BeatImportError(BeatImportProblem.CodeInOtherDistrict,
                validation.Beats.First(b => b.Code.Equals(code, StringComparison.OrdinalIgnoreCase)).FeatureNumber, code)).ToList(), 0, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Beats.Where(b => districtIds.Contains(b.DistrictId) || codes.Contains(b.Code)).ToListAsync(cancellationToken);
        var existingByCode = existing.ToDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);
        int created = 0, updated = 0;
        var nextNumber = validation.Beats.GroupBy(b => b.DistrictCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => byCode[g.Key].Id, _ => 0);

        foreach (var draft in validation.Beats)
        {
            var districtId = byCode[draft.DistrictCode].Id;
            var number = ++nextNumber[districtId];
            if (existingByCode.TryGetValue(draft.Code, out var beat))
            {
                updated++;
            }
            else
            {
                beat = new Beat { Code = draft.Code, BoundaryGeoJson = string.Empty };
                db.Beats.Add(beat);
                created++;
            }
            Apply(beat, draft, districtId, number);
        }

        var kept = codes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var deactivated = 0;
        foreach (var beat in existing.Where(b => b.IsActive && !kept.Contains(b.Code)))
        {
            beat.IsActive = false;
            deactivated++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await ReassignSmallAreasAsync(districtIds, validation.Beats, cancellationToken);
        await TerritorySnapshotCache.BumpRevisionAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        territory.Invalidate();
        logger.LogInformation("Beats imported: {Created} created, {Updated} updated, {Deactivated} deactivated", created, updated, deactivated);
        return new([], created, updated, deactivated);
    }

    /// <summary>Each small area of the re-imported districts now belongs to the new beat that holds its inner point.</summary>
    private async Task ReassignSmallAreasAsync(IReadOnlySet<int> districtIds, IReadOnlyList<BeatDraft> drafts, CancellationToken cancellationToken)
    {
        var beatIdByCode = await db.Beats.Where(b => districtIds.Contains(b.DistrictId) && b.IsActive).ToDictionaryAsync(b => b.Code, b => b.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var locator = new BeatLocator(drafts.Select(d => (beatIdByCode[d.Code], d.Boundary)));
        foreach (var area in await db.SmallAreas.Where(a => districtIds.Contains(a.DistrictId)).ToListAsync(cancellationToken))
            area.BeatId = locator.Locate(area.CentreLongitude, area.CentreLatitude);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void Apply(Beat beat, BeatDraft draft, int districtId, int number)
    {
        beat.DistrictId = districtId;
        beat.Number = number;
        beat.Name = string.IsNullOrWhiteSpace(draft.Name) ? null : draft.Name;
        beat.Population = draft.Population;
        SetBoundary(beat, draft.Boundary);
        beat.IsActive = true;
    }

    internal static void SetBoundary(Beat beat, Geometry boundary)
    {
        (beat.BoundaryGeoJson, beat.AreaSquareKilometres, beat.CentreLatitude, beat.CentreLongitude) = GeoJson.Outline(boundary);
    }
}

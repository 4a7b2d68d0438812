using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

public sealed record BeatImportOutcome(IReadOnlyList<BeatImportError> Errors, int Created, int Updated, int Deactivated)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Replaces the beats of every district named in a GeoJSON file, all or nothing, through
/// <see cref="ReplaceBeatsCommand"/>. A beat whose
/// code already exists keeps its id, inspector and reception point and gets the new outline;
/// beats of those districts missing from the file are deactivated, not deleted, so anything
/// that refers to them keeps its meaning. Districts the file does not name are untouched.
/// </summary>
public sealed class ImportBeatsCommand(UchastokDbContext db, ReplaceBeatsCommand replace, ILogger<ImportBeatsCommand> logger)
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

        // Each beat in file order is numbered 1, 2, … within its district; one whose code exists carries that beat on.
        var numbers = districtIds.ToDictionary(id => id, _ => 0);
        var beats = validation.Beats.Select(draft =>
        {
            var districtId = byCode[draft.DistrictCode].Id;
            return new NewBeat(districtId, draft.Boundary, draft.Population) { Code = draft.Code, Number = ++numbers[districtId], Name = draft.Name };
        }).ToList();
        var replaced = await replace.ExecuteAsync(new BeatsReplacement(districtIds, beats), cancellationToken);
        logger.LogInformation("Beats imported: {Created} created, {Updated} updated, {Deactivated} deactivated", replaced.Created, replaced.Updated, replaced.Deactivated);
        return new([], replaced.Created, replaced.Updated, replaced.Deactivated);
    }
}

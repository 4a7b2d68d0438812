using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>The active beats as a GeoJSON FeatureCollection that <see cref="ImportBeatsCommand"/> reads back unchanged.</summary>
public sealed class ExportBeatsQuery(UchastokDbContext db)
{
    /// <returns>The GeoJSON text, or null when the district code is unknown.</returns>
    public async Task<string?> ExecuteAsync(string? districtCode, CancellationToken cancellationToken = default)
    {
        var beats = db.Beats.AsNoTracking().Include(b => b.District).Where(b => b.IsActive);
        if (!string.IsNullOrWhiteSpace(districtCode))
        {
            if (!await db.Districts.AnyAsync(d => d.Code == districtCode, cancellationToken)) return null;
            beats = beats.Where(b => b.District.Code == districtCode);
        }

        var features = new JsonArray();
        foreach (var beat in await beats.OrderBy(b => b.District.Code).ThenBy(b => b.Number).ToListAsync(cancellationToken))
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject
                {
                    ["code"] = beat.Code,
                    ["name"] = beat.Name,
                    ["district"] = beat.District.Code,
                    ["number"] = beat.Number,
                    ["population"] = beat.Population,
                    ["inspectorId"] = beat.InspectorId,
                },
                ["geometry"] = JsonNode.Parse(beat.BoundaryGeoJson),
            });
        }
        var collection = new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
        return collection.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}

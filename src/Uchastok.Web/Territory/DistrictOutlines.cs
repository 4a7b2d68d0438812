using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Simplify;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>
/// District outlines simplified to about 50 m for the map's background, so a phone on a slow
/// network gets a few kilobytes instead of the surveyed boundaries. Districts change rarely:
/// computed once per process.
/// </summary>
public sealed class DistrictOutlines(IServiceScopeFactory scopes)
{
    private readonly Lazy<Task<string>> _outlines = new(() => BuildAsync(scopes));

    public Task<string> GetAsync() => _outlines.Value;

    private static async Task<string> BuildAsync(IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var features = new JsonArray();
        foreach (var district in await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync())
        {
            var simplified = TopologyPreservingSimplifier.Simplify(GeoJson.ReadGeometry(district.BoundaryGeoJson), 0.0005);
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject { ["code"] = district.Code },
                ["geometry"] = JsonNode.Parse(GeoJson.Write(simplified)),
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }
}

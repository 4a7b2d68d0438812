using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>A map layer as served: its GeoJSON and the territory revision it was drawn from.</summary>
public sealed record MapLayer(string GeoJson, long Revision)
{
    public string ETag { get; } = $"\"{Revision}-{GeoJson.Length}\"";
}

/// <summary>
/// What Uchastok draws under its maps from its own data, so that a map without a tile server
/// still has something to aim at: the base layer (district outlines and names, the gazetteer's
/// streets with their names, reception points), and the beats' outlines and numbers, which a
/// phone fetches only when zoomed in. Names go in all three languages, so one cached file serves
/// every reader. Held per territory revision; served as files a browser keeps (see TerritoryApi).
/// </summary>
public sealed class MapLayers(IServiceScopeFactory scopes, TerritorySnapshotCache territory)
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile Layers? _current;

    private sealed record Layers(MapLayer Base, MapLayer Beats);

    public async Task<MapLayer> BaseAsync(CancellationToken cancellationToken = default) => (await LayersAsync(cancellationToken)).Base;

    public async Task<MapLayer> BeatsAsync(CancellationToken cancellationToken = default) => (await LayersAsync(cancellationToken)).Beats;

    private async Task<Layers> LayersAsync(CancellationToken cancellationToken)
    {
        var snapshot = await territory.GetAsync(cancellationToken);
        if (_current is { } ready && ready.Base.Revision == snapshot.Revision) return ready;
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Base.Revision == snapshot.Revision) return built;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var layers = new Layers(new MapLayer(await BaseLayerAsync(db, cancellationToken), snapshot.Revision), new MapLayer(BeatsLayer(snapshot), snapshot.Revision));
            _current = layers;
            return layers;
        }
        finally
        {
            _building.Release();
        }
    }

    private static async Task<string> BaseLayerAsync(UchastokDbContext db, CancellationToken cancellationToken)
    {
        var features = new JsonArray();
        foreach (var district in await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken))
        {
            // About 50 m: a phone on a slow network gets kilobytes instead of the surveyed boundary.
            var outline = TopologyPreservingSimplifier.Simplify(GeoJson.ReadGeometry(district.BoundaryGeoJson), 0.0005);
            var label = outline.InteriorPoint;
            features.Add(Feature(outline, new JsonObject
            {
                ["kind"] = "district", ["code"] = district.Code, ["nameKk"] = district.NameKk, ["nameRu"] = district.NameRu, ["nameEn"] = district.NameEn,
                ["labelLat"] = Math.Round(label.Y, 5), ["labelLon"] = Math.Round(label.X, 5),
            }));
        }

        var streets = await db.Streets.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var housesByStreet = (await db.Addresses.AsNoTracking().Select(a => new { a.StreetId, a.Latitude, a.Longitude }).ToListAsync(cancellationToken))
            .ToLookup(a => a.StreetId, a => new Coordinate(a.Longitude, a.Latitude));
        foreach (var street in streets)
        {
            var houses = housesByStreet[street.Id].ToList();
            if (houses.Count < 2) continue;
            // The street drawn through its houses in order along its longer extent: straight enough for a street
            // to aim at, and simplified so that the two sides of a street do not zigzag.
            var wide = houses.Max(c => c.X) - houses.Min(c => c.X) >= houses.Max(c => c.Y) - houses.Min(c => c.Y);
            var ordered = (wide ? houses.OrderBy(c => c.X) : houses.OrderBy(c => c.Y)).ToArray();
            var line = DouglasPeuckerSimplifier.Simplify(Factory.CreateLineString(Smooth(ordered, 4)), 0.0002);
            features.Add(Feature(line, new JsonObject
            {
                ["kind"] = "street", ["nameKk"] = street.NameKk, ["nameRu"] = street.NameRu, ["nameEn"] = street.NameEn,
            }));
        }

        var points = await db.ReceptionPoints.AsNoTracking().Include(p => p.Address).ThenInclude(a => a.Street).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        foreach (var point in points)
        {
            features.Add(Feature(Factory.CreatePoint(new Coordinate(point.Address.Longitude, point.Address.Latitude)), new JsonObject
            {
                ["kind"] = "reception", ["number"] = point.Number, ["house"] = point.Address.HouseNumber,
                ["nameKk"] = point.Address.Street.NameKk, ["nameRu"] = point.Address.Street.NameRu, ["nameEn"] = point.Address.Street.NameEn,
            }));
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }

    /// <summary>
    /// Each point averaged with its neighbours (<paramref name="reach"/> on each side), the ends kept: houses stand on both
    /// sides of a street, and a line through them in order would zigzag across it.
    /// </summary>
    private static Coordinate[] Smooth(Coordinate[] points, int reach)
    {
        var smooth = new Coordinate[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            var from = Math.Max(0, i - reach);
            var to = Math.Min(points.Length - 1, i + reach);
            var span = Math.Min(i - from, to - i);
            double x = 0, y = 0;
            for (var j = i - span; j <= i + span; j++) { x += points[j].X; y += points[j].Y; }
            smooth[i] = new Coordinate(x / (2 * span + 1), y / (2 * span + 1));
        }
        return smooth;
    }

    private static string BeatsLayer(TerritorySnapshot snapshot)
    {
        var features = new JsonArray();
        foreach (var beat in snapshot.Beats.OrderBy(b => b.Id))
        {
            // About 25 m and four decimals (11 m): enough to tell beats apart at street zoom, a quarter of the bytes.
            var outline = TopologyPreservingSimplifier.Simplify(GeoJson.ReadGeometry(beat.BoundaryGeoJson), 0.00025);
            features.Add(Feature(outline, decimals: 4, new JsonObject
            {
                ["kind"] = "beat", ["id"] = beat.Id, ["code"] = beat.Code, ["number"] = beat.Number,
                ["labelLat"] = Math.Round(beat.CentreLatitude, 5), ["labelLon"] = Math.Round(beat.CentreLongitude, 5),
            }));
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }

    private static JsonObject Feature(Geometry geometry, JsonObject properties) => Feature(geometry, 5, properties);

    private static JsonObject Feature(Geometry geometry, int decimals, JsonObject properties) => new()
    {
        ["type"] = "Feature",
        ["properties"] = properties,
        ["geometry"] = JsonNode.Parse(GeoJson.Write(Round(geometry, decimals))),
    };

    /// <summary>Five decimals of a degree are about a metre: more only adds bytes.</summary>
    private static Geometry Round(Geometry geometry, int decimals)
    {
        var copy = geometry.Copy();
        copy.Apply(new RoundFilter(decimals));
        return copy;
    }

    private sealed class RoundFilter(int decimals) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, Math.Round(seq.GetX(i), decimals));
            seq.SetY(i, Math.Round(seq.GetY(i), decimals));
        }
    }
}

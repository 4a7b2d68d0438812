using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Rules.Territory;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.CrimeAnalytics;

/// <summary>Why an area is not shown: it does not exist, or it is outside the caller's scope.</summary>
public enum HotspotRefusal { NotFound, OutOfScope }

/// <summary>
/// The hotspot maps and charts (issue 20) over BeatDesign's incidents, for staff only: an inspector his beats and his
/// district; a supervisor his district and its beats; an administrator the city, any district, any beat. Incidents are
/// places and times of offences from anonymised sources, with no person in them, and the answers are counts per cell
/// and per month: nothing here is personal data, so nothing goes into the personal-data log (the module README says so).
/// </summary>
public sealed class HotspotQueries(UchastokDbContext db, IncidentCategoryMap categories, TerritoryText territoryText, CrimeAnalyticsSettings settings, TimeProvider clock)
{
    /// <summary>Cells with no incident kept in a density layer only above this share of the densest cell: a map of faint halos helps no one.</summary>
    private const double FaintShare = 0.02;

    public IReadOnlyList<HotspotCategoryView> Categories() =>
        categories.Categories.Select(c => new HotspotCategoryView(c.Code, c.Name(LanguageOf()), c.Source)).ToList();

    public string? CategoryName(string? code) => code is null ? null : categories.Find(code)?.Name(LanguageOf());

    private static string LanguageOf() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The month the default period ends with: the latest month with an incident the caller may see, else this month.</summary>
    public async Task<DateOnly> LatestMonthAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var incidents = db.Incidents.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var district = await DistrictOfAsync(user, cancellationToken);
            incidents = incidents.Where(i => i.DistrictId == district);
        }
        var latest = await incidents.MaxAsync(i => (DateOnly?)i.OccurredOn, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = latest ?? today;
        return new DateOnly(month.Year, month.Month, 1);
    }

    /// <summary>The areas the caller may choose: the city (administrator), districts, beats; the caller's own first.</summary>
    public async Task<IReadOnlyList<HotspotChoice>> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var choices = new List<HotspotChoice>();
        var admin = user.IsInRole(Roles.Admin);
        var district = admin ? null : await DistrictOfAsync(user, cancellationToken);
        var officer = ScopeClaims.Officer(user);
        var inspectorOnly = !admin && !user.IsInRole(Roles.Supervisor);
        var beats = await db.Beats.AsNoTracking().Where(b => b.IsActive)
            .Where(b => admin || (inspectorOnly ? b.InspectorId == officer : b.DistrictId == district))
            .OrderBy(b => b.DistrictId).ThenBy(b => b.Number).ToListAsync(cancellationToken);
        choices.AddRange(beats.Select(b => new HotspotChoice(HotspotScopeKind.Beat, b.Id, territoryText.BeatName(b))));
        var districts = await db.Districts.AsNoTracking().Where(d => admin || d.Id == district).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        choices.AddRange(districts.Select(d => new HotspotChoice(HotspotScopeKind.District, d.Id, territoryText.DistrictName(d))));
        if (admin) choices.Add(new HotspotChoice(HotspotScopeKind.City, null, string.Empty));
        // Inspectors see their beat first, supervisors their district, administrators the city.
        return inspectorOnly ? choices : choices.OrderBy(c => c.Scope == HotspotScopeKind.Beat).ThenByDescending(c => c.Scope).ToList();
    }

    /// <summary>The area of a filter, or why not: the scope rules of the class summary.</summary>
    public async Task<(HotspotArea? Area, HotspotRefusal? Refusal)> AreaAsync(ClaimsPrincipal user, HotspotFilter filter, CancellationToken cancellationToken = default)
    {
        var admin = user.IsInRole(Roles.Admin);
        switch (filter.Scope)
        {
            case HotspotScopeKind.City:
                return admin ? (new HotspotArea(HotspotScopeKind.City, null, string.Empty, null, null), null) : (null, HotspotRefusal.OutOfScope);
            case HotspotScopeKind.District:
            {
                if (await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == filter.Id, cancellationToken) is not { } district) return (null, HotspotRefusal.NotFound);
                if (!admin && await DistrictOfAsync(user, cancellationToken) != district.Id) return (null, HotspotRefusal.OutOfScope);
                return (new HotspotArea(HotspotScopeKind.District, district.Id, territoryText.DistrictName(district), district.Id, null), null);
            }
            default:
            {
                if (await db.Beats.AsNoTracking().SingleOrDefaultAsync(b => b.Id == filter.Id, cancellationToken) is not { } beat) return (null, HotspotRefusal.NotFound);
                var allowed = admin
                    || (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) == beat.DistrictId)
                    || ScopeClaims.IsInspector(user, beat.InspectorId);
                if (!allowed) return (null, HotspotRefusal.OutOfScope);
                // The beat's small areas as they are now: an incident belongs to the beat its small area is in today.
                var areas = await db.SmallAreas.AsNoTracking().Where(a => a.BeatId == beat.Id).Select(a => a.Id).ToListAsync(cancellationToken);
                return (new HotspotArea(HotspotScopeKind.Beat, beat.Id, territoryText.BeatName(beat), beat.DistrictId, areas), null);
            }
        }
    }

    public async Task<HotspotMapView> MapAsync(HotspotArea area, HotspotFilter filter, bool density, CancellationToken cancellationToken = default)
    {
        // Grouped by point in the database: police.uk-style sources snap incidents to a few thousand points, so a city over
        // years reads as that many rows rather than one per incident.
        var points = await Incidents(area, filter).GroupBy(i => new { i.Longitude, i.Latitude })
            .Select(g => new { g.Key.Longitude, g.Key.Latitude, Count = g.Count() }).ToListAsync(cancellationToken);
        var grid = await GridAsync(cancellationToken);
        double? bandwidth = density ? HotspotCounts.DefaultBandwidthMetres : null;
        var cells = HotspotCounts.Count(grid, points.SelectMany(p => Enumerable.Repeat((p.Longitude, p.Latitude), p.Count)), bandwidth);
        if (density && cells.Count > 0)
        {
            var densest = cells.Max(c => c.Density ?? 0);
            cells = cells.Where(c => c.Count > 0 || (c.Density ?? 0) >= densest * FaintShare).ToList();
        }
        // Over the limit, the busiest cells are kept and density-only halos go first; capped says cells with incidents went too.
        var withIncidents = cells.Count(c => c.Count > 0);
        if (cells.Count > settings.MapCellLimit)
            cells = cells.OrderByDescending(c => c.Count).ThenByDescending(c => c.Density ?? 0).ThenBy(c => c.Cell.Row).ThenBy(c => c.Cell.Column)
                .Take(settings.MapCellLimit).ToList();
        var capped = cells.Count(c => c.Count > 0) < withIncidents;
        var views = cells.Select(c =>
        {
            var (lon, lat) = grid.CentreOf(c.Cell);
            return new HotspotCellView(c.Cell.Column, c.Cell.Row, c.Count, c.Density is { } d ? Math.Round(d, 3) : null, Math.Round(lat, 6), Math.Round(lon, 6), grid.RingOf(c.Cell));
        }).ToList();
        return new HotspotMapView(Name(filter.Scope), area.Id, area.Name, HotspotInput.Text(filter.From), HotspotInput.Text(filter.To), filter.Category, CategoryName(filter.Category),
            grid.CellMetres, bandwidth, points.Sum(p => p.Count), views, withIncidents, capped);
    }

    public async Task<HotspotCountsView> CountsAsync(HotspotArea area, HotspotFilter filter, CancellationToken cancellationToken = default)
    {
        // Grouped by day and time in the database, as the map groups by point.
        var rows = await Incidents(area, filter).GroupBy(i => new { i.OccurredOn, i.OccurredAt })
            .Select(g => new { g.Key.OccurredOn, g.Key.OccurredAt, Count = g.Count() }).ToListAsync(cancellationToken);
        var histogram = IncidentHistograms.Build(filter.From, filter.To, rows.SelectMany(r => Enumerable.Repeat((r.OccurredOn, r.OccurredAt), r.Count)));
        return new HotspotCountsView(Name(filter.Scope), area.Id, area.Name, HotspotInput.Text(filter.From), HotspotInput.Text(filter.To), filter.Category,
            histogram.Total, histogram.WithTime, histogram.WithTime > 0,
            histogram.ByMonth.Select(m => new MonthCount(HotspotInput.Text(new DateOnly(m.Year, m.Month, 1)), m.Count)).ToList(),
            histogram.ByWeekday.Select((count, i) => new WeekdayCount(i + 1, count)).ToList(),
            histogram.ByHour.Select((count, hour) => new HourCount(hour, count)).ToList());
    }

    /// <summary>The outlines of the beats in the area (GeoJSON FeatureCollection, code and name), for the map.</summary>
    public async Task<string> BeatOutlinesAsync(HotspotArea area, CancellationToken cancellationToken = default)
    {
        var beats = db.Beats.AsNoTracking().Where(b => b.IsActive);
        beats = area.Scope switch
        {
            HotspotScopeKind.Beat => beats.Where(b => b.Id == area.Id),
            HotspotScopeKind.District => beats.Where(b => b.DistrictId == area.Id),
            _ => beats,
        };
        var list = await beats.OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var features = new JsonArray();
        foreach (var beat in list)
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = JsonNode.Parse(beat.BoundaryGeoJson),
                ["properties"] = new JsonObject { ["code"] = beat.Code, ["name"] = territoryText.BeatName(beat) },
            });
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }

    private IQueryable<Incident> Incidents(HotspotArea area, HotspotFilter filter)
    {
        var from = filter.From;
        var until = filter.To.AddMonths(1);
        var incidents = db.Incidents.AsNoTracking().Where(i => i.OccurredOn >= from && i.OccurredOn < until);
        incidents = area.Scope switch
        {
            HotspotScopeKind.District => incidents.Where(i => i.DistrictId == area.Id),
            HotspotScopeKind.Beat => incidents.Where(i => i.DistrictId == area.DistrictId && area.SmallAreaIds!.Contains(i.SmallAreaId)),
            _ => incidents,
        };
        if (filter.Category is { } category) incidents = incidents.Where(i => i.Category == category);
        return incidents;
    }

    /// <summary>
    /// One grid for the whole city, so a cell is the same square on every map: its origin is the south-west corner of
    /// the districts' envelope (the territory's own outline, the same for every caller).
    /// </summary>
    private async Task<CrimeGrid> GridAsync(CancellationToken cancellationToken)
    {
        var outlines = await db.Districts.AsNoTracking().Select(d => d.BoundaryGeoJson).ToListAsync(cancellationToken);
        var envelope = new Envelope();
        foreach (var outline in outlines) envelope.ExpandToInclude(GeoJson.ReadGeometry(outline).EnvelopeInternal);
        return envelope.IsNull ? new CrimeGrid(76.9, 43.2) : new CrimeGrid(envelope.MinX, envelope.MinY);
    }

    private async Task<int?> DistrictOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (ScopeClaims.District(user) is { } district) return district;
        // An inspector without a district on his account: the district of his beats.
        var officer = ScopeClaims.Officer(user);
        return officer is null ? null : await db.Beats.AsNoTracking().Where(b => b.InspectorId == officer).Select(b => (int?)b.DistrictId).FirstOrDefaultAsync(cancellationToken);
    }

    public static string Name(HotspotScopeKind scope) => scope.ToString().ToLowerInvariant();
}

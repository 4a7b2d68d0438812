using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.PatrolPlanning;

/// <summary>
/// Incidents placed on two Almaly beats of the demo city (which has none of its own): inspector1's beat ("planned",
/// with times of day) and another beat of the district ("past", for a month that is over). Each beat gets two places
/// far apart: the centres of its two small areas furthest from each other, so they fall in different 250 m cells.
/// </summary>
public sealed record PatrolTestBeats(int District, int Planned, int Past, (double Lat, double Lon) PlannedBusy, (double Lat, double Lon) PlannedQuiet,
    (double Lat, double Lon) PastBusy, (double Lat, double Lon) PastQuiet);

public static class PatrolTestData
{
    public static async Task<PatrolTestBeats> SeedAsync(UchastokAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var inspector = await db.Users.Where(u => u.Email == "inspector1@demo.kz").Select(u => new { u.OfficerId, u.DistrictId }).SingleAsync();
        var planned = await db.Beats.Where(b => b.InspectorId == inspector.OfficerId && b.IsActive).OrderBy(b => b.Number).Select(b => b.Id).FirstAsync();
        var inspector2 = await db.Users.Where(u => u.Email == "inspector2@demo.kz").Select(u => u.OfficerId).SingleAsync();
        // Not inspector2's either: the authorization rows expect him to see neither beat.
        var past = await db.Beats.Where(b => b.DistrictId == inspector.DistrictId && b.IsActive && b.InspectorId != inspector.OfficerId && b.InspectorId != inspector2
                && db.SmallAreas.Count(a => a.BeatId == b.Id) >= 2)
            .OrderBy(b => b.Number).Select(b => b.Id).FirstAsync();
        var import = new IncidentImport { FileName = "patrol-tests.csv", Format = "test", RefusalsJson = "[]", ImportedAtUtc = DateTime.UtcNow };
        db.IncidentImports.Add(import);
        await db.SaveChangesAsync();

        var (plannedBusy, plannedQuiet) = await FarApartAsync(db, planned);
        var (pastBusy, pastQuiet) = await FarApartAsync(db, past);
        var district = inspector.DistrictId!.Value;
        var incidents = new List<Incident>();
        void Add(int area, double lat, double lon, DateOnly day, TimeOnly? at) => incidents.Add(new Incident
        {
            ImportId = import.Id, Type = "Burglary", Category = "apartment-theft", OccurredOn = day, OccurredAt = at,
            Latitude = lat, Longitude = lon, SmallAreaId = area, DistrictId = district,
        });
        // Planned beat: six in the busy place in September and October, evenings; two in the quiet place, one in the morning and one without a time.
        foreach (var (day, at) in new[] { (new DateOnly(2026, 9, 3), new TimeOnly(19, 30)), (new DateOnly(2026, 9, 17), new TimeOnly(20, 10)), (new DateOnly(2026, 10, 2), new TimeOnly(18, 45)),
                     (new DateOnly(2026, 10, 9), new TimeOnly(19, 5)), (new DateOnly(2026, 10, 20), new TimeOnly(22, 15)), (new DateOnly(2026, 10, 28), new TimeOnly(20, 0)) })
            Add(plannedBusy.Area, plannedBusy.Lat, plannedBusy.Lon, day, at);
        Add(plannedQuiet.Area, plannedQuiet.Lat, plannedQuiet.Lon, new DateOnly(2026, 10, 5), new TimeOnly(8, 0));
        Add(plannedQuiet.Area, plannedQuiet.Lat, plannedQuiet.Lon, new DateOnly(2026, 10, 6), null);
        // Past beat: before October three in the busy place (September) and one in the quiet place (August);
        // in October two in the busy place and one in the quiet place.
        foreach (var day in new[] { new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 20) }) Add(pastBusy.Area, pastBusy.Lat, pastBusy.Lon, day, null);
        Add(pastQuiet.Area, pastQuiet.Lat, pastQuiet.Lon, new DateOnly(2026, 8, 15), null);
        foreach (var day in new[] { new DateOnly(2026, 10, 4), new DateOnly(2026, 10, 25) }) Add(pastBusy.Area, pastBusy.Lat, pastBusy.Lon, day, null);
        Add(pastQuiet.Area, pastQuiet.Lat, pastQuiet.Lon, new DateOnly(2026, 10, 11), null);
        db.Incidents.AddRange(incidents);
        await db.SaveChangesAsync();
        return new PatrolTestBeats(district, planned, past, (plannedBusy.Lat, plannedBusy.Lon), (plannedQuiet.Lat, plannedQuiet.Lon), (pastBusy.Lat, pastBusy.Lon), (pastQuiet.Lat, pastQuiet.Lon));
    }

    private static async Task<((int Area, double Lat, double Lon) A, (int Area, double Lat, double Lon) B)> FarApartAsync(UchastokDbContext db, int beat)
    {
        var areas = await db.SmallAreas.Where(a => a.BeatId == beat).Select(a => new { a.Id, a.CentreLatitude, a.CentreLongitude }).ToListAsync();
        var pair = (from a in areas from b in areas where a.Id < b.Id
                    orderby Math.Pow(a.CentreLatitude - b.CentreLatitude, 2) + Math.Pow((a.CentreLongitude - b.CentreLongitude) * 0.73, 2) descending
                    select (a, b)).First();
        return ((pair.a.Id, pair.a.CentreLatitude, pair.a.CentreLongitude), (pair.b.Id, pair.b.CentreLatitude, pair.b.CentreLongitude));
    }
}

using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Uchastok.Rules.BeatDesign;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

/// <summary>A district's small areas as a districting instance, with what is needed to turn a plan back into beats.</summary>
/// <param name="Today">Each area's beat of today (an index into <paramref name="CurrentBeats"/>, or −1): all of them, where the problem's current plan keeps only the first k.</param>
public sealed record DistrictDesignProblem(
    DesignProblem Problem, IReadOnlyList<int> SmallAreaIds, IReadOnlyList<Geometry> Outlines, IReadOnlyList<Beat> CurrentBeats, DesignProblem CurrentProblem, IReadOnlyList<int> Today)
{
    /// <summary>
    /// The measures of a proposal, its moves counted against every beat of today: with fewer beats
    /// than today, the areas of the beats that end have moved too, though the optimiser started them
    /// unassigned. Today's beats go in by their ids, as approval matches them, so that even a tie
    /// between two overlaps is settled the same way here and there.
    /// </summary>
    public PlanMetrics Measure(IReadOnlyList<int> plan) => PlanMetrics.Of(Problem, plan, Today.Select(i => i < 0 ? -1 : CurrentBeats[i].Id).ToList());

    /// <summary>Reads a district's small areas, their loads (residents, incidents and located appeals of the window, travel) and today's beats.</summary>
    public static async Task<DistrictDesignProblem?> LoadAsync(
        UchastokDbContext db, WorkloadSettings settings, TimeProvider clock, int districtId, int? beats, bool keepReceptionPoints, CancellationToken cancellationToken)
    {
        var district = await DistrictLoads.LoadAsync(db, settings, clock, districtId, cancellationToken);
        if (district.Areas.Count == 0) return null;
        var current = await db.Beats.AsNoTracking().Include(b => b.ReceptionPoint).ThenInclude(p => p!.Address)
            .Where(b => b.DistrictId == districtId && b.IsActive).OrderBy(b => b.Number).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        var k = beats ?? current.Count;
        if (k < 1 || k > district.Areas.Count) return null;

        var areas = district.Areas.Select(a => a.Area).ToList();
        var outlines = district.Areas.Select(a => a.Outline).ToList();
        var loads = district.Areas.Select(a => a.Load.Total).ToList();
        var projection = LocalProjection.For(outlines);
        var metres = outlines.Select(projection.Project).ToList();
        var adjacency = AreaAdjacency.Build(metres, projected: true);
        var indexOfBeat = current.Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var today = areas.Select(a => a.BeatId is { } id && indexOfBeat.TryGetValue(id, out var i) ? i : -1).ToList();

        var fixedAreas = new bool[areas.Count];
        if (keepReceptionPoints)
        {
            var locator = new BeatLocator(outlines.Select((g, i) => (i, g)));
            foreach (var beat in current.Where(b => b.ReceptionPoint?.Address is not null))
            {
                var address = beat.ReceptionPoint!.Address;
                if (locator.Locate(address.Longitude, address.Latitude) is { } area && today[area] == indexOfBeat[beat.Id] && today[area] < k) fixedAreas[area] = true;
            }
        }
        DesignProblem Problem(int beatCount, IReadOnlyList<int> plan, IReadOnlyList<bool>? fixedOnes) => new(
            loads, metres.Select(m => m.Area).ToList(), metres.Select(m => m.Length).ToList(), metres.Select(m => (m.Centroid.X, m.Centroid.Y)).ToList(),
            areas.Select(a => a.Population).ToList(), adjacency, beatCount, plan, fixedOnes);

        // Today's beats beyond k have no place in a plan of k beats: their areas start unassigned.
        var currentWithinK = today.Select(i => i < k ? i : -1).ToList();
        var problem = Problem(k, currentWithinK, fixedAreas);
        var currentProblem = Problem(Math.Max(1, current.Count), today.Select(i => Math.Max(i, 0)).ToList(), null);
        return new DistrictDesignProblem(problem, areas.Select(a => a.Id).ToList(), outlines, current, currentProblem, today);
    }
}

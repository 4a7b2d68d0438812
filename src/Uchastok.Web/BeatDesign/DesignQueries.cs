using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Operation.Union;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

/// <summary>The two maps of a run as GeoJSON, and the small areas that move, to be drawn over both.</summary>
public sealed record RunMaps(string Today, string Proposal, string Moved, int MovedCount);

/// <summary>Design runs and beat versions as the pages and the API show them.</summary>
public sealed class DesignQueries(UchastokDbContext db, DesignRunner runner, IStringLocalizer<SharedResource> localizer)
{
    public async Task<DesignRunView?> RunAsync(ClaimsPrincipal user, int runId, CancellationToken cancellationToken)
    {
        var run = await db.DesignRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || !ScopeClaims.ManagesDistrict(user, run.DistrictId)) return null;
        var version = await db.BeatVersions.AsNoTracking().Where(v => v.RunId == runId).OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        return View(run, version);
    }

    public async Task<IReadOnlyList<DesignRunView>?> RunsAsync(ClaimsPrincipal user, int districtId, CancellationToken cancellationToken)
    {
        if (!ScopeClaims.ManagesDistrict(user, districtId)) return null;
        var runs = await db.DesignRuns.AsNoTracking().Where(r => r.DistrictId == districtId).OrderByDescending(r => r.Id).Take(20).ToListAsync(cancellationToken);
        var ids = runs.Select(r => (int?)r.Id).ToList();
        var versions = await db.BeatVersions.AsNoTracking().Where(v => ids.Contains(v.RunId)).ToListAsync(cancellationToken);
        return runs.Select(r => View(r, versions.Where(v => v.RunId == r.Id).MaxBy(v => v.Id))).ToList();
    }

    public async Task<IReadOnlyList<BeatVersionView>?> VersionsAsync(ClaimsPrincipal user, int districtId, CancellationToken cancellationToken)
    {
        if (!ScopeClaims.ManagesDistrict(user, districtId)) return null;
        var versions = await db.BeatVersions.AsNoTracking().Where(v => v.DistrictId == districtId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return versions.Select(v => new BeatVersionView(v.Id, v.Number, v.EffectiveFrom, Appeals.AppealText.ApiName(v.State), v.RunId, v.RecordedAtUtc,
            v.BeatCount, v.Note)).ToList();
    }

    /// <summary>
    /// Today's beats and the proposed ones (unions of their small areas) of a finished run as GeoJSON,
    /// each with its load over the mean, and the small areas that move. A proposed beat is named by
    /// the beat of today it carries on (the code it keeps on approval), or as a new beat.
    /// </summary>
    public async Task<RunMaps?> MapsAsync(ClaimsPrincipal user, int runId, WorkloadSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var run = await db.DesignRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run?.PlanJson is null || !ScopeClaims.ManagesDistrict(user, run.DistrictId)) return null;
        var plan = Plan(run);
        var district = await DistrictLoads.LoadAsync(db, settings, clock, run.DistrictId, cancellationToken);
        var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == run.DistrictId && b.IsActive).OrderBy(b => b.Number).Select(b => new { b.Id, b.Code, b.BoundaryGeoJson }).ToListAsync(cancellationToken);
        var codes = beats.ToDictionary(b => b.Id, b => b.Code);
        var planned = district.Areas.Where(a => plan.ContainsKey(a.Area.Id)).ToList();
        var change = Change(planned.Select(a => a.Area).ToList(), codes.Keys.ToHashSet(), plan);

        var proposed = planned.GroupBy(a => plan[a.Area.Id]).OrderBy(g => g.Key).ToList();
        var newBeats = 0;
        var names = proposed.ToDictionary(g => g.Key, g => change.Kept.TryGetValue(g.Key, out var kept) ? codes[kept] : localizer["Design.NewBeat", ++newBeats].Value);
        var proposedMean = proposed.Count == 0 ? 0 : proposed.Average(g => g.Sum(a => a.Load.Total));
        var proposal = BeatFeatures.Collection(proposed.Select(g => (names[g.Key],
            proposedMean == 0 ? 0 : g.Sum(a => a.Load.Total) / proposedMean, GeoJson.Write(UnaryUnionOp.Union(g.Select(a => a.Outline).ToList())))));

        // Today's beats, coloured by the same loads.
        var todayLoads = beats.Select(b => district.Areas.Where(a => a.Area.BeatId == b.Id).Sum(a => a.Load.Total)).ToList();
        var todayMean = todayLoads.Count == 0 ? 0 : todayLoads.Average();
        var today = BeatFeatures.Collection(beats.Select((b, i) => (b.Code, todayMean == 0 ? 0 : todayLoads[i] / todayMean, b.BoundaryGeoJson)));

        var moved = BeatFeatures.Collection(planned.Where((_, i) => change.Moved[i]).Select(a => (
            (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["code"] = a.Area.Code, ["from"] = a.Area.BeatId is { } id ? codes.GetValueOrDefault(id) : null, ["to"] = names[plan[a.Area.Id]], ["residents"] = a.Area.Population,
            },
            a.Area.BoundaryGeoJson)));
        return new RunMaps(today, proposal, moved, change.AreasMoved);
    }

    /// <summary>The proposal of a run: for each small area id, its beat in the proposal.</summary>
    internal static Dictionary<int, int> Plan(DesignRun run) => JsonSerializer.Deserialize<int[][]>(run.PlanJson!)!.ToDictionary(p => p[0], p => p[1]);

    /// <summary>Whether a finished run's proposal improves on today's beats; null before it is measured.</summary>
    internal static ProposalVerdict? Verdict(DesignRun run) =>
        run.BeforeJson is null || run.AfterJson is null ? null
            : RunMetrics.Verdict(JsonSerializer.Deserialize<RunMetrics>(run.BeforeJson)!, JsonSerializer.Deserialize<RunMetrics>(run.AfterJson)!);

    /// <summary>What a proposal changes for the given areas: the one matching of proposed beats to today's active ones, for the maps and for approval.</summary>
    internal static PlanChange Change(IReadOnlyList<SmallArea> areas, IReadOnlySet<int> activeBeats, IReadOnlyDictionary<int, int> plan)
    {
        var planned = areas.Where(a => plan.ContainsKey(a.Id)).ToList();
        return PlanChange.Of(
            planned.Select(a => a.BeatId is { } id && activeBeats.Contains(id) ? id : -1).ToList(), planned.Select(a => plan[a.Id]).ToList(), planned.Select(a => a.Population).ToList());
    }

    private DesignRunView View(DesignRun run, BeatVersion? version)
    {
        var live = run.State == DesignRunState.Running ? runner.Progress(run.Id) : null;
        return new DesignRunView(run.Id, run.DistrictId, Appeals.AppealText.ApiName(run.State), live?.Fraction ?? run.Progress, live?.Phase.ToString() ?? run.Phase, run.Beats, run.Seed,
            run.MinimalChange, run.KeepReceptionPoints, run.TimeLimitSeconds, run.RequestedAtUtc, run.FinishedAtUtc,
            run.BeforeJson is null ? null : JsonSerializer.Deserialize<RunMetrics>(run.BeforeJson), run.AfterJson is null ? null : JsonSerializer.Deserialize<RunMetrics>(run.AfterJson),
            run.Error, version?.Number, version?.EffectiveFrom, Verdict(run) is { } verdict ? Appeals.AppealText.ApiName(verdict) : null);
    }
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Operation.Union;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.BeatDesign;

public sealed record DesignRunInput(int? Beats, int? Seed, bool MinimalChange, bool KeepReceptionPoints, int? TimeLimitSeconds);

/// <param name="Verdict">Once measured: whether the proposal improves on today's beats (improves), moves areas for no real gain (notBetter: approval needs confirmNotBetter), or changes nothing (unchanged: nothing to approve).</param>
public sealed record DesignRunView(
    int Id, int DistrictId, string State, double Progress, string? Phase, int Beats, int Seed, bool MinimalChange, bool KeepReceptionPoints, int TimeLimitSeconds,
    DateTime RequestedAtUtc, DateTime? FinishedAtUtc, RunMetrics? Before, RunMetrics? After, string? Error, int? VersionNumber, DateOnly? EffectiveFrom, string? Verdict);

public sealed record BeatVersionView(int Id, int Number, DateOnly EffectiveFrom, string State, int? RunId, DateTime RecordedAtUtc, int Beats, string? Note);

public enum DesignOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    NotNow,
}

/// <summary>What a design command came to; <see cref="MessageKey"/> names the resource that says why it did not happen.</summary>
public sealed record DesignResult(DesignOutcome Outcome, FieldErrors Errors, string? MessageKey = null, int? Id = null);

/// <summary>
/// What a supervisor does with beat design: start a run for his district, cancel it, approve its
/// proposal as a new version of the beats from a date. Approving today applies it at once; a later
/// date waits for <see cref="BeatVersionActivator"/>. Applying keeps each beat that the new one
/// mostly overlaps (its code, number and inspector), makes new beats vacant, retires the rest, and
/// records the version, so the history is kept and routing follows the active version.
/// </summary>
public sealed class DesignCommands(
    UchastokDbContext db, DesignRunner runner, TerritorySnapshotCache territory, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<DesignCommands> logger)
{
    public const int MaxTimeLimitSeconds = 600;

    public async Task<DesignResult> StartAsync(ClaimsPrincipal user, int districtId, DesignRunInput input, CancellationToken cancellationToken)
    {
        if (!await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken)) return new(DesignOutcome.NotFound, new());
        if (!ScopeClaims.ManagesDistrict(user, districtId)) return new(DesignOutcome.Forbidden, new());
        var errors = new FieldErrors();
        var areas = await db.SmallAreas.CountAsync(a => a.DistrictId == districtId, cancellationToken);
        var current = await db.Beats.CountAsync(b => b.DistrictId == districtId && b.IsActive, cancellationToken);
        var beats = input.Beats ?? current;
        if (areas == 0) errors.Add("beats", localizer["Design.NoSmallAreas"]);
        else if (beats < 1 || beats > areas) errors.Add("beats", localizer["Design.BeatsOutOfRange", areas]);
        var limit = input.TimeLimitSeconds ?? 120;
        if (limit is < 5 or > MaxTimeLimitSeconds) errors.Add("timeLimitSeconds", localizer["Design.TimeLimitOutOfRange", MaxTimeLimitSeconds]);
        if (errors.Count > 0) return new(DesignOutcome.Invalid, errors);

        var run = new DesignRun
        {
            DistrictId = districtId, RequestedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier), RequestedAtUtc = clock.GetUtcNow().UtcDateTime,
            Beats = beats, Seed = input.Seed ?? Rules.BeatDesign.OptimiserOptions.DefaultSeed, MinimalChange = input.MinimalChange, KeepReceptionPoints = input.KeepReceptionPoints,
            TimeLimitSeconds = limit, State = DesignRunState.Queued, TerritoryRevision = await TerritorySnapshotCache.RevisionAsync(db, cancellationToken),
        };
        db.DesignRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        runner.Enqueue(run.Id);
        logger.LogInformation("Design run {RunId} queued for district {District} by {UserId}: {Beats} beats, seed {Seed}, minimal change {MinimalChange}", run.Id, districtId, run.RequestedByUserId, beats, run.Seed, run.MinimalChange);
        return new(DesignOutcome.Done, errors, Id: run.Id);
    }

    public async Task<DesignResult> CancelAsync(ClaimsPrincipal user, int runId, CancellationToken cancellationToken)
    {
        var run = await db.DesignRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || !ScopeClaims.ManagesDistrict(user, run.DistrictId)) return new(DesignOutcome.NotFound, new());
        if (run.State == DesignRunState.Queued)
        {
            var changed = await db.DesignRuns.Where(r => r.Id == runId && r.State == DesignRunState.Queued)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.State, DesignRunState.Cancelled).SetProperty(x => x.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
            if (changed > 0) return new(DesignOutcome.Done, new());
        }
        return runner.Cancel(runId) ? new(DesignOutcome.Done, new()) : new(DesignOutcome.NotNow, new(), "Design.NotRunning");
    }

    /// <summary>
    /// Approves a finished proposal from a date. One that does not improve on today's beats
    /// (<see cref="ProposalImprovementRule"/>) needs <paramref name="confirmNotBetter"/>: moving
    /// residents to another inspector for no gain must be a decision, not a click. One that changes
    /// nothing is refused: there is nothing to approve.
    /// </summary>
    public async Task<DesignResult> ApproveAsync(ClaimsPrincipal user, int runId, DateOnly? effectiveFrom, bool confirmNotBetter, CancellationToken cancellationToken)
    {
        var run = await db.DesignRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || !ScopeClaims.ManagesDistrict(user, run.DistrictId)) return new(DesignOutcome.NotFound, new());
        if (run.State != DesignRunState.Done) return new(DesignOutcome.NotNow, new(), "Design.NotDone");
        // A proposal for beats that have changed since is void whatever it says; that comes first.
        if (run.TerritoryRevision != await TerritorySnapshotCache.RevisionAsync(db, cancellationToken))
            return new(DesignOutcome.NotNow, new(), "Design.TerritoryChanged");
        var verdict = DesignQueries.Verdict(run);
        if (verdict == ProposalVerdict.Unchanged) return new(DesignOutcome.NotNow, new(), "Design.Unchanged");
        var today = KazakhstanTime.Today(clock);
        var from = effectiveFrom ?? today;
        var errors = new FieldErrors();
        if (from < today || from > today.AddDays(366)) errors.Add("effectiveFrom", localizer["Design.EffectiveFromOutOfRange"]);
        if (verdict != ProposalVerdict.Improves && !confirmNotBetter) errors.Add("confirmNotBetter", localizer["Design.ConfirmNotBetterRequired"]);
        if (errors.Count > 0) return new(DesignOutcome.Invalid, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claimed by a conditional update: of two approvals of one run, one goes ahead.
        var claimed = await db.DesignRuns.Where(r => r.Id == runId && r.State == DesignRunState.Done)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.State, DesignRunState.Approved), cancellationToken);
        if (claimed == 0) return new(DesignOutcome.NotNow, new(), "Design.NotDone");
        if (await db.BeatVersions.AnyAsync(v => v.DistrictId == run.DistrictId && v.State == BeatVersionState.Scheduled, cancellationToken))
            return new(DesignOutcome.NotNow, new(), "Design.AlreadyScheduled");
        var number = await NextVersionNumberAsync(run.DistrictId, cancellationToken);
        var version = new BeatVersion
        {
            DistrictId = run.DistrictId, Number = number, EffectiveFrom = from, State = BeatVersionState.Scheduled, RunId = run.Id,
            ApprovedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier), RecordedAtUtc = clock.GetUtcNow().UtcDateTime, BeatsGeoJson = "{}",
        };
        db.BeatVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        if (from <= today)
        {
            try
            {
                await ApplyAsync(version, run, cancellationToken);
            }
            catch (TerritoryChangedException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new(DesignOutcome.NotNow, new(), "Design.TerritoryChanged");
            }
        }
        await transaction.CommitAsync(cancellationToken);
        if (from <= today) territory.Invalidate();
        logger.LogInformation("Design run {RunId} approved by {UserId} as version {Version} of district {District}, effective {EffectiveFrom}", run.Id, version.ApprovedByUserId, number, run.DistrictId, from);
        return new(DesignOutcome.Done, errors, Id: version.Id);
    }

    /// <summary>Applies every scheduled version whose date has come; one whose territory changed meanwhile fails instead.</summary>
    public async Task<int> ActivateDueAsync(CancellationToken cancellationToken)
    {
        var today = KazakhstanTime.Today(clock);
        var due = await db.BeatVersions.Where(v => v.State == BeatVersionState.Scheduled && v.EffectiveFrom <= today).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Claimed by a conditional update: another node (or pass) applying the same version meanwhile makes this one skip it.
            var claimed = await db.BeatVersions.Where(v => v.Id == id && v.State == BeatVersionState.Scheduled)
                .ExecuteUpdateAsync(v => v.SetProperty(x => x.Note, x => x.Note), cancellationToken);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            var version = await db.BeatVersions.SingleAsync(v => v.Id == id, cancellationToken);
            var run = await db.DesignRuns.SingleAsync(r => r.Id == version.RunId, cancellationToken);
            try
            {
                await ApplyAsync(version, run, cancellationToken);
                applied++;
                await transaction.CommitAsync(cancellationToken);
            }
            catch (TerritoryChangedException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                await db.BeatVersions.Where(v => v.Id == id && v.State == BeatVersionState.Scheduled)
                    .ExecuteUpdateAsync(v => v.SetProperty(x => x.State, BeatVersionState.Failed).SetProperty(x => x.Note, localizer["Design.TerritoryChanged"].Value), cancellationToken);
            }
        }
        if (applied > 0) territory.Invalidate();
        return applied;
    }

    private async Task ApplyAsync(BeatVersion version, DesignRun run, CancellationToken cancellationToken)
    {
        // The revision moves on only from the one the run started from: of two approvals racing on the
        // same territory one applies, and the other finds the row changed and is refused.
        if (!await TerritorySnapshotCache.BumpRevisionAsync(db, cancellationToken, expected: run.TerritoryRevision)) throw new TerritoryChangedException();
        var district = await db.Districts.SingleAsync(d => d.Id == run.DistrictId, cancellationToken);
        var areas = await db.SmallAreas.Where(a => a.DistrictId == run.DistrictId).ToListAsync(cancellationToken);
        var beats = await db.Beats.Where(b => b.DistrictId == run.DistrictId && b.IsActive).ToListAsync(cancellationToken);
        await RecordFirstVersionAsync(district, beats, areas, cancellationToken);

        var plan = DesignQueries.Plan(run);
        var groups = areas.Where(a => plan.ContainsKey(a.Id)).GroupBy(a => plan[a.Id]).OrderBy(g => g.Key).ToList();

        // Each new beat keeps the old beat it shares most residents with, largest overlaps first: the
        // matching that counted the areas moved, so the proposal moves exactly the areas it said it would.
        var keptFor = DesignQueries.Change(areas, beats.Select(b => b.Id).ToHashSet(), plan).Kept.ToDictionary(k => k.Key, k => beats.Single(b => b.Id == k.Value));
        var prefix = district.Code.Length >= 3 ? district.Code[..3].ToUpperInvariant() : district.Code.ToUpperInvariant();
        var numbers = await db.Beats.Where(b => b.DistrictId == district.Id).Select(b => b.Number).ToListAsync(cancellationToken);
        var codes = (await db.Beats.Select(b => b.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var nextNumber = numbers.Count == 0 ? 1 : numbers.Max() + 1;

        foreach (var group in groups)
        {
            if (!keptFor.TryGetValue(group.Key, out var beat))
            {
                while (codes.Contains($"{prefix}-{nextNumber:000}")) nextNumber++;
                // A new beat is vacant until the supervisor assigns an inspector; it is received where most of its residents were.
                var nearest = beats.MaxBy(b => group.Where(a => a.BeatId == b.Id).Sum(a => a.Population + 1));
                beat = new Beat
                {
                    Code = $"{prefix}-{nextNumber:000}", Number = nextNumber, DistrictId = district.Id, BoundaryGeoJson = string.Empty, ReceptionPointId = nearest?.ReceptionPointId,
                };
                codes.Add(beat.Code);
                nextNumber++;
                db.Beats.Add(beat);
            }
            var outline = UnaryUnionOp.Union(group.Select(a => GeoJson.ReadGeometry(a.BoundaryGeoJson)).ToList());
            ImportBeatsCommand.SetBoundary(beat, outline);
            beat.Population = group.Sum(a => a.Population);
            beat.IsActive = true;
            keptFor[group.Key] = beat;
        }
        foreach (var retired in beats.Where(b => !keptFor.ContainsValue(b))) retired.IsActive = false;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var area in areas.Where(a => plan.ContainsKey(a.Id))) area.BeatId = keptFor[plan[area.Id]].Id;

        foreach (var earlier in await db.BeatVersions.Where(v => v.DistrictId == district.Id && v.State == BeatVersionState.Active).ToListAsync(cancellationToken))
            earlier.State = BeatVersionState.Superseded;
        version.State = BeatVersionState.Active;
        (version.BeatsGeoJson, version.BeatCount) = (VersionGeoJson(keptFor.Values, areas), keptFor.Count);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The territory changed since the run was made: its plan no longer fits.</summary>
    private sealed class TerritoryChangedException : Exception;

    /// <summary>The beats as they were before the first approved design: version 1 of the district's history.</summary>
    private async Task RecordFirstVersionAsync(District district, List<Beat> beats, List<SmallArea> areas, CancellationToken cancellationToken)
    {
        if (await db.BeatVersions.AnyAsync(v => v.DistrictId == district.Id && v.State != BeatVersionState.Scheduled, cancellationToken)) return;
        db.BeatVersions.Add(new BeatVersion
        {
            DistrictId = district.Id, Number = 0, EffectiveFrom = DateOnly.MinValue, State = BeatVersionState.Active, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            BeatsGeoJson = VersionGeoJson(beats, areas), BeatCount = beats.Count, Note = localizer["Design.FirstVersion"],
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> NextVersionNumberAsync(int districtId, CancellationToken cancellationToken)
    {
        var last = await db.BeatVersions.Where(v => v.DistrictId == districtId).MaxAsync(v => (int?)v.Number, cancellationToken);
        return Math.Max(1, (last ?? 0) + 1);
    }

    private static string VersionGeoJson(IEnumerable<Beat> beats, IReadOnlyList<SmallArea> areas) =>
        BeatFeatures.Collection(beats.OrderBy(b => b.Number).Select(b => (
            (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["code"] = b.Code, ["population"] = b.Population, ["smallAreas"] = areas.Where(a => a.BeatId == b.Id).Select(a => a.Code).ToList() },
            b.BoundaryGeoJson)));
}

/// <summary>Puts scheduled beat versions into force on their date: checked at start and every ten minutes.</summary>
public sealed class BeatVersionActivator(IServiceScopeFactory scopes, JobLocks locks, TimeProvider clock, ILogger<BeatVersionActivator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        do
        {
            try
            {
                // One node at a time; another node's pass running now does this work.
                await using var held = await locks.TryTakeAsync(nameof(BeatVersionActivator), stoppingToken);
                if (held is null) continue;
                await using var scope = scopes.CreateAsyncScope();
                var applied = await scope.ServiceProvider.GetRequiredService<DesignCommands>().ActivateDueAsync(stoppingToken);
                if (applied > 0) logger.LogInformation("{Count} scheduled beat versions put into force", applied);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Scheduled beat versions could not be checked; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

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

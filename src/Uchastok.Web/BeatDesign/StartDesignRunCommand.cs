using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

/// <summary>A supervisor asks the optimiser for a proposal for his district: the run is queued for <see cref="DesignRunner"/>.</summary>
public sealed class StartDesignRunCommand(
    UchastokDbContext db, DesignRunner runner, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<StartDesignRunCommand> logger)
{
    public const int MaxTimeLimitSeconds = 600;

    public async Task<DesignResult> ExecuteAsync(ClaimsPrincipal user, int districtId, DesignRunInput input, CancellationToken cancellationToken)
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
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

/// <summary>
/// Approves a finished proposal as a new version of the district's beats from a date. Approving
/// today applies it at once (<see cref="ApplyBeatVersion"/>); a later date waits for
/// <see cref="BeatVersionActivator"/>.
/// </summary>
public sealed class ApproveDesignCommand(
    UchastokDbContext db, ApplyBeatVersion apply, TerritorySnapshotCache territory, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<ApproveDesignCommand> logger)
{
    /// <summary>
    /// One that does not improve on today's beats (<see cref="ProposalImprovementRule"/>) needs
    /// <paramref name="confirmNotBetter"/>: moving residents to another inspector for no gain must be
    /// a decision, not a click. One that changes nothing is refused: there is nothing to approve.
    /// </summary>
    public async Task<DesignResult> ExecuteAsync(ClaimsPrincipal user, int runId, DateOnly? effectiveFrom, bool confirmNotBetter, CancellationToken cancellationToken)
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
        var version = new BeatVersion
        {
            DistrictId = run.DistrictId, Number = await NextVersionNumberAsync(run.DistrictId, cancellationToken), EffectiveFrom = from, State = BeatVersionState.Scheduled,
            RunId = run.Id, ApprovedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier), RecordedAtUtc = clock.GetUtcNow().UtcDateTime, BeatsGeoJson = "{}",
        };
        db.BeatVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        if (from <= today && !await apply.ExecuteAsync(version, run, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new(DesignOutcome.NotNow, new(), "Design.TerritoryChanged");
        }
        await transaction.CommitAsync(cancellationToken);
        if (from <= today) territory.Invalidate();
        logger.LogInformation("Design run {RunId} approved by {UserId} as version {Version} of district {District}, effective {EffectiveFrom}", run.Id, version.ApprovedByUserId, version.Number, run.DistrictId, from);
        return new(DesignOutcome.Done, errors, Id: version.Id);
    }

    private async Task<int> NextVersionNumberAsync(int districtId, CancellationToken cancellationToken)
    {
        var last = await db.BeatVersions.Where(v => v.DistrictId == districtId).MaxAsync(v => (int?)v.Number, cancellationToken);
        return Math.Max(1, (last ?? 0) + 1);
    }
}

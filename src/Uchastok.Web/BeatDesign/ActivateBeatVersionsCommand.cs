using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

/// <summary>Applies every scheduled version whose date has come (<see cref="BeatVersionActivator"/> calls it); one whose territory changed meanwhile fails instead.</summary>
public sealed class ActivateBeatVersionsCommand(
    UchastokDbContext db, ApplyBeatVersion apply, TerritorySnapshotCache territory, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    /// <returns>How many versions were put into force.</returns>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
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
            if (await apply.ExecuteAsync(version, run, cancellationToken))
            {
                applied++;
                await transaction.CommitAsync(cancellationToken);
                continue;
            }
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await db.BeatVersions.Where(v => v.Id == id && v.State == BeatVersionState.Scheduled)
                .ExecuteUpdateAsync(v => v.SetProperty(x => x.State, BeatVersionState.Failed).SetProperty(x => x.Note, localizer["Design.TerritoryChanged"].Value), cancellationToken);
        }
        if (applied > 0) territory.Invalidate();
        return applied;
    }
}

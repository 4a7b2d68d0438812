using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.BeatDesign;

/// <summary>Stops a queued run (a conditional update) or a running one (through <see cref="DesignRunner"/>).</summary>
public sealed class CancelDesignRunCommand(UchastokDbContext db, DesignRunner runner, TimeProvider clock)
{
    public async Task<DesignResult> ExecuteAsync(ClaimsPrincipal user, int runId, CancellationToken cancellationToken)
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
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Territory;

public enum AssignInspectorResult { Assigned, BeatNotFound, Forbidden, OfficerNotFound, OfficerInAnotherDistrict }

/// <summary>Puts an officer in charge of a beat (or leaves it vacant), within the caller's scope.</summary>
public sealed class AssignInspectorCommand(UchastokDbContext db, TerritorySnapshotCache territory, IAuthorizationService authorization, ILogger<AssignInspectorCommand> logger)
{
    public async Task<AssignInspectorResult> ExecuteAsync(ClaimsPrincipal user, int beatId, int? officerId, CancellationToken cancellationToken = default)
    {
        var beat = await db.Beats.SingleOrDefaultAsync(b => b.Id == beatId && b.IsActive, cancellationToken);
        if (beat is null) return AssignInspectorResult.BeatNotFound;
        if (!(await authorization.AuthorizeAsync(user, beat, TerritoryOperations.AssignInspector)).Succeeded)
            return AssignInspectorResult.Forbidden;

        if (officerId is { } id)
        {
            var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (officer is null) return AssignInspectorResult.OfficerNotFound;
            if (officer.DistrictId != beat.DistrictId) return AssignInspectorResult.OfficerInAnotherDistrict;
        }

        beat.InspectorId = officerId;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            // Beat cards are served from memory: every node must see the new inspector.
            await TerritorySnapshotCache.BumpRevisionAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        territory.Invalidate();
        logger.LogInformation("Beat {BeatCode} assigned to officer {OfficerId} by {User}", beat.Code, officerId, user.Identity?.Name);
        return AssignInspectorResult.Assigned;
    }
}

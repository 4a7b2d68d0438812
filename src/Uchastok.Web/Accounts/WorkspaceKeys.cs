using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Accounts;

/// <summary>The key of the inspector's offline workspace, released to a signed-in account only (ADR 0013).</summary>
public sealed record WorkspaceKeyView(string UserId, string Key, DateTime SessionEndsAt);

/// <summary>
/// The key the browser encrypts the offline workspace with (issue 18, ADR 0013): derived from the deployment's
/// secret HMAC key (<see cref="SearchHashes"/>) and the account id, so it is the same on every node and at every
/// sign-in — what was queued offline in one shift session is still readable after the next sign-in — and is never
/// stored on the server. It is released only to the account itself, with the end of the session that asked, which
/// the tablet keeps so that offline it locks the workspace when the shift's session has ended.
/// </summary>
public sealed class WorkspaceKeys(UchastokDbContext db, SearchHashes hashes)
{
    /// <summary>The hash kind that separates this key from every search hash made with the same secret.</summary>
    public const string Kind = "workspace-key";

    /// <summary>The key and the session's end, or null when the principal carries no open session (it then has no business with the key).</summary>
    public async Task<WorkspaceKeyView?> ForAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || principal.FindFirstValue(AccountSessions.SessionClaim) is not { } sessionId)
            return null;
        var endsAt = await db.AccountSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAtUtc == null)
            .Select(s => (DateTime?)s.ExpiresAtUtc).SingleOrDefaultAsync(cancellationToken);
        if (endsAt is null) return null;
        var key = Convert.FromHexString(await hashes.HashAsync(Kind, userId, cancellationToken));
        return new WorkspaceKeyView(userId, Convert.ToBase64String(key), DateTime.SpecifyKind(endsAt.Value, DateTimeKind.Utc));
    }
}

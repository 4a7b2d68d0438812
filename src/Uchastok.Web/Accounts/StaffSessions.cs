using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Accounts;

/// <summary>
/// One open session of a staff member as his supervisor sees it: whose, on what (a browser, or an app with bearer tokens), opened when,
/// ending when. No network address or user agent is kept (minimal personal data), so the device is told apart by these alone. The
/// session is named by <see cref="Handle"/>, never by its id, which is the secret the cookie and the tokens carry.
/// </summary>
public sealed record StaffSessionView(string Handle, string UserId, string Name, string[] Roles, int? DistrictId, string Kind, DateTime OpenedAtUtc, DateTime EndsAtUtc);

/// <summary>What was ended: whose sessions, and how many.</summary>
public sealed record EndedSessions(string UserId, string Name, int Count);

/// <summary>
/// The supervisor's answer to a lost tablet (issue 18): he sees the open sessions of his district's staff and ends one, or all of one
/// officer's, with the reason <see cref="AccountSessions.DeviceRevoked"/>; the device is signed out and wiped at its next contact. The
/// administrator does the same for every staff account. Anyone else's session, or a session outside the district, is "not found".
/// Each list is a read of personal data (whose shifts, when) and is logged; each ending is logged with who ended whose session.
/// </summary>
public sealed class StaffSessions(
    UchastokDbContext db, UserManager<ApplicationUser> users, AccountSessions sessions, PersonalDataLog log, TimeProvider clock, ILogger<StaffSessions> logger)
{
    public const string BrowserKind = "browser";
    public const string AppKind = "app";

    /// <summary>A session's public name: not its id (the cookie's secret), but a digest of it that cannot be turned back into one.</summary>
    public static string HandleOf(string sessionId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("uchastok-session-handle:" + sessionId)))[..20];

    /// <summary>The open sessions the reader may end, by officer then newest first; logged as a read of personal data.</summary>
    public async Task<IReadOnlyList<StaffSessionView>> ListAsync(ClaimsPrincipal reader, CancellationToken cancellationToken = default)
    {
        var rows = await OpenSessionsVisibleTo(reader).ToListAsync(cancellationToken);
        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var roles = (await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order().ToArray());
        await log.RecordAsync(users.GetUserId(reader) ?? "unknown", null, "staff-sessions", cancellationToken);
        return rows
            .OrderBy(r => r.DisplayName, StringComparer.CurrentCulture).ThenBy(r => r.UserId, StringComparer.Ordinal).ThenByDescending(r => r.CreatedAtUtc)
            .Select(r => new StaffSessionView(HandleOf(r.Id), r.UserId, r.DisplayName, roles.GetValueOrDefault(r.UserId, []), r.DistrictId,
                r.Kind == AccountSessions.BearerKind ? AppKind : BrowserKind, r.CreatedAtUtc, r.ExpiresAtUtc))
            .ToList();
    }

    /// <summary>Ends the session named by <paramref name="handle"/>, if the reader may see it; null when not (or no longer) found.</summary>
    public async Task<EndedSessions?> EndAsync(ClaimsPrincipal reader, string handle, CancellationToken cancellationToken = default)
    {
        // A district's staff hold a few sessions each; their handles are computed here rather than stored (no column for them).
        var session = (await OpenSessionsVisibleTo(reader).ToListAsync(cancellationToken)).FirstOrDefault(s => HandleOf(s.Id) == handle);
        if (session is null || !await sessions.EndDeviceAsync(session.Id, cancellationToken)) return null;
        logger.LogInformation("Session {Handle} ({Kind}) of {SubjectUserId} ended as {Reason} by {ActorUserId}",
            handle, session.Kind, session.UserId, AccountSessions.DeviceRevoked, users.GetUserId(reader));
        return new EndedSessions(session.UserId, session.DisplayName, 1);
    }

    /// <summary>Ends every open session of one staff member the reader may see; null when he may not (or there is no such account).</summary>
    public async Task<EndedSessions?> EndAllAsync(ClaimsPrincipal reader, string userId, CancellationToken cancellationToken = default)
    {
        var subject = await StaffVisibleTo(reader).Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (subject is null) return null;
        var count = await sessions.EndDevicesOfAsync(subject.Id, cancellationToken);
        logger.LogInformation("{Count} sessions of {SubjectUserId} ended as {Reason} by {ActorUserId}",
            count, subject.Id, AccountSessions.DeviceRevoked, users.GetUserId(reader));
        return new EndedSessions(subject.Id, subject.DisplayName, count);
    }

    /// <summary>The staff accounts whose sessions the reader may end: every one for an administrator, his district's for a supervisor, none for anyone else.</summary>
    private IQueryable<ApplicationUser> StaffVisibleTo(ClaimsPrincipal reader)
    {
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name)).Select(r => r.Id);
        var staff = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)));
        if (reader.IsInRole(Roles.Admin)) return staff;
        if (reader.IsInRole(Roles.Supervisor) && ScopeClaims.District(reader) is { } district) return staff.Where(u => u.DistrictId == district);
        return staff.Where(u => false);
    }

    private sealed record OpenRow(string Id, string UserId, string DisplayName, int? DistrictId, string Kind, DateTime CreatedAtUtc, DateTime ExpiresAtUtc);

    /// <summary>Sessions that would be let in now: not ended, not expired, opened under the account's current security stamp.</summary>
    private IQueryable<OpenRow> OpenSessionsVisibleTo(ClaimsPrincipal reader)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.AccountSessions.AsNoTracking()
            .Where(s => s.RevokedAtUtc == null && s.ExpiresAtUtc > now)
            .Join(StaffVisibleTo(reader), s => s.UserId, u => u.Id, (s, u) => new { s, u })
            .Where(x => x.u.SecurityStamp == x.s.SecurityStamp)
            .Select(x => new OpenRow(x.s.Id, x.s.UserId, x.u.DisplayName, x.u.DistrictId, x.s.Kind, x.s.CreatedAtUtc, x.s.ExpiresAtUtc));
    }
}

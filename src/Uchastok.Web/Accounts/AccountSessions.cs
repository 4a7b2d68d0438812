using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Server-side sessions (<c>accounts_sessions</c>): every sign-in, by cookie or by bearer token, opens
/// one; the cookie and the tokens carry its id (<see cref="SessionClaim"/>) and every request checks the
/// row, so a session ends at once on every node. A refresh token is good once: exchanging it moves the
/// session to the next generation, which retires the access and refresh tokens of the previous one;
/// presenting a retired refresh token ends the whole session, since someone else holds a copy.
/// A session found open is remembered on the node for a second (<see cref="OpenSessionCache"/>), and
/// forgotten at once when this node ends it.
/// </summary>
public sealed class AccountSessions(UchastokDbContext db, OpenSessionCache cache, TimeProvider clock, Microsoft.Extensions.Options.IOptions<AccountsOptions> options)
{
    public const string SessionClaim = "uchastok:sid";
    public const string GenerationClaim = "uchastok:gen";
    public const string CookieKind = "cookie";
    public const string BearerKind = "bearer";

    /// <summary>The cookie's lifetime, sliding; the row's expiry follows the cookie's renewals.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(8);

    /// <summary>A refresh token's lifetime; each exchange starts it again.</summary>
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(14);

    /// <summary>The reason of a session a supervisor or an administrator ended because its device was lost: the device's data is wiped at its next contact.</summary>
    public const string DeviceRevoked = "device-revoked";

    /// <summary>
    /// The roles whose sessions last one shift (<see cref="AccountsOptions.ShiftLength"/>) from sign-in: every staff role, not only the
    /// district positions. Partners and administrators read personal data too, and sign in on shared office machines as often; residents
    /// keep the sliding cookie and the 14-day refresh.
    /// </summary>
    public static readonly string[] ShiftRoles = Roles.Staff;

    private TimeSpan ShiftLength => options.Value.ShiftLength;

    private sealed record SessionState(string UserId, int Generation, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, string? RevokedReason, bool StampCurrent);

    /// <summary>Opens a session and returns its id and its end (for a staff account, at most one shift away).</summary>
    public async Task<OpenedSession> OpenAsync(ApplicationUser user, string kind, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + (kind == BearerKind ? RefreshLifetime : CookieLifetime);
        var onShift = await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
            .AnyAsync(name => ShiftRoles.Contains(name), cancellationToken);
        if (onShift && now + ShiftLength < expires) expires = now + ShiftLength;
        var session = new AccountSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = user.Id,
            Kind = kind,
            SecurityStamp = user.SecurityStamp ?? string.Empty,
            CreatedAtUtc = now,
            ExpiresAtUtc = expires,
            ShiftEndsAtUtc = onShift ? now + ShiftLength : null,
        };
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new OpenedSession(session.Id, expires);
    }

    /// <summary>
    /// When the shift of the session's account ends, as the session's row recorded it when it opened, or sooner when the
    /// configured shift has since been shortened; null for an account that works no shifts or for no such session.
    /// </summary>
    private async Task<DateTime?> ShiftEndAsync(string sessionId, CancellationToken cancellationToken)
    {
        var row = await db.AccountSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.ShiftEndsAtUtc, s.CreatedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (row?.ShiftEndsAtUtc is not { } recorded) return null;
        var configured = row.CreatedAtUtc + ShiftLength;
        return configured < recorded ? configured : recorded;
    }

    /// <summary>
    /// Gives the open staff sessions opened before <see cref="AccountSession.ShiftEndsAtUtc"/> existed their shift's end, as
    /// <see cref="ShiftEndAsync"/> computed it then (sign-in + the configured shift). The migration cannot: the shift's length is
    /// configuration, not data. Runs at every start and with the hourly clean-up (a node of the previous release may still open
    /// sessions without it during a rolling update); once the rows are filled it finds nothing (a session lasts 14 days at most).
    /// </summary>
    public static async Task<int> FillMissingShiftEndsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var shift = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountsOptions>>().Value.ShiftLength;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var onShift = RoleHolders.IdsHoldingAny(db, ShiftRoles);
        var open = await db.AccountSessions
            .Where(s => s.ShiftEndsAtUtc == null && s.RevokedAtUtc == null && s.ExpiresAtUtc > now && onShift.Contains(s.UserId))
            .ToListAsync(cancellationToken);
        foreach (var session in open) session.ShiftEndsAtUtc = session.CreatedAtUtc + shift;
        await db.SaveChangesAsync(cancellationToken);
        return open.Count;
    }

    /// <summary>
    /// Whether the session the principal carries is open: not ended, not expired, opened under the
    /// account's current security stamp and, for a bearer token, of the current generation. One
    /// query by primary key, joined to the account's row by its primary key, unless this node found
    /// the session open less than <see cref="OpenSessionCache.MaxAge"/> ago.
    /// </summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal, bool checkGeneration, CancellationToken cancellationToken = default) =>
        (await CheckAsync(principal, checkGeneration, cancellationToken)).Open;

    /// <summary>
    /// <see cref="IsOpenAsync"/>, with the session's end when it is open (what a renewed cookie may promise at most), and whether it was
    /// ended because its device was lost (<see cref="DeviceRevoked"/>), which is only ever read from the row.
    /// </summary>
    public async Task<SessionCheck> CheckAsync(ClaimsPrincipal principal, bool checkGeneration, CancellationToken cancellationToken = default)
    {
        if (principal.FindFirstValue(SessionClaim) is not { } id) return SessionCheck.Closed;
        var now = clock.GetUtcNow().UtcDateTime;
        bool Matches(string userId, int generation, DateTime expiresAtUtc) =>
            expiresAtUtc > now && userId == principal.FindFirstValue(ClaimTypes.NameIdentifier)
            && (!checkGeneration || principal.FindFirstValue(GenerationClaim) == generation.ToString(CultureInfo.InvariantCulture));

        // The memory only ever says yes: a token it does not match (a newer generation, say) is checked against the row.
        if (cache.Find(id) is { } open && Matches(open.UserId, open.Generation, open.ExpiresAtUtc)) return new SessionCheck(true, open.ExpiresAtUtc, false);
        var epoch = cache.Epoch;
        var state = await db.AccountSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SessionState(s.UserId, s.Generation, s.ExpiresAtUtc, s.RevokedAtUtc, s.RevokedReason,
                db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp)))
            .FirstOrDefaultAsync(cancellationToken);
        if (state is null) return SessionCheck.Closed;
        // Only the account the token names may learn that its device was revoked (and be wiped for it).
        if (state.RevokedAtUtc is not null)
            return new SessionCheck(false, state.ExpiresAtUtc, state.RevokedReason == DeviceRevoked && state.UserId == principal.FindFirstValue(ClaimTypes.NameIdentifier));
        if (!state.StampCurrent || state.ExpiresAtUtc <= now) return SessionCheck.Closed;
        cache.Keep(id, state.UserId, state.Generation, state.ExpiresAtUtc, epoch);
        return Matches(state.UserId, state.Generation, state.ExpiresAtUtc) ? new SessionCheck(true, state.ExpiresAtUtc, false) : SessionCheck.Closed;
    }

    /// <summary>
    /// Exchanges the refresh token's generation for the next one and returns it; null when the token
    /// is not the session's current one, in which case the session is ended (a reused token).
    /// The update is conditional, so two nodes exchanging the same token cannot both succeed.
    /// </summary>
    public async Task<RotatedSession?> RotateAsync(ClaimsPrincipal refreshPrincipal, CancellationToken cancellationToken = default)
    {
        if (refreshPrincipal.FindFirstValue(SessionClaim) is not { } id
            || !int.TryParse(refreshPrincipal.FindFirstValue(GenerationClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + RefreshLifetime;
        // A staff member's refresh never reaches past his shift: after it, he signs in again.
        if (await ShiftEndAsync(id, cancellationToken) is { } shiftEnd && shiftEnd < expires) expires = shiftEnd;
        if (expires <= now) return null;
        int rotated;
        try
        {
            rotated = await db.AccountSessions
                .Where(s => s.Id == id && s.Kind == BearerKind && s.Generation == generation && s.RevokedAtUtc == null && s.ExpiresAtUtc > now)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Generation, s => s.Generation + 1).SetProperty(s => s.ExpiresAtUtc, expires), cancellationToken);
        }
        finally
        {
            // Either way (even if the write's answer was lost) the generation this node may remember is no longer sure.
            cache.Forget(id);
        }
        if (rotated == 1) return new RotatedSession(generation + 1, expires);
        try
        {
            // A session that is over (its shift or its fourteen days) keeps its end as it is; an open one is ended, since someone else holds a copy.
            await EndAsync(db.AccountSessions.Where(s => s.Id == id && s.ExpiresAtUtc > now), "refresh-reused", cancellationToken);
        }
        finally
        {
            cache.Forget(id);
        }
        return null;
    }

    /// <summary>Ends every session of the account: a sign-out anywhere, a new password.</summary>
    public async Task EndAllAsync(string userId, string reason, CancellationToken cancellationToken = default)
    {
        try
        {
            await EndAsync(db.AccountSessions.Where(s => s.UserId == userId), reason, cancellationToken);
        }
        finally
        {
            cache.ForgetAccount(userId);
        }
    }

    /// <summary>
    /// Keeps a cookie session's row alive as long as the sliding cookie is renewed, for a staff member no further than the end of his
    /// shift; returns the row's new end (which the renewed cookie must not pass), or null when there is nothing to renew.
    /// </summary>
    public async Task<DateTime?> ExtendCookieAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.FindFirstValue(SessionClaim) is not { } id) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + CookieLifetime;
        int extended;
        try
        {
            if (await ShiftEndAsync(id, cancellationToken) is { } shiftEnd && shiftEnd < expires) expires = shiftEnd;
            // An ended or expired session is not brought back by its cookie.
            extended = await db.AccountSessions.Where(s => s.Id == id && s.RevokedAtUtc == null && s.ExpiresAtUtc > now)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAtUtc, expires), cancellationToken);
        }
        finally
        {
            cache.Forget(id);
        }
        return extended == 1 ? expires : null;
    }

    /// <summary>
    /// Makes a cookie being renewed end at <paramref name="endsAtUtc"/> (the row's end) rather than a whole lifetime from now: the cookie
    /// handler renews a ticket to "now + (its expiry − its issue)", so the expiry is moved until that sum is the row's end.
    /// </summary>
    public static void RenewCookieUntil(AuthenticationProperties properties, DateTimeOffset now, DateTime endsAtUtc)
    {
        if (properties.IssuedUtc is not { } issued || properties.ExpiresUtc is not { } expires) return;
        var end = new DateTimeOffset(DateTime.SpecifyKind(endsAtUtc, DateTimeKind.Utc));
        if (now + (expires - issued) > end) properties.ExpiresUtc = issued + (end - now);
    }

    /// <summary>Forgets sessions that ended or expired more than a day ago.</summary>
    public async Task<int> DeleteOldAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        return await db.AccountSessions.Where(s => s.ExpiresAtUtc < before || s.RevokedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Ends one session because its device was lost (<see cref="DeviceRevoked"/>): the device is signed out and wiped at its next contact
    /// (<see cref="RevokedDevices"/>). At once on this node, within <see cref="OpenSessionCache.MaxAge"/> on the others. Whether the caller may
    /// is <see cref="StaffSessions"/>' business.
    /// </summary>
    public async Task<bool> EndDeviceAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await EndAsync(db.AccountSessions.Where(s => s.Id == sessionId), DeviceRevoked, cancellationToken) == 1;
        }
        finally
        {
            cache.Forget(sessionId);
        }
    }

    /// <summary>Ends every open session of one account because its devices were lost; returns how many ended.</summary>
    public async Task<int> EndDevicesOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            // Only the open ones: a session already over keeps the reason it ended for.
            return await EndAsync(db.AccountSessions.Where(s => s.UserId == userId && s.ExpiresAtUtc > now), DeviceRevoked, cancellationToken);
        }
        finally
        {
            cache.ForgetAccount(userId);
        }
    }

    private async Task<int> EndAsync(IQueryable<AccountSession> sessions, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await sessions.Where(s => s.RevokedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAtUtc, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);
    }

    /// <summary>The cookie's check on every request: its session first (one cheap query), then Identity's periodic stamp check, which also re-reads roles and scope.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AccountSessions>();
        var check = context.Principal is null ? SessionCheck.Closed : await sessions.CheckAsync(context.Principal, checkGeneration: false, context.HttpContext.RequestAborted);
        if (!check.Open)
        {
            if (check.DeviceRevoked) RevokedDevices.Mark(context.HttpContext);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        // Identity's stamp check renews the cookie by its whole lifetime; it must not promise more than the row.
        if (context.ShouldRenew)
            RenewCookieUntil(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), check.ExpiresAtUtc);
    }

    /// <summary>
    /// The bearer handler has no hook after it reads a token, so this reads it as the handler would
    /// (same protector, same expiry; a token this node has read before is not decrypted again,
    /// <see cref="BearerTicketCache"/>) and adds the session check; a token without an open session fails.
    /// </summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var protector = context.Options.BearerTokenProtector;
        var ticket = context.HttpContext.RequestServices.GetRequiredService<BearerTicketCache>()
            .Read(header["Bearer ".Length..].Trim(), protector.Unprotect);
        if (ticket is null)
        {
            context.Fail("The token is not valid or has expired.");
            return;
        }
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AccountSessions>();
        var check = await sessions.CheckAsync(ticket.Principal, checkGeneration: true, context.HttpContext.RequestAborted);
        if (!check.Open)
        {
            if (check.DeviceRevoked) RevokedDevices.Mark(context.HttpContext);
            context.Fail("The session has ended.");
            return;
        }
        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }

    /// <summary>Identity's stamp check rebuilds the cookie's principal from the account; the session it belongs to stays the same.</summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identities.FirstOrDefault() is { } identity && context.CurrentPrincipal is { } current)
            foreach (var type in new[] { SessionClaim, GenerationClaim })
                if (current.FindFirst(type) is { } claim && !identity.HasClaim(c => c.Type == type))
                    identity.AddClaim(new Claim(type, claim.Value));
        return Task.CompletedTask;
    }
}

/// <summary>Every sign-in through Identity (the login page and API, registration) opens a session and carries its id.</summary>
public sealed class UchastokSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AccountSessions sessions,
    SessionTokens tokens)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var bearer = AuthenticationScheme == IdentityConstants.BearerScheme;
        var session = await sessions.OpenAsync(user, bearer ? AccountSessions.BearerKind : AccountSessions.CookieKind);
        Claim[] claims = [.. additionalClaims, new Claim(AccountSessions.SessionClaim, session.Id), new Claim(AccountSessions.GenerationClaim, "0")];
        if (bearer)
        {
            // The bearer handler would promise an hour and fourteen days whatever the session's end; the tokens are written here instead.
            var principal = await CreateUserPrincipalAsync(user);
            principal.Identities.First().AddClaims(claims);
            await Context.Response.WriteAsJsonAsync(tokens.Issue(principal, session.ExpiresAtUtc));
            Context.User = principal;
            return;
        }
        // The cookie ends with its session (a shift, for staff), not a full lifetime after it.
        authenticationProperties ??= new AuthenticationProperties();
        authenticationProperties.ExpiresUtc = new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAtUtc, DateTimeKind.Utc));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}

/// <summary>A session just opened: its id and its end.</summary>
public sealed record OpenedSession(string Id, DateTime ExpiresAtUtc);

/// <summary>A bearer session after a refresh: its new generation and its end.</summary>
public sealed record RotatedSession(int Generation, DateTime ExpiresAtUtc);

/// <summary>What the check of a request's session found: open (and until when), or closed, and whether because its device was revoked.</summary>
public readonly record struct SessionCheck(bool Open, DateTime ExpiresAtUtc, bool DeviceRevoked)
{
    public static readonly SessionCheck Closed = new(false, default, false);
}

/// <summary>
/// Writes a bearer session's tokens, as the bearer handler would (same protectors, same tickets), except that neither token outlives the
/// session: the access token lasts an hour or until the session's end, whichever comes first, and the refresh token until the session's
/// end, which is what the row says (fourteen days from the last refresh, or the end of a staff member's shift). <c>expiresIn</c> says so.
/// </summary>
public sealed class SessionTokens(Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public AccessTokenResponse Issue(ClaimsPrincipal principal, DateTime sessionEndsAtUtc)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var end = new DateTimeOffset(DateTime.SpecifyKind(sessionEndsAtUtc, DateTimeKind.Utc));
        var access = now + bearer.BearerTokenExpiration < end ? now + bearer.BearerTokenExpiration : end;
        return new AccessTokenResponse
        {
            AccessToken = bearer.BearerTokenProtector.Protect(
                new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = access }, $"{IdentityConstants.BearerScheme}:AccessToken")),
            ExpiresIn = (long)(access - now).TotalSeconds,
            RefreshToken = bearer.RefreshTokenProtector.Protect(
                new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = end }, $"{IdentityConstants.BearerScheme}:RefreshToken")),
        };
    }
}

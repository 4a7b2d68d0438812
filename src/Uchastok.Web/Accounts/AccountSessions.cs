using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

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
public sealed class AccountSessions(UchastokDbContext db, OpenSessionCache cache, TimeProvider clock)
{
    public const string SessionClaim = "uchastok:sid";
    public const string GenerationClaim = "uchastok:gen";
    public const string CookieKind = "cookie";
    public const string BearerKind = "bearer";

    /// <summary>The cookie's lifetime, sliding; the row's expiry follows the cookie's renewals.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(8);

    /// <summary>A refresh token's lifetime; each exchange starts it again.</summary>
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(14);

    private sealed record SessionState(string UserId, int Generation, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, bool StampCurrent);

    public async Task<string> OpenAsync(ApplicationUser user, string kind, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new AccountSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = user.Id,
            Kind = kind,
            SecurityStamp = user.SecurityStamp ?? string.Empty,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + (kind == BearerKind ? RefreshLifetime : CookieLifetime),
        };
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Whether the session the principal carries is open: not ended, not expired, opened under the
    /// account's current security stamp and, for a bearer token, of the current generation. One
    /// query by primary key, joined to the account's row by its primary key, unless this node found
    /// the session open less than <see cref="OpenSessionCache.MaxAge"/> ago.
    /// </summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal, bool checkGeneration, CancellationToken cancellationToken = default)
    {
        if (principal.FindFirstValue(SessionClaim) is not { } id) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        bool Matches(string userId, int generation, DateTime expiresAtUtc) =>
            expiresAtUtc > now && userId == principal.FindFirstValue(ClaimTypes.NameIdentifier)
            && (!checkGeneration || principal.FindFirstValue(GenerationClaim) == generation.ToString(CultureInfo.InvariantCulture));

        // The memory only ever says yes: a token it does not match (a newer generation, say) is checked against the row.
        if (cache.Find(id) is { } open && Matches(open.UserId, open.Generation, open.ExpiresAtUtc)) return true;
        var epoch = cache.Epoch;
        var state = await db.AccountSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SessionState(s.UserId, s.Generation, s.ExpiresAtUtc, s.RevokedAtUtc,
                db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp)))
            .FirstOrDefaultAsync(cancellationToken);
        if (state is null || state.RevokedAtUtc is not null || !state.StampCurrent || state.ExpiresAtUtc <= now) return false;
        cache.Keep(id, state.UserId, state.Generation, state.ExpiresAtUtc, epoch);
        return Matches(state.UserId, state.Generation, state.ExpiresAtUtc);
    }

    /// <summary>
    /// Exchanges the refresh token's generation for the next one and returns it; null when the token
    /// is not the session's current one, in which case the session is ended (a reused token).
    /// The update is conditional, so two nodes exchanging the same token cannot both succeed.
    /// </summary>
    public async Task<int?> RotateAsync(ClaimsPrincipal refreshPrincipal, CancellationToken cancellationToken = default)
    {
        if (refreshPrincipal.FindFirstValue(SessionClaim) is not { } id
            || !int.TryParse(refreshPrincipal.FindFirstValue(GenerationClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        int rotated;
        try
        {
            rotated = await db.AccountSessions
                .Where(s => s.Id == id && s.Kind == BearerKind && s.Generation == generation && s.RevokedAtUtc == null && s.ExpiresAtUtc > now)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Generation, s => s.Generation + 1).SetProperty(s => s.ExpiresAtUtc, now + RefreshLifetime), cancellationToken);
        }
        finally
        {
            // Either way (even if the write's answer was lost) the generation this node may remember is no longer sure.
            cache.Forget(id);
        }
        if (rotated == 1) return generation + 1;
        try
        {
            await EndAsync(db.AccountSessions.Where(s => s.Id == id), "refresh-reused", cancellationToken);
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

    /// <summary>Keeps a cookie session's row alive as long as the sliding cookie is renewed.</summary>
    public async Task ExtendCookieAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.FindFirstValue(SessionClaim) is not { } id) return;
        var expires = clock.GetUtcNow().UtcDateTime + CookieLifetime;
        try
        {
            await db.AccountSessions.Where(s => s.Id == id && s.RevokedAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAtUtc, expires), cancellationToken);
        }
        finally
        {
            cache.Forget(id);
        }
    }

    /// <summary>Forgets sessions that ended or expired more than a day ago.</summary>
    public async Task<int> DeleteOldAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        return await db.AccountSessions.Where(s => s.ExpiresAtUtc < before || s.RevokedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task EndAsync(IQueryable<AccountSession> sessions, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await sessions.Where(s => s.RevokedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAtUtc, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);
    }

    /// <summary>The cookie's check on every request: its session first (one cheap query), then Identity's periodic stamp check, which also re-reads roles and scope.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AccountSessions>();
        if (context.Principal is null || !await sessions.IsOpenAsync(context.Principal, checkGeneration: false, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
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
        if (!await sessions.IsOpenAsync(ticket.Principal, checkGeneration: true, context.HttpContext.RequestAborted))
        {
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
    AccountSessions sessions)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var kind = AuthenticationScheme == IdentityConstants.BearerScheme ? AccountSessions.BearerKind : AccountSessions.CookieKind;
        var id = await sessions.OpenAsync(user, kind);
        await base.SignInWithClaimsAsync(user, authenticationProperties,
            [.. additionalClaims, new Claim(AccountSessions.SessionClaim, id), new Claim(AccountSessions.GenerationClaim, "0")]);
    }
}

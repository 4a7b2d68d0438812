using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Sign-in by login and password, for the login page (cookie) and the API (bearer token), answering
/// alike whatever went wrong: no account, a wrong password, or a locked pair. Each of them costs one
/// password hash, so the time does not tell them apart either. Failed attempts are counted per
/// account and network address: <see cref="MaxFailures"/> in a row from one network lock that pair
/// for <see cref="LockTime"/>, and the account stays open from everywhere else (the admin cannot be
/// locked out by a stranger). A password reset or an administrator unlocks.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ApplicationUser> signIn, AccountCommands accounts, IPasswordHasher<ApplicationUser> hasher, DecoyPasswordHash decoy,
    AccountSessions sessions, UchastokDbContext db, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    /// <summary>Signs in with the given scheme and returns the account, or null; the reason is deliberately not told.</summary>
    public async Task<ApplicationUser?> SignInAsync(string? login, string? password, IPAddress? address, string scheme, CancellationToken cancellationToken = default)
    {
        password ??= string.Empty;
        var user = await accounts.FindByLoginAsync(login);
        if (user?.PasswordHash is null)
        {
            decoy.Verify(hasher, password);
            return null;
        }

        var network = PerAddressWriteLimit.Network(address);
        var now = clock.GetUtcNow().UtcDateTime;
        var pair = await db.SignInLockouts.SingleOrDefaultAsync(l => l.UserId == user.Id && l.Network == network, cancellationToken);
        if (pair?.LockedUntilUtc > now)
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash, password);
            return null;
        }

        signIn.AuthenticationScheme = scheme;
        // Identity's own lockout would lock the account from everywhere; the pair lockout below replaces it.
        var checkedPassword = !string.IsNullOrEmpty(password) && (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded;
        if (string.IsNullOrEmpty(password)) hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (checkedPassword)
        {
            if (pair is not null)
            {
                db.SignInLockouts.Remove(pair);
                await db.SaveChangesAsync(cancellationToken);
            }
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd");
            return user;
        }

        await RecordFailureAsync(pair, user.Id, network, now, cancellationToken);
        return null;
    }

    /// <summary>Lifts every lock on the account (all networks) and Identity's own, if one was ever set.</summary>
    public async Task UnlockAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        await db.SignInLockouts.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await signIn.UserManager.SetLockoutEndDateAsync(user, null);
        await signIn.UserManager.ResetAccessFailedCountAsync(user);
    }

    /// <summary>
    /// A new password by the token of a reset link (Identity's, bound to the security stamp, so the link works once).
    /// A reset frees the account from every sign-in lock (the person has just proved it is hers), and ends every
    /// session: whoever knew the old password is signed out everywhere. Not cancellable: once the password has
    /// changed, the locks and the sessions must go even if the person closes the page.
    /// </summary>
    public async Task<IdentityResult> ResetPasswordAsync(ApplicationUser user, string token, string password)
    {
        var result = await signIn.UserManager.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return result;
        await UnlockAsync(user);
        await sessions.EndAllAsync(user.Id, "password-reset");
        return result;
    }

    /// <summary>The accounts locked from some network now.</summary>
    public async Task<HashSet<string>> LockedAccountsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. await db.SignInLockouts.Where(l => l.LockedUntilUtc > now).Select(l => l.UserId).Distinct().ToListAsync(cancellationToken)];
    }

    /// <summary>Forgets failures and locks older than a day: the network address is kept no longer than the lock needs it.</summary>
    public Task<int> DeleteOldAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        return db.SignInLockouts.Where(l => l.LastFailureUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task RecordFailureAsync(SignInLockout? pair, string userId, string network, DateTime now, CancellationToken cancellationToken)
    {
        var isNew = pair is null;
        pair ??= db.SignInLockouts.Add(new SignInLockout { UserId = userId, Network = network }).Entity;
        Count(pair, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (isNew && UniqueViolation.Is(exception))
        {
            // Two first failures of the same pair at once (a parallel guessing run): the other request made the row; count on it.
            db.Entry(pair).State = EntityState.Detached;
            var existing = await db.SignInLockouts.SingleAsync(l => l.UserId == userId && l.Network == network, cancellationToken);
            Count(existing, now);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void Count(SignInLockout pair, DateTime now)
    {
        // Failures further apart than the lock time are not a guessing run; start counting again.
        if (now - pair.LastFailureUtc > LockTime) pair.Failures = 0;
        pair.Failures++;
        pair.LastFailureUtc = now;
        if (pair.Failures >= MaxFailures)
        {
            pair.LockedUntilUtc = now + LockTime;
            pair.Failures = 0;
        }
    }
}

/// <summary>
/// The hash of a random password, made once: an attempt for an account that does not exist is
/// verified against it, so that it costs what a real one costs (Identity's PBKDF2, 100,000 rounds).
/// </summary>
public sealed class DecoyPasswordHash
{
    private static readonly ApplicationUser Nobody = new() { DisplayName = "nobody", UserName = "nobody" };
    private string? _hash;

    public void Verify(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}

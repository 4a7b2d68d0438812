using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Accounts;

public sealed record LoginRequest(string? Email, string? Password);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record MeResponse(string Id, string Name, string? Email, string? Phone, string? MaskedIin, string[] Roles, int? DistrictId, int? OfficerId, string Language);
public sealed record CreatedAccount(string Id, string Name, string? Email, string? Phone, string Role);
public sealed record StaffMember(string Id, string Name, string? Email, string? Phone, string[] Roles, int? DistrictId, int? OfficerId);

/// <summary>
/// Sign-in for API clients (bearer tokens; the site uses cookies), self-registration of
/// residents, and staff accounts made by administrators.
/// </summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts");
        // The bearer handler writes the tokens itself (the handlers return an empty or sign-in result), so the body is declared here.
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimitPolicy.Name).Produces<AccessTokenResponse>()
            .WithSummary("E-mail (or phone) and password in, bearer token out. One answer for every failure; attempts are limited per network.");
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous()
            .WithSummary("New access and refresh tokens for a refresh token, which is good once: presenting it again ends the session.");
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization().WithSummary("Signs out: ends every session of the account, on every device.");
        auth.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("The signed-in account.");

        app.MapPost("/api/v1/accounts", RegisterAsync).AllowAnonymous().RequireRateLimiting(RegistrationRateLimitPolicy.Name)
            .WithTags("Accounts").WithSummary("A resident registers (limited per network).");

        var staff = app.MapGroup("/api/v1/staff").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        staff.MapPost(string.Empty, CreateStaffAsync).WithSummary("An administrator creates a staff account.");
        staff.MapGet(string.Empty, ListStaffAsync).WithSummary("Staff accounts, with contacts (each read is logged).");
        staff.MapPost("/{id}/unlock", UnlockAsync).WithSummary("Lifts the sign-in locks of an account (from every network) after failed attempts.");

        // A lost tablet: its supervisor (his district's staff) or the administrator (all staff) ends its session.
        var staffSessions = app.MapGroup("/api/v1/staff").WithTags("Accounts").RequireAuthorization(Policies.TerritoryManagers);
        staffSessions.MapGet("/sessions", ListStaffSessionsAsync)
            .WithSummary("Open sessions of the staff the caller supervises (his district's; every staff account for an administrator), each read logged.");
        staffSessions.MapPost("/sessions/{handle}/end", EndStaffSessionAsync)
            .WithSummary("Ends one session as device-revoked: the device is signed out and its site data wiped at its next contact. 404 outside the caller's staff.");
        staffSessions.MapPost("/{id}/sessions/end", EndAllStaffSessionsAsync)
            .WithSummary("Ends every open session of one staff member as device-revoked. 404 outside the caller's staff.");
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest body, PasswordSignIn signIn, HttpContext context, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var user = await signIn.SignInAsync(body.Email, body.Password, context.Connection.RemoteIpAddress, IdentityConstants.BearerScheme, cancellationToken);
        // The bearer handler has written the token response; every failure answers alike.
        return user is null ? Problems.Status(localizer, StatusCodes.Status401Unauthorized, "Account.LoginFailed") : TypedResults.Empty;
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest body, SignInManager<ApplicationUser> signIn, AccountSessions sessions, SessionTokens tokens,
        Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var protector = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(body.RefreshToken) ? null : protector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await sessions.RotateAsync(ticket.Principal, cancellationToken) is not { } rotated
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Challenge();
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = principal.Identities.First();
        identity.AddClaim(new Claim(AccountSessions.SessionClaim, ticket.Principal.FindFirstValue(AccountSessions.SessionClaim)!));
        identity.AddClaim(new Claim(AccountSessions.GenerationClaim, rotated.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // Neither token outlives the row: fourteen days on, or the end of a staff member's shift.
        return TypedResults.Ok(tokens.Issue(principal, rotated.ExpiresAtUtc));
    }

    private static async Task<NoContent> LogoutAsync(
        ClaimsPrincipal principal, UserManager<ApplicationUser> users, AccountSessions sessions, HttpContext context, CancellationToken cancellationToken)
    {
        if (users.GetUserId(principal) is { } id) await sessions.EndAllAsync(id, "sign-out", cancellationToken);
        // A browser signing out by the API (the offline workspace's script) drops the site's storage as the sign-out page does.
        context.Response.Headers["Clear-Site-Data"] = RevokedDevices.ClearSiteData;
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(
        string id, UserManager<ApplicationUser> users, PasswordSignIn signIn, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user) return Problems.NotFound(localizer, "Account.UnknownAccount");
        await signIn.UnlockAsync(user, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<ApplicationUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.Unauthorized();
        var roles = (await users.GetRolesAsync(user)).ToArray();
        return TypedResults.Ok(new MeResponse(user.Id, user.DisplayName, user.Email, user.PhoneNumber, user.MaskedIin, roles, user.DistrictId, user.OfficerId, user.PreferredLanguage));
    }

    private static async Task<Results<Created<CreatedAccount>, ValidationProblem>> RegisterAsync(
        RegisterResidentInput body, AccountCommands accounts, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await accounts.RegisterResidentAsync(body, cancellationToken);
        if (!result.Succeeded) return Problems.Validation(localizer, result.Errors);
        var user = result.User!;
        return TypedResults.Created("/api/v1/auth/me", new CreatedAccount(user.Id, user.DisplayName, user.Email, user.PhoneNumber, Roles.Resident));
    }

    private static async Task<Results<Created<CreatedAccount>, ValidationProblem>> CreateStaffAsync(
        CreateStaffInput body, AccountCommands accounts, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateStaffAsync(body, cancellationToken);
        if (!result.Succeeded) return Problems.Validation(localizer, result.Errors);
        var user = result.User!;
        return TypedResults.Created($"/api/v1/staff/{user.Id}", new CreatedAccount(user.Id, user.DisplayName, user.Email, user.PhoneNumber, body.Role!));
    }

    private static async Task<Ok<IReadOnlyList<StaffSessionView>>> ListStaffSessionsAsync(ClaimsPrincipal principal, StaffSessions sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.ListAsync(principal, cancellationToken));

    private static async Task<Results<Ok<EndedSessions>, ProblemHttpResult>> EndStaffSessionAsync(
        string handle, ClaimsPrincipal principal, StaffSessions sessions, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await sessions.EndAsync(principal, handle, cancellationToken) is { } ended
            ? TypedResults.Ok(ended)
            : Problems.NotFound(localizer, "StaffSessions.UnknownSession");

    private static async Task<Results<Ok<EndedSessions>, ProblemHttpResult>> EndAllStaffSessionsAsync(
        string id, ClaimsPrincipal principal, StaffSessions sessions, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await sessions.EndAllAsync(principal, id, cancellationToken) is { } ended
            ? TypedResults.Ok(ended)
            : Problems.NotFound(localizer, "StaffSessions.UnknownStaff");

    private static async Task<Ok<List<StaffMember>>> ListStaffAsync(ClaimsPrincipal principal, StaffDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAsync(principal, cancellationToken));
}

/// <summary>The list of staff accounts with their contacts; every read is written to the personal-data access log.</summary>
public sealed class StaffDirectory(UchastokDbContext db, UserManager<ApplicationUser> users, PersonalDataLog log)
{
    public async Task<List<StaffMember>> ListAsync(ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var staffRoleIds = await db.Roles.Where(r => r.Name != Roles.Resident).Select(r => r.Id).ToListAsync(cancellationToken);
        var staffUserIds = db.UserRoles.Where(ur => staffRoleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var staff = await db.Users.AsNoTracking().Where(u => staffUserIds.Contains(u.Id)).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var rolesByUser = (await db.UserRoles.Where(ur => staffUserIds.Contains(ur.UserId)).ToListAsync(cancellationToken))
            .GroupBy(ur => ur.UserId).ToDictionary(g => g.Key, g => g.Select(ur => roleNames[ur.RoleId]).Order().ToArray());

        await log.RecordAsync(users.GetUserId(reader) ?? "unknown", null, "staff-directory", cancellationToken);
        return staff.Select(u => new StaffMember(u.Id, u.DisplayName, u.Email, u.PhoneNumber, rolesByUser.GetValueOrDefault(u.Id, []), u.DistrictId, u.OfficerId)).ToList();
    }
}

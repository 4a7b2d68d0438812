using Microsoft.AspNetCore.Identity;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Accounts;

public static class AccountsModule
{
    /// <summary>The scheme that picks bearer tokens for API clients that send one and the site cookie otherwise.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters += "+";
                options.Password.RequiredLength = 8;
                // Failed sign-ins lock an account only from the network they came from (PasswordSignIn), never from everywhere.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<UchastokDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<UchastokClaimsPrincipalFactory>()
            .AddUserManager<UchastokUserManager>()
            .AddSignInManager<UchastokSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        // Every request checks its session (AccountSessions: the row, or this node's memory of it for a second), so a sign-out
        // or a new password ends sessions at once;
        // Identity's stamp check only re-reads roles and scope claims, and every five minutes is often enough for that.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.OnRefreshingPrincipal = AccountSessions.KeepSessionClaims;
        });
        // A password-reset link is good for a day, and once: the reset changes the security stamp it is bound to.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(1));
        services.AddRateLimiter(options =>
        {
            options.AddPolicy<string, AccountRecoveryRateLimitPolicy>(AccountRecoveryRateLimitPolicy.Name);
            options.AddPolicy<string, SignInRateLimitPolicy>(SignInRateLimitPolicy.Name);
            options.AddPolicy<string, RegistrationRateLimitPolicy>(RegistrationRateLimitPolicy.Name);
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultAuthenticateScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.RefreshTokenExpiration = AccountSessions.RefreshLifetime;
                options.Events.OnMessageReceived = AccountSessions.ValidateBearerAsync;
            });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "uchastok.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = AccountSessions.CookieLifetime;
            options.Events.OnValidatePrincipal = AccountSessions.ValidateCookieAsync;
            options.Events.OnCheckSlidingExpiration = async context =>
            {
                if (!context.ShouldRenew || context.Principal is not { } principal) return;
                var services = context.HttpContext.RequestServices;
                // The renewed cookie ends with its row: eight hours on, or at the end of a staff member's shift if sooner.
                if (await services.GetRequiredService<AccountSessions>().ExtendCookieAsync(principal, context.HttpContext.RequestAborted) is { } until)
                    AccountSessions.RenewCookieUntil(context.Properties, services.GetRequiredService<TimeProvider>().GetUtcNow(), until);
                else context.ShouldRenew = false;
            };
            // An API call answers with a status code; only pages redirect to the sign-in form.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section)
            .Validate(o => o.ShiftLength > TimeSpan.Zero, "Accounts:ShiftLength must be longer than zero.").ValidateOnStart();
        services.AddSingleton<SessionTokens>();
        services.AddScoped<StaffSessions>();
        services.AddSingleton<OfficerAccounts>();
        services.AddScoped<AccountCommands>();
        services.AddScoped<AccountIins>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<PersonalDataLog>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<WorkspaceKeys>();
        services.AddSingleton<OpenSessionCache>();
        services.AddSingleton<BearerTicketCache>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddSingleton<AccountsCleanupJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AccountsCleanupJob>());
        return services;
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        // A script's connection (the API, the live console's hub) is answered with the status; a person's page with the sign-in form.
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")) context.Response.StatusCode = status;
        else context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

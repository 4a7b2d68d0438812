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
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<UchastokDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<UchastokClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        // A password-reset link is good for a day, and once: the reset changes the security stamp it is bound to.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(1));
        services.AddRateLimiter(options => options.AddPolicy<string, AccountRecoveryRateLimitPolicy>(AccountRecoveryRateLimitPolicy.Name));

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
            .AddBearerToken(IdentityConstants.BearerScheme);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "uchastok.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // An API call answers with a status code; only pages redirect to the sign-in form.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddSingleton<OfficerAccounts>();
        services.AddScoped<AccountCommands>();
        services.AddScoped<StaffDirectory>();
        return services;
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

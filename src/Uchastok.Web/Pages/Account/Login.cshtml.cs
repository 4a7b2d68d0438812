using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Account;

/// <summary>Sign-in by e-mail or phone and password; one message for every failure, attempts limited per network (<see cref="PasswordSignIn"/>).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimitPolicy.Name)]
public sealed class LoginModel(PasswordSignIn passwordSignIn, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await passwordSignIn.SignInAsync(Login, Password, HttpContext.Connection.RemoteIpAddress, IdentityConstants.ApplicationScheme, cancellationToken);
        if (user is not null) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : await LandingAsync(user));
        Error = localizer["Account.LoginFailed"];
        return Page();
    }

    /// <summary>Where a sign-in with nowhere else to go lands: staff on their appeals queue, the district's prevention officers on the register, residents on the front page.</summary>
    private async Task<string> LandingAsync(ApplicationUser user)
    {
        var roles = await users.GetRolesAsync(user);
        if (roles.Any(r => r is Roles.Inspector or Roles.Supervisor or Roles.Admin)) return "/appeals/queue";
        // The duty officer works the live console of his district and nothing else.
        if (roles.Contains(Roles.DutyOfficer)) return "/safety/console";
        // The licensing officer keeps the weapons registers of the city and nothing else.
        if (roles.Contains(Roles.Licensing)) return "/weapons";
        // The district's juvenile inspector and women-protection officer work in the prevention file, not the appeals.
        return roles.Any(r => r is Roles.JuvenileInspector or Roles.WomenProtectionOfficer) ? "/prevention" : "/";
    }
}

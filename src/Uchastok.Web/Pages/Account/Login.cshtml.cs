using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Account;

public sealed class LoginModel(SignInManager<ApplicationUser> signIn, AccountCommands accounts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await accounts.FindByLoginAsync(Login);
        if (user is not null && !string.IsNullOrEmpty(Password))
        {
            var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : await LandingAsync(user));
            if (result.IsLockedOut)
            {
                Error = localizer["Account.LockedOut"];
                return Page();
            }
        }
        Error = localizer["Account.LoginFailed"];
        return Page();
    }

    /// <summary>Where a sign-in with nowhere else to go lands: staff on their appeals queue, residents on the front page.</summary>
    private async Task<string> LandingAsync(ApplicationUser user)
    {
        var roles = await signIn.UserManager.GetRolesAsync(user);
        return roles.Any(r => r is Roles.Inspector or Roles.Supervisor or Roles.Admin) ? "/appeals/queue" : "/";
    }
}

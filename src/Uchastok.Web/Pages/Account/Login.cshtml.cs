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
            if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            if (result.IsLockedOut)
            {
                Error = localizer["Account.LockedOut"];
                return Page();
            }
        }
        Error = localizer["Account.LoginFailed"];
        return Page();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Account;

/// <summary>Signing out ends every session of the account, on every device (a cookie copied before stops working too).</summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, AccountSessions sessions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (signIn.UserManager.GetUserId(User) is { } id) await sessions.EndAllAsync(id, "sign-out", cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}

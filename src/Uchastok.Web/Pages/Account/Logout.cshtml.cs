using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Account;

/// <summary>Signing out ends every session of the account, on every device (a cookie copied before stops working too), and clears the site's data in this browser.</summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, AccountSessions sessions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (signIn.UserManager.GetUserId(User) is { } id) await sessions.EndAllAsync(id, "sign-out", cancellationToken);
        await signIn.SignOutAsync();
        // No Clear-Site-Data here, unlike a revoked device: on a shared tablet the storage may hold another account's signed
        // protocols waiting to be sent. The page's script deletes what is this account's before the form comes (site.js,
        // workspace-store.js signOut), and nothing shown to him is in the HTTP cache (SecurityHeaders: no-store).
        return LocalRedirect("/");
    }
}

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
        // A shared tablet keeps nothing of the last user: the site's storage (the offline workspace, its caches, the service worker)
        // and the HTTP cache go with the session. Not the cookies: the session cookie is deleted above, and language and antiforgery stay.
        Response.Headers["Clear-Site-Data"] = RevokedDevices.ClearSiteData;
        return LocalRedirect("/");
    }
}

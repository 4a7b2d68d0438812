using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Account;

/// <summary>What Uchastok keeps about the signed-in person; the IIN only masked.</summary>
public sealed class ProfileModel(UserManager<ApplicationUser> users) : PageModel
{
    public ApplicationUser Me { get; private set; } = null!;
    public IList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Me = user;
        Roles = await users.GetRolesAsync(user);
        return Page();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Account;

/// <summary>A resident registers; limited per network, since the answer tells whether a contact is already registered.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RegistrationRateLimitPolicy.Name)]
public sealed class RegisterModel(AccountCommands accounts, SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty] public RegisterForm Input { get; set; } = new();
    public FieldErrors Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.RegisterResidentAsync(
            new RegisterResidentInput(Input.DisplayName, Input.Email, Input.Phone, Input.Password, Input.Iin, LocalizationSetup.CurrentLanguage), cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }
        await signIn.SignInAsync(result.User!, isPersistent: false);
        return LocalRedirect("/account/profile");
    }

    public sealed class RegisterForm
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Password { get; set; }
        public string? Iin { get; set; }
    }
}

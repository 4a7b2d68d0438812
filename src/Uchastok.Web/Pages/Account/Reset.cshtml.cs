using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Account;

/// <summary>
/// A new password by the link from <see cref="ForgotModel"/>. Resetting changes the account's
/// security stamp, so the link cannot be used again.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountRecoveryRateLimitPolicy.Name)]
public sealed class ResetModel(UserManager<ApplicationUser> users, PasswordSignIn passwordSignIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public FieldErrors Errors { get; private set; } = new();
    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, string? repeat)
    {
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        string? token = null;
        try { token = Token is null ? null : System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token)); }
        catch (FormatException) { token = null; }
        if (user is null || token is null) Errors.Add("token", localizer["Reset.LinkInvalid"]);
        else if (string.IsNullOrEmpty(password)) Errors.Add("password", localizer["Reset.PasswordRequired"]);
        else if (password != repeat) Errors.Add("repeat", localizer["Reset.Mismatch"]);
        else
        {
            var result = await passwordSignIn.ResetPasswordAsync(user, token, password);
            if (result.Succeeded)
            {
                Done = true;
                return Page();
            }
            foreach (var error in result.Errors)
                Errors.Add(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "token" : "password", error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? localizer["Reset.LinkInvalid"] : error.Description);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Appeals;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>A lost tracking link: the appeal's number and its contact, then the code sent to that contact.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountRecoveryRateLimitPolicy.Name)]
public sealed class RecoverModel(RecoverTrackingLinkCommand recover, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Contact { get; set; }
    public bool CodeSent { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await recover.RequestCodeAsync(Number, Contact, cancellationToken);
        CodeSent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(string? code, CancellationToken cancellationToken)
    {
        if (await recover.RedeemAsync(Number, code, cancellationToken) is { } token) return Redirect($"/appeals/track/{token}");
        CodeSent = true;
        Error = localizer["Recover.WrongCode"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

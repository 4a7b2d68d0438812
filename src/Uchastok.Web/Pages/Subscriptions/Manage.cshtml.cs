using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Community;

namespace Uchastok.Web.Pages.Subscriptions;

/// <summary>A subscription by the link in its messages: confirm it, or leave. No account needed; a button, not the link alone, makes the change.</summary>
public sealed class ManageModel(Mailings mailings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string TokenValue { get; set; } = string.Empty;
    public SubscriptionView Subscription { get; private set; } = null!;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (await mailings.ConfirmAsync(TokenValue, cancellationToken) == SubscriptionChange.NotFound) return NotFound();
        Message = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Subscription.Confirmed"];
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(CancellationToken cancellationToken)
    {
        if (await mailings.UnsubscribeAsync(TokenValue, cancellationToken) == SubscriptionChange.NotFound) return NotFound();
        Message = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Subscription.Left"];
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mailings.ByTokenAsync(TokenValue, cancellationToken) is not { } subscription) return false;
        Subscription = subscription;
        return true;
    }
}

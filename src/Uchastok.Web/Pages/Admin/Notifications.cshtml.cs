using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>The outbox (sent, waiting, failed, retry), what the development sink received, and the message templates.</summary>
public sealed class NotificationsModel(OutboxAdministration outbox, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    public IReadOnlyList<OutboxView> Messages { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<SinkView> Sink { get; private set; } = [];
    public IReadOnlyList<TemplateView> Templates { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        Message = await outbox.RetryAsync(id, cancellationToken) ? localizer["AdminNotifications.Requeued"] : localizer["Outbox.NotFailed"];
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTemplateAsync(string key, string language, string? subject, string? body, CancellationToken cancellationToken)
    {
        var errors = await outbox.SaveTemplateAsync(key, language, subject, body, cancellationToken);
        if (errors is null) return NotFound();
        Errors = errors;
        Message = errors.Count == 0 ? localizer["Admin.Saved"].Value : null;
        if (errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Messages = await outbox.ListAsync(State, 100, cancellationToken);
        Counts = await outbox.CountsAsync(cancellationToken);
        Sink = await outbox.SinkAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, null, 30, cancellationToken);
        Templates = await outbox.TemplatesAsync(cancellationToken);
    }
}

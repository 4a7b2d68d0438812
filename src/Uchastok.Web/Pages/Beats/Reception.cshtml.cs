using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Accounts;
using Uchastok.Web.Community;

namespace Uchastok.Web.Pages.Beats;

/// <summary>Book a personal reception with the beat's inspector: the free slots of two weeks, then a name and a contact. No account needed.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ResidentWritesRateLimitPolicy.Name)]
public sealed class ReceptionModel(Web.Community.Receptions receptions) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public SlotsView Slots { get; private set; } = null!;
    public FieldErrors Errors { get; private set; } = new();
    public BookingInput Input { get; private set; } = new(null, null, null, null, null, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? startsAt, string? name, string? phone, string? email, string? topic, bool consent, CancellationToken cancellationToken)
    {
        Input = new BookingInput(startsAt, name, phone, email, topic, consent);
        var (result, errors, token) = await receptions.BookAsync(Id, Input, cancellationToken);
        if (result == BookingResult.NotFound) return NotFound();
        if (result == BookingResult.Done) return Redirect($"/receptions/{token}?booked=true");
        Errors = errors;
        Response.StatusCode = result == BookingResult.Taken ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await receptions.SlotsAsync(Id, cancellationToken) is not { } slots) return false;
        Slots = slots;
        return true;
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

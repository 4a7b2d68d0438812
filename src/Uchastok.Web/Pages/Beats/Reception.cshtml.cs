using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Beats;

/// <summary>Book a personal reception with the beat's inspector: the free slots of two weeks, then a name and a contact. No account needed.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ResidentWritesRateLimitPolicy.Name)]
public sealed class ReceptionModel(Web.Community.Receptions receptions) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public SlotsView Slots { get; private set; } = null!;
    public FieldErrors Errors { get; private set; } = new();
    public BookingInput Input { get; private set; } = new(null, null, null, null, null, false);
    /// <summary>The day whose times are shown: asked for (<c>?day=yyyy-MM-dd</c>), else the first with a free slot.</summary>
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public DateOnly? ChosenDay { get; private set; }
    public IReadOnlyList<DateTime> Times { get; private set; } = [];

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
        // A day first, then its times: a fortnight of slots at once is hundreds of buttons on a phone.
        Days = slots.Slots.Select(DateOnly.FromDateTime).Distinct().Order().ToList();
        var asked = DateOnly.TryParseExact(Day ?? Input.StartsAt?[..Math.Min(10, Input.StartsAt.Length)], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        ChosenDay = asked is { } a && Days.Contains(a) ? a : Days.Count > 0 ? Days[0] : null;
        Times = slots.Slots.Where(t => DateOnly.FromDateTime(t) == ChosenDay).ToList();
        return true;
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Community;

namespace Uchastok.Web.Pages.Receptions;

/// <summary>A booking by its private link: when and where, and a button to cancel it.</summary>
public sealed class ManageModel(Web.Community.Receptions receptions, MeetingCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public string TokenValue { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public bool Booked { get; set; }
    public BookingView Booking { get; private set; } = null!;
    public bool Cancelled { get; private set; }
    public bool NotCancellable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The booking as a calendar file (<c>?handler=Ics</c>), to keep the appointment beside the others.</summary>
    public async Task<IActionResult> OnGetIcsAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        return File(System.Text.Encoding.UTF8.GetBytes(calendar.WriteBooking(Booking, receptions.ManageLink(TokenValue))), MeetingCalendar.ContentType, "reception.ics");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var result = await receptions.CancelAsync(TokenValue, cancellationToken);
        if (result == BookingResult.NotFound) return NotFound();
        Cancelled = result == BookingResult.Done;
        NotCancellable = !Cancelled;
        if (NotCancellable) Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await receptions.ByTokenAsync(TokenValue, cancellationToken) is not { } booking) return false;
        Booking = booking;
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Pages.Community;

/// <summary>An inspector's receptions of a day: his own; a supervisor picks the officer. Every view is logged, for it shows names and contacts.</summary>
public sealed class ReceptionsModel(Web.Community.Receptions receptions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Officer { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    public IReadOnlyList<BookingView> Bookings { get; private set; } = [];
    public DateOnly Day { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Day = Date ?? KazakhstanTime.Today(clock);
        Officer ??= ScopeClaims.Officer(User);
        if (Officer is not { } officer || await receptions.DayAsync(User, officer, Day, cancellationToken) is not { } bookings) return NotFound();
        Bookings = bookings;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>The working calendar of a year: holidays, days off and transferred working days, as each year's decree sets them.</summary>
public sealed class CalendarModel(CalendarAdministration calendar, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<CalendarDayView> Days { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }

    public int ShownYear => Year is >= 2000 and <= 2100 ? Year.Value : clock.GetUtcNow().Year;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Days = await calendar.YearAsync(ShownYear, cancellationToken);

    public async Task<IActionResult> OnPostSetAsync(string? date, string? kind, string? nameKk, string? nameRu, string? nameEn, CancellationToken cancellationToken)
    {
        Errors = await calendar.SetAsync(date, new CalendarDayInput(kind, nameKk, nameRu, nameEn), cancellationToken);
        if (Errors.Count == 0) Message = localizer["Admin.Saved"];
        else Response.StatusCode = StatusCodes.Status400BadRequest;
        if (DateOnly.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, out var day)) Year = day.Year;
        Days = await calendar.YearAsync(ShownYear, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await calendar.RemoveAsync(date, cancellationToken);
        Message = localizer["Admin.Saved"];
        Year = date.Year;
        Days = await calendar.YearAsync(ShownYear, cancellationToken);
        return Page();
    }
}

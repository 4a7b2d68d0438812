using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Trust;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Pages.Trust;

/// <summary>The public figures (C8, C11): trust and service in the city and each district, with their intervals; nothing per person or per beat.</summary>
public sealed class IndexModel(TrustQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public TrustReport Report { get; private set; } = null!;
    public IReadOnlyList<string> Quarters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(Quarter, clock) is not { } quarter) return BadRequest();
        Report = await query.PublicReportAsync(quarter, cancellationToken);
        Quarters = TrustPage.QuarterChoices(Rules.Trust.Quarter.Of(Uchastok.Web.Shared.Localization.KazakhstanTime.Today(clock)));
        return Page();
    }
}

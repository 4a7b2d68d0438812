using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Trust;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Pages.Trust;

/// <summary>A beat's free-text answers in a quarter, personal data blanked: for the beat's inspector, the district's supervisor and administrators.</summary>
public sealed class FreeTextModel(TrustQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Beat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public string QuarterText { get; private set; } = "";
    public IReadOnlyList<FreeTextAnswer> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(Quarter, clock) is not { } quarter) return BadRequest();
        if (await query.FreeTextAsync(User, Beat, quarter, cancellationToken) is not { } answers) return NotFound();
        (Answers, QuarterText) = (answers, quarter.ToString());
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Evaluation;
using Uchastok.Web.Trust;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Pages.Evaluation;

/// <summary>One inspector's quarter: each KPI, how it is computed, and the records behind it. The inspector sees his own; his supervisor and administrators anyone's.</summary>
public sealed class InspectorModel(InspectorEvaluationQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public InspectorEvidence Evidence { get; private set; } = null!;
    public string QuarterText { get; private set; } = "";
    public IReadOnlyList<string> Quarters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(Quarter, clock) is not { } quarter) return BadRequest();
        if (await query.InspectorAsync(User, Id, quarter, cancellationToken) is not { } evidence) return NotFound();
        (Evidence, QuarterText) = (evidence, quarter.ToString());
        Quarters = Trust.TrustPage.QuarterChoices(Rules.Trust.Quarter.Of(Uchastok.Web.Shared.Localization.KazakhstanTime.Today(clock)));
        return Page();
    }
}

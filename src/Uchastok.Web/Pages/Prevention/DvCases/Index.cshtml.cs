using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Prevention;

namespace Uchastok.Web.Pages.Prevention.DvCases;

/// <summary>The domestic-violence cases the user may read; "not found" for anyone who reads none.</summary>
public sealed class IndexModel(DomesticViolenceCases cases) : PageModel
{
    public IReadOnlyList<DvCaseSummaryView> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await cases.ListAsync(User, cancellationToken) is not { } list) return NotFound();
        Cases = list;
        return Page();
    }
}

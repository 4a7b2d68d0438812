using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Safety;

namespace Uchastok.Web.Pages.Safety;

/// <summary>
/// Residents' quick reports for the staff who may read them (the inspector: his beats; the supervisor: his district;
/// the administrator: all), newest first. Every report shown is logged as a read of personal data.
/// </summary>
public sealed class ReportsModel(SafetyReportQueries queries) : PageModel
{
    public SafetyReportPage List { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(long? before, CancellationToken cancellationToken)
    {
        if (await queries.ListAsync(User, before, SafetyReportQueries.DefaultPage, cancellationToken) is not { } page) return Forbid();
        List = page;
        return Page();
    }
}

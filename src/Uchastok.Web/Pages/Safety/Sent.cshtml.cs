using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Safety;

namespace Uchastok.Web.Pages.Safety;

/// <summary>
/// The quick report's last screen: the reference to keep. It reads nothing from the database (the address holds
/// only the reference, which opens nothing) and sets no cookie, so a shared phone keeps no trace of what was sent.
/// </summary>
public sealed class SentModel : PageModel
{
    public string Reference { get; private set; } = string.Empty;
    /// <summary>"none" when the report went without a district; "district" when only the district was found.</summary>
    public string? Place { get; private set; }

    public IActionResult OnGet(string reference, string? district, string? place)
    {
        if (!SubmitSafetyReportCommand.IsReference(reference)) return NotFound();
        Reference = reference;
        Place = district == "none" ? "none" : place == "district" ? "district" : null;
        return Page();
    }
}

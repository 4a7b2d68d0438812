using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Protocols;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Pages.Protocols;

/// <summary>
/// The inspector's offline workspace (issue 18): a shell with the labels in the page's language and no personal
/// data, which the service worker keeps; everything else is drawn by <c>protocol-workspace.js</c> from the rule
/// set and the encrypted store. Only those who draw protocols up open it: the administrator, who reads protocols
/// and never drafts, is refused (403) as by the API; everyone else finds nothing here (404).
/// </summary>
public sealed class WorkspaceModel : PageModel
{
    public IActionResult OnGet()
    {
        if (ProtocolScope.MayDraft(User)) return Page();
        return User.IsInRole(Roles.Admin) ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
    }
}

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
    public IActionResult OnGet() => OpenToDrafters(this);

    /// <summary>The workspace's pages (this one and its home) open to those who draw protocols up; 403 to the administrator, 404 to anyone else.</summary>
    internal static IActionResult OpenToDrafters(PageModel page)
    {
        if (ProtocolScope.MayDraft(page.User)) return page.Page();
        return page.User.IsInRole(Roles.Admin) ? page.StatusCode(StatusCodes.Status403Forbidden) : page.NotFound();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uchastok.Web.Pages.Workspace;

/// <summary>
/// The inspector's workspace at its door (issue 18, ADR 0013): copies of his day, the register files of the day's
/// visits, his register and his appeals queue, kept encrypted in the browser so that they can be read with no network,
/// and the way to the protocol workspace. A shell like the protocol workspace: labels in the page's language and no
/// personal data, drawn by <c>workspace-home.js</c> from the encrypted store. The same people open it as the protocol
/// workspace (those who draw protocols up: the district's inspectors); the administrator gets 403, everyone else 404.
/// </summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Protocols.WorkspaceModel.OpenToDrafters(this);
}

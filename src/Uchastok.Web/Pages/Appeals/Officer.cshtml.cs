using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Appeals;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>An officer's ratings, for the officer himself, his district's supervisor and administrators.</summary>
public sealed class OfficerModel(AppealQueries queries) : PageModel
{
    public OfficerRatingView? Rating { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Rating = await queries.OfficerRatingAsync(User, id, cancellationToken);
        return Rating is null ? NotFound() : Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Pages.Beats;

/// <summary>A beat's public page: its inspector, the district head, where to go and the outline.</summary>
public sealed class DetailModel(TerritoryQueries queries) : PageModel
{
    public BeatCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var card = await queries.GetBeatAsync(id, cancellationToken);
        if (card is null) return NotFound();
        Card = card;
        return Page();
    }
}

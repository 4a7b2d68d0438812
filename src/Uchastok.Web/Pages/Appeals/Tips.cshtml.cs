using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>The district's duty list of anonymous reports; the supervisor marks each reviewed with what was done.</summary>
public sealed class TipsModel(AppealQueries queries, AppealAdministration administration, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    public IReadOnlyList<TipView> Tips { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReviewAsync(long tipId, string? note, CancellationToken cancellationToken)
    {
        if (!await administration.ReviewTipAsync(User, tipId, note, clock, cancellationToken)) return NotFound();
        return await LoadAsync(cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var districtId = District ?? ScopeClaims.District(User);
        if (districtId is null) return RedirectToPage("/Territory/Index");
        var tips = await queries.TipsAsync(User, districtId.Value, cancellationToken);
        if (tips is null) return Forbid();
        Tips = tips;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Appeals;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>The appeals filed from the signed-in account.</summary>
public sealed class MineModel(AppealQueries queries) : PageModel
{
    public IReadOnlyList<AppealListItem> Appeals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Appeals = await queries.MineAsync(User, cancellationToken);
}

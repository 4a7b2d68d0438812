using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Pages.Territory;

/// <summary>Districts a territory manager may work on: all for an administrator, his own for a supervisor.</summary>
public sealed class IndexModel(TerritoryQueries queries) : PageModel
{
    public IReadOnlyList<DistrictSummary> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await queries.ListDistrictsAsync(cancellationToken);
        Districts = User.IsInRole(Roles.Admin) ? all : all.Where(d => d.Id == ScopeClaims.District(User)).ToList();
    }
}

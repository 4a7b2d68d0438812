using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Uchastok.Web.Protocols;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Pages.Protocols;

/// <summary>
/// The protocols the user may read, newest first, as the API lists them (<see cref="ProtocolRegister.ListAsync"/>):
/// a drafter's own, a district supervisor's district (by officer), the administrator's all (by district and officer).
/// Figures only: type, state, dates, officer, witnesses and items counted; nobody the protocol is about is named.
/// </summary>
public sealed class IndexModel(ProtocolRegister register, ProtocolDrafters drafters, TerritoryQueries territory) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Officer { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public ProtocolListPage List { get; private set; } = new([], null);
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    /// <summary>The officer filter's choices: the drafters of the supervisor's district, or of the district the administrator picked.</summary>
    public IReadOnlyList<ProtocolDrafterName> Officers { get; private set; } = [];
    /// <summary>The district filter's choices: the administrator's only.</summary>
    public IReadOnlyList<DistrictSummary> Districts { get; private set; } = [];
    public bool MayDraft { get; private set; }
    public bool MaySeeStats { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var isAdmin = User.IsInRole(Roles.Admin);
        // Only the administrator chooses a district; everyone else's scope is his own and the filter is not offered.
        var district = isAdmin ? District : null;
        var page = await register.ListAsync(User, district, After, ProtocolRegister.DefaultPage, string.IsNullOrWhiteSpace(Officer) ? null : Officer.Trim(), cancellationToken);
        if (page is null) return NotFound();
        List = page;
        Names = await drafters.NamesAsync(page.Items.Select(p => p.DrafterUserId), cancellationToken);
        MayDraft = ProtocolScope.MayDraft(User);
        var managed = isAdmin ? District : User.IsInRole(Roles.Supervisor) ? ScopeClaims.District(User) : null;
        MaySeeStats = isAdmin || managed is not null;
        if (isAdmin) Districts = await territory.ListDistrictsAsync(cancellationToken);
        if (managed is { } d) Officers = await drafters.InDistrictAsync(d, cancellationToken);
        return Page();
    }

    public string OfficerName(ProtocolSummary protocol) => Names.TryGetValue(protocol.DrafterUserId, out var name) ? name : "—";

    /// <summary>The link to the next page: the same filters, after the last protocol shown.</summary>
    public string NextLink(long after)
    {
        var query = new Dictionary<string, string?>
        {
            ["district"] = District?.ToString(CultureInfo.InvariantCulture), ["officer"] = string.IsNullOrWhiteSpace(Officer) ? null : Officer,
            ["after"] = after.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/protocols", query.Where(p => p.Value is not null)!);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Appeals;
using Uchastok.Web.Prevention;
using Uchastok.Web.Safety;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Weapons;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>The supervisor's district board. A supervisor sees his own district; an administrator picks one.</summary>
public sealed class BoardModel(AppealQueries queries, PreventionPlans prevention, DomesticViolenceCases domesticViolence, SafetyBoardQueries safety,
    StorageSites weaponSites) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    public DistrictBoard? Board { get; private set; }
    /// <summary>The prevention plans' overdue actions per inspector of the district (counts only).</summary>
    public IReadOnlyList<PreventionOverdueRow> PreventionOverdue { get; private set; } = [];
    /// <summary>The district's open domestic-violence cases flagged as repeats, and measures whose check is overdue.</summary>
    public DvBoardView? DomesticViolence { get; private set; }
    /// <summary>Reports and alarms per beat over the board's period, and the times to acknowledge them.</summary>
    public SafetyBoard? Safety { get; private set; }
    /// <summary>The district's weapon storage sites: inspections overdue, breaches, requirements past due (issue 21).</summary>
    public WeaponsBoardView? Weapons { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var districtId = District ?? ScopeClaims.District(User);
        if (districtId is null) return RedirectToPage("/Territory/Index");
        Board = await queries.BoardAsync(User, districtId.Value, cancellationToken);
        if (Board is null) return Forbid();
        PreventionOverdue = await prevention.OverdueAsync(districtId.Value, cancellationToken);
        DomesticViolence = await domesticViolence.BoardAsync(districtId.Value, cancellationToken);
        Safety = await safety.BoardAsync(User, districtId.Value, Board.Today.AddDays(-AppealQueries.BoardWindowDays), cancellationToken);
        Weapons = await weaponSites.BoardAsync(User, districtId.Value, cancellationToken);
        return Page();
    }
}

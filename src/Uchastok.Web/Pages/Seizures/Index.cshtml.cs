using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.WeaponSeizures;

namespace Uchastok.Web.Pages.Seizures;

/// <summary>The seizures the reader sees (the inspector's beats, the supervisor's district, all for the administrator), newest first; no places, so no read is logged.</summary>
public sealed class IndexModel(WeaponSeizureRegister register) : PageModel
{
    public IReadOnlyList<WeaponSeizureSummary> Seizures { get; private set; } = [];
    public bool MayRecord { get; private set; }
    public bool SeesDashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await register.ListAsync(User, null, 100, cancellationToken);
        if (list is null) return NotFound();
        Seizures = list;
        MayRecord = WeaponSeizureScope.MayRecord(User);
        SeesDashboard = WeaponSeizureScope.DashboardDistricts(User) is not { Count: 0 };
        return Page();
    }
}

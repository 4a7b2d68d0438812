using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Documents;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;
using Uchastok.Web.WeaponSeizures;

namespace Uchastok.Web.Pages.Seizures;

/// <summary>
/// The supervisor's dashboard (issue 21): the paper's table — categories as columns, districts as rows, with totals — per
/// quarter, and the cases by determinant and district with a chart drawn on the server (no script). The supervisor sees his
/// district; the administrator all districts or the one he picks; the figures are the API's.
/// </summary>
public sealed class DashboardModel(WeaponSeizureRegister register, TerritoryQueries territory, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }

    public SeizureDashboardView View { get; private set; } = null!;
    public IReadOnlyList<DistrictSummary> Districts { get; private set; } = [];
    public string? QuarterError { get; private set; }
    public string DeterminantChart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (WeaponSeizureScope.DashboardDistricts(User) is { Count: 0 }) return NotFound();
        if (User.IsInRole(Roles.Admin)) Districts = await territory.ListDistrictsAsync(cancellationToken);
        else District = null;
        string? quarter = null;
        if (!string.IsNullOrWhiteSpace(Quarter))
        {
            if (Uchastok.Rules.Trust.Quarter.TryParse(Quarter.Trim(), out var parsed)) quarter = parsed.ToString();
            else QuarterError = localizer["Seizures.QuarterInvalid"];
        }
        var view = await register.DashboardAsync(User, District, quarter, cancellationToken);
        if (view is null) return NotFound();
        View = view;
        var max = Math.Max(1, View.DeterminantTotals.DefaultIfEmpty(0).Max());
        var step = Math.Max(1, (int)Math.Ceiling(max / 4.0));
        DeterminantChart = Chart.Bars(
            View.DeterminantTotals.Select((count, i) => new Bar((i + 1).ToString(CultureInfo.InvariantCulture), count, count.ToString(CultureInfo.CurrentCulture))).ToList(),
            step * 4, [0, step, step * 2, step * 3, step * 4], localizer["Seizures.DeterminantChart"], t => t.ToString("0", CultureInfo.InvariantCulture)).ToSvg("trend seizure-chart");
        return Page();
    }
}

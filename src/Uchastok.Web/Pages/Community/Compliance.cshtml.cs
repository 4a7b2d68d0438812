using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Trust;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Pages.Community;

/// <summary>The supervisor's board of quarterly report meetings: who has held his, who has one announced, who is alerted or has missed it.</summary>
public sealed class ComplianceModel(MeetingSchedule schedule, UchastokDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public DistrictCompliance Compliance { get; private set; } = null!;
    public IReadOnlyList<string> Quarters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(Quarter, clock) is not { } quarter) return BadRequest();
        District ??= ScopeClaims.District(User) ?? await db.Districts.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (District is not { } district || !await db.Districts.AnyAsync(d => d.Id == district, cancellationToken)) return NotFound();
        if (await schedule.ComplianceAsync(User, district, quarter, cancellationToken) is not { } compliance) return Forbid();
        Compliance = compliance;
        Quarters = Trust.TrustPage.QuarterChoices(Rules.Trust.Quarter.Of(Uchastok.Web.Shared.Localization.KazakhstanTime.Today(clock)));
        return Page();
    }
}

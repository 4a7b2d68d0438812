using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Transparency;

namespace Uchastok.Web.Pages.Reports;

/// <summary>The archive of published quarterly reports: the city's, each district's and each beat's, by quarter.</summary>
public sealed class IndexModel(QuarterlyReports reports, UchastokDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    public IReadOnlyList<IGrouping<string, ReportView>> Quarters { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.NameKk, d.NameRu, d.NameEn }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, LocalizationSetup.Pick(d.NameKk, d.NameRu, d.NameEn))).ToList();
        if (District is { } chosen && Districts.All(d => d.Id != chosen)) return NotFound();
        Quarters = (await reports.PublishedAsync(null, District, cancellationToken)).GroupBy(r => r.Quarter).ToList();
        return Page();
    }
}

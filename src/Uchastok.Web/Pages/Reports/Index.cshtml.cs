using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Transparency;

namespace Uchastok.Web.Pages.Reports;

/// <summary>The archive of published quarterly reports: the city's, each district's and each beat's, one quarter at a time (the latest by default).</summary>
public sealed class IndexModel(QuarterlyReports reports, UchastokDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public IReadOnlyList<string> Published { get; private set; } = [];
    public IReadOnlyList<ReportListing> Reports { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.NameKk, d.NameRu, d.NameEn }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, LocalizationSetup.Pick(d.NameKk, d.NameRu, d.NameEn))).ToList();
        if (District is { } chosen && Districts.All(d => d.Id != chosen)) return NotFound();
        Published = await reports.PublishedQuartersAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Quarter)) Quarter = Published.Count > 0 ? Published[0] : null;
        if (Quarter is null) return Page();
        if (!Rules.Trust.Quarter.TryParse(Quarter.Trim(), out var quarter)) return NotFound();
        Quarter = quarter.ToString();
        Reports = await reports.PublishedAsync(quarter, District, cancellationToken);
        return Page();
    }
}

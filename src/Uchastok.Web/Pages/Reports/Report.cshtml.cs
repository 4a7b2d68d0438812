using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Transparency;

namespace Uchastok.Web.Pages.Reports;

/// <summary>One quarterly report at its stable address, in the reader's language, with its PDFs and the reports of the areas within it.</summary>
public sealed class ReportModel(QuarterlyReports reports, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ReportView Report { get; private set; } = null!;
    public ReportDocument Document { get; private set; } = null!;
    /// <summary>The published reports of the districts (for the city) or of the beats (for a district) of the same quarter.</summary>
    public IReadOnlyList<ReportListing> Within { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string quarter, string level, int? id, CancellationToken cancellationToken)
    {
        if (!Rules.Trust.Quarter.TryParse(quarter, out var q) || !TransparencyModule.TryLevel(level, id, out var reportLevel)) return NotFound();
        if (await reports.ReadAsync(q, reportLevel, id, User, cancellationToken) is not { } report) return NotFound();
        Report = report;
        Document = ReportDocument.Build(report, localizer);
        if (reportLevel != ReportLevel.Beat)
        {
            var inner = reportLevel == ReportLevel.City ? ReportLevel.District : ReportLevel.Beat;
            Within = (await reports.PublishedAsync(q, reportLevel == ReportLevel.District ? id : null, cancellationToken)).Where(r => r.Level == inner).ToList();
        }
        return Page();
    }
}

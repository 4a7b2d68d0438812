using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Transparency;

namespace Uchastok.Web.Pages.Reports;

/// <summary>
/// Where a supervisor (an administrator for the city) reviews the drafted reports of an ended
/// quarter and publishes them, one by one or all at once, each at the revision he saw.
/// </summary>
public sealed class ManageModel(QuarterlyReports reports, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public Rules.Trust.Quarter Shown { get; private set; }
    public IReadOnlyList<ReportListing> Reports { get; private set; } = [];
    public IReadOnlyList<string> Quarters { get; private set; } = [];
    public bool Publishable { get; private set; }
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    /// <summary>"id:revision" of each report to publish.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string[] items, CancellationToken cancellationToken)
    {
        var chosen = items.Select(i => i.Split(':'))
            .Select(p => p.Length == 2 && int.TryParse(p[0], System.Globalization.CultureInfo.InvariantCulture, out var id) && int.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out var revision)
                ? new PublishItem(id, revision) : null)
            .OfType<PublishItem>().ToList();
        var results = await reports.PublishAsync(chosen, User, cancellationToken);
        var published = results.Values.Count(r => r == PublishResult.Published);
        var problem = results.Values.Where(r => r != PublishResult.Published).Select(r => (PublishResult?)r).FirstOrDefault();
        Failed = problem is not null || chosen.Count == 0;
        Message = problem switch
        {
            null when chosen.Count == 0 => localizer["Report.NothingChosen"],
            null => localizer["Report.PublishedCount", published],
            PublishResult.Changed => localizer["Report.PublishedCount", published] + " " + localizer["Report.Changed"],
            PublishResult.TooEarly => localizer["Report.TooEarly"],
            PublishResult.AlreadyPublished => localizer["Report.PublishedCount", published] + " " + localizer["Report.AlreadyPublished"],
            _ => localizer["Report.NotFound"],
        };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        if (Parse() is not { } quarter) return BadRequest();
        // The same rule as the API's: a supervisor recomputes his district's drafts, only an administrator the whole city's.
        var (result, pass) = await reports.RecomputeAsync(User, quarter, districtId: null, cancellationToken);
        if (result == RecomputeResult.Forbidden) return Forbid();
        Failed = pass is null;
        Message = pass is null ? localizer["Report.QuarterNotDraftable"] : localizer["Report.Recomputed", pass.Created, pass.Updated];
        return await ShowAsync(cancellationToken);
    }

    private Rules.Trust.Quarter? Parse() => reports.ManagedQuarter(Quarter);

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (Parse() is not { } quarter) return BadRequest();
        Shown = quarter;
        Reports = await reports.ManageableAsync(User, quarter, cancellationToken);
        Publishable = KazakhstanTime.Today(clock) >= QuarterlyReports.PublishableFrom(quarter);
        Quarters = Trust.TrustPage.QuarterChoices(reports.LastEnded);
        if (Failed) Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}

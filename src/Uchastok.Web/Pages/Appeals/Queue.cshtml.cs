using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Appeals;
using Uchastok.Web.Safety;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>
/// The staff queue, where inspectors, supervisors and administrators land after signing in: what the officer may see,
/// open by default, soonest due first, with filters; above it, the open safety incidents of his beats (or district)
/// with the newest few, read through Safety's query, which logs them as it logs its list.
/// </summary>
public sealed class QueueModel(AppealQueries queries, AppealText text, SafetyReportQueries safety) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool DueSoon { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<AppealListItem> Appeals { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> States { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Kinds { get; private set; } = [];
    /// <summary>The open safety incidents of the officer's scope; null for a caller who reads none.</summary>
    public OpenIncidentsSummary? Safety { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        States = Enum.GetValues<AppealState>().Select(s => (AppealText.ApiName(s), text.State(s))).ToList();
        Kinds = Enum.GetValues<AppealKind>().Select(k => (AppealText.ApiName(k), text.Kind(k))).ToList();
        Appeals = await queries.QueueAsync(User, new QueueFilter(State, Kind, Overdue, DueSoon, null, Q), cancellationToken);
        Safety = await safety.OpenSummaryAsync(User, 3, cancellationToken);
    }
}

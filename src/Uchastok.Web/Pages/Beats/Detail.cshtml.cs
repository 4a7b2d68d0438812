using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Community;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Beats;

/// <summary>A beat's public page: its inspector, the district head, where to go, the meetings to come, the priorities, and the outline.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ResidentWritesRateLimitPolicy.Name)]
public sealed class DetailModel(TerritoryQueries queries, MeetingSchedule meetings, Mailings mailings, Transparency.QuarterlyReports reports) : PageModel
{
    public BeatCard Card { get; private set; } = null!;
    public IReadOnlyList<MeetingView> Upcoming { get; private set; } = [];
    public IReadOnlyList<PriorityView> Priorities { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public bool Subscribed { get; private set; }
    /// <summary>The beat's latest published quarterly report, if any.</summary>
    public Transparency.ReportListing? LatestReport { get; private set; }

    public async Task<IActionResult> OnPostSubscribeAsync(int id, string? email, string? phone, bool districtWide, CancellationToken cancellationToken)
    {
        var (done, errors) = await mailings.SubscribeAsync(new SubscribeInput(id, districtWide, email, phone), cancellationToken);
        (Subscribed, Errors) = (done, errors);
        if (!done) Response.StatusCode = StatusCodes.Status400BadRequest;
        return await OnGetAsync(id, cancellationToken);
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var card = await queries.GetBeatAsync(id, cancellationToken);
        if (card is null) return NotFound();
        Card = card;
        Upcoming = await meetings.UpcomingAsync(id, cancellationToken);
        Priorities = await meetings.PrioritiesAsync(id, cancellationToken);
        LatestReport = (await reports.PublishedAsync(null, card.DistrictId, cancellationToken))
            .Where(r => r.Level == Transparency.ReportLevel.Beat && r.BeatId == id).MaxBy(r => r.Quarter);
        return Page();
    }
}

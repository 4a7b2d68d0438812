using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Rules.Trust;
using Uchastok.Web.Accounts;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Pages.Community;

/// <summary>Where an inspector (or his supervisor) records the meetings held and the preventive work done on a beat.</summary>
public sealed class IndexModel(CommunityRecords records, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RecordableBeat> Beats { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];
    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMeetingAsync(MeetingInput input, CancellationToken cancellationToken)
    {
        var (meeting, errors) = await records.RecordMeetingAsync(input, User, cancellationToken);
        return await AfterAsync(meeting is not null, errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostActivityAsync(ActivityInput input, CancellationToken cancellationToken)
    {
        var (activity, errors) = await records.RecordActivityAsync(input, User, cancellationToken);
        return await AfterAsync(activity is not null, errors, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(bool saved, FieldErrors errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        if (saved) Message = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Community.Recorded"];
        else Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = KazakhstanTime.Today(clock);
        Beats = await records.BeatsAsync(User, cancellationToken);
        // The list under the forms: this quarter's records of the user's own beats (an inspector) or of the first inspector listed.
        int? officer = Uchastok.Web.Shared.Security.ScopeClaims.Officer(User) is { } own && Beats.Any(b => b.InspectorId == own) ? own : Beats.Count > 0 ? Beats[0].InspectorId : null;
        if (officer is { } id)
        {
            var quarter = Quarter.Of(Today);
            (Meetings, Activities) = await records.ForOfficerAsync(id, quarter.First, quarter.Last, cancellationToken);
        }
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

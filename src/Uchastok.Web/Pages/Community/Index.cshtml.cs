using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Rules.Trust;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Community;

/// <summary>Where an inspector (or his supervisor) records the meetings held and the preventive work done on a beat.</summary>
public sealed class IndexModel(CommunityRecords records, MeetingSchedule schedule, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RecordableBeat> Beats { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];
    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];
    /// <summary>The meetings of the user's beats this quarter and ahead, announced or held.</summary>
    public IReadOnlyList<MeetingView> Schedule { get; private set; } = [];
    public IReadOnlyDictionary<int, IReadOnlyList<PriorityView>> Priorities { get; private set; } = new Dictionary<int, IReadOnlyList<PriorityView>>();
    public DateTime NowUtc { get; private set; }

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

    public async Task<IActionResult> OnPostScheduleAsync(ScheduleInput input, CancellationToken cancellationToken)
    {
        var (meeting, errors) = await schedule.ScheduleAsync(input, User, cancellationToken);
        return await AfterAsync(meeting is not null, errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(int meetingId, int? attendance, string? minutes, string? issues, CancellationToken cancellationToken)
    {
        // Issues come one per line.
        var list = (issues ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (result, errors) = await schedule.RecordOutcomeAsync(meetingId, new OutcomeInput(attendance, minutes, list), User, cancellationToken);
        if (result == MeetingChange.NotFound) return NotFound();
        return await AfterAsync(result == MeetingChange.Done, errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelMeetingAsync(int meetingId, CancellationToken cancellationToken)
    {
        var result = await schedule.CancelAsync(meetingId, User, cancellationToken);
        if (result == MeetingChange.NotFound) return NotFound();
        var errors = new FieldErrors();
        if (result != MeetingChange.Done) errors.Add("status", HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Community.OutcomeNotNow"]);
        return await AfterAsync(result == MeetingChange.Done, errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostActionAsync(int priorityId, string? action, DateOnly? actionOn, CancellationToken cancellationToken)
    {
        var (result, errors) = await schedule.RecordActionAsync(priorityId, new ActionInput(action, actionOn), User, cancellationToken);
        if (result == MeetingChange.NotFound) return NotFound();
        return await AfterAsync(result == MeetingChange.Done, errors, cancellationToken);
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
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Beats = await records.BeatsAsync(User, cancellationToken);
        Schedule = await schedule.ForStaffAsync(User, cancellationToken);
        Priorities = await schedule.PrioritiesAsync(Beats.Select(b => b.Id).ToList(), cancellationToken);
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

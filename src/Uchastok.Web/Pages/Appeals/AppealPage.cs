using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>What the appeal partial shows: the appeal, and the forms its reader may use.</summary>
public sealed record AppealPageView(AppealDetail Detail, bool Staff, IReadOnlyList<OfficerRef> Assignable, string? Message, bool MessageIsError, FieldErrors Errors, string AttachmentBase)
{
    public bool Can(string action) => Detail.Actions.Contains(action);

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

/// <summary>
/// The handlers an appeal page offers, shared by the applicant's tracking page and the detail
/// page: each posts to the same command as the API, then shows the appeal again with the outcome.
/// </summary>
public abstract class AppealPageModel(TransitionAppealCommand transitions, AppealFeedbackCommands feedback, AppealText text) : PageModel
{
    public string? Message { get; protected set; }
    public bool MessageIsError { get; protected set; }
    public FieldErrors Errors { get; protected set; } = new();

    /// <summary>The appeal's number, or null when the page is reached by tracking token.</summary>
    protected abstract string? Number { get; }
    protected abstract string? Token { get; }
    protected abstract Task<IActionResult> ShowAsync(CancellationToken cancellationToken);

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) => ActAsync(AppealAction.Start, new TransitionInput(), ct);

    public Task<IActionResult> OnPostAnswerAsync(string? answer, bool? complaintUpheld, CancellationToken ct) => ActAsync(AppealAction.Answer, new TransitionInput(AnswerText: answer, ComplaintUpheld: complaintUpheld), ct);

    public Task<IActionResult> OnPostForwardAsync(string? forwardTo, string? reason, CancellationToken ct) => ActAsync(AppealAction.Forward, new TransitionInput(Reason: reason, ForwardTo: forwardTo), ct);

    public Task<IActionResult> OnPostExtendAsync(DateOnly? dueDate, string? reason, CancellationToken ct) => ActAsync(AppealAction.Extend, new TransitionInput(Reason: reason, NewDueDate: dueDate), ct);

    /// <summary>Leaving an appeal without consideration ends it for the resident: the page asks the officer to confirm it in so many words.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(string? reason, bool confirmed, CancellationToken ct)
    {
        if (confirmed) return await ActAsync(AppealAction.LeaveWithoutConsideration, new TransitionInput(Reason: reason), ct);
        var errors = new FieldErrors();
        errors.Add("confirmed", Localized("AppealPage.LeaveConfirmNeeded"));
        return await AfterAsync(new TransitionOutcome(TransitionResult.Invalid, null, errors), string.Empty, ct);
    }

    public Task<IActionResult> OnPostAssignAsync(int? officerId, CancellationToken ct) => ActAsync(AppealAction.Assign, new TransitionInput(AssigneeOfficerId: officerId), ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) => ActAsync(AppealAction.Confirm, new TransitionInput(), ct);

    public Task<IActionResult> OnPostContestAsync(string? reason, CancellationToken ct) => ActAsync(AppealAction.Contest, new TransitionInput(Reason: reason), ct);

    public async Task<IActionResult> OnPostRateAsync(int? overall, int? legality, int? timeliness, int? quality, int? politeness, int? awareness, string? comment, CancellationToken ct)
    {
        var outcome = await feedback.RateAsync(Number, Token, new RatingInput(overall, legality, timeliness, quality, politeness, awareness, comment), User, ct);
        return await AfterAsync(outcome, "AppealPage.Rated", ct);
    }

    public async Task<IActionResult> OnPostNoteAsync(string? note, CancellationToken ct)
    {
        if (Number is null) return NotFound();
        var outcome = await feedback.AddNoteAsync(Number, note, User, ct);
        return await AfterAsync(outcome, "AppealPage.NoteAdded", ct);
    }

    private async Task<IActionResult> ActAsync(AppealAction action, TransitionInput input, CancellationToken ct)
    {
        var outcome = await transitions.ExecuteAsync(Number ?? string.Empty, action, input, User, Token, ct);
        return await AfterAsync(outcome, $"AppealAction.{action}", ct);
    }

    private async Task<IActionResult> AfterAsync(TransitionOutcome outcome, string doneKey, CancellationToken ct)
    {
        switch (outcome.Result)
        {
            case TransitionResult.NotFound:
                return NotFound();
            case TransitionResult.Done:
                Message = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["AppealPage.Done", Localized(doneKey)];
                break;
            default:
                (Message, MessageIsError, Errors) = (outcome.Message ?? string.Join(" ", outcome.Errors.Values.SelectMany(v => v)), true, outcome.Errors);
                if (outcome.Result == TransitionResult.Forbidden) Response.StatusCode = StatusCodes.Status403Forbidden;
                else if (outcome.Result is TransitionResult.Refused or TransitionResult.Conflict) Response.StatusCode = StatusCodes.Status409Conflict;
                else Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
        return await ShowAsync(ct);
    }

    private string Localized(string key) =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()[key];

    protected AppealText Text => text;
}

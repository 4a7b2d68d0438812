using Microsoft.AspNetCore.Mvc;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Appeals;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>An appeal by number: for its applicant (signed in) or for staff in scope, with the actions their capacity allows.</summary>
public sealed class DetailModel(AppealQueries queries, TransitionAppealCommand transitions, AppealFeedbackCommands feedback, AppealText text)
    : AppealPageModel(transitions, feedback, text)
{
    [BindProperty(SupportsGet = true)] public string NumberValue { get; set; } = string.Empty;
    public AppealPageView? View { get; private set; }

    protected override string? Number => AppealNumber.TryNormalize(NumberValue, out var number) ? number : NumberValue;
    protected override string? Token => null;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    protected override async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var detail = Number is { } number ? await queries.ByNumberAsync(number, User, cancellationToken) : null;
        if (detail is null) return NotFound();
        var staff = detail.Applicant is not null;
        var assignable = staff && detail.Actions.Contains("assign") ? await queries.AssignableOfficersAsync(detail, cancellationToken) : [];
        View = new AppealPageView(detail, staff, assignable, Message, MessageIsError, Errors, $"/api/v1/appeals/{detail.Number}/attachments/");
        return Page();
    }
}

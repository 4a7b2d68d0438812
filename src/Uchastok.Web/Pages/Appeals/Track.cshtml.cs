using Microsoft.AspNetCore.Mvc;
using Uchastok.Web.Appeals;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>The private tracking page: anyone with the link sees the appeal as its applicant does, and may rate, confirm or contest.</summary>
public sealed class TrackModel(AppealQueries queries, TransitionAppealCommand transitions, AppealFeedbackCommands feedback, AppealText text, Web.Trust.SurveyResponses surveys)
    : AppealPageModel(transitions, feedback, text)
{
    [BindProperty(SupportsGet = true)] public string TokenValue { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public bool Filed { get; set; }
    public AppealPageView? View { get; private set; }
    /// <summary>The after-appeal survey, when one is open and this appeal's link has not been used for it.</summary>
    public string? SurveyTitle { get; private set; }

    protected override string? Number => null;
    protected override string? Token => TokenValue;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    protected override async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var detail = await queries.ByTokenAsync(TokenValue, cancellationToken);
        if (detail is null) return NotFound();
        SurveyTitle = (await surveys.FormAsync(new(Rules.Trust.SurveyChannel.AfterAppeal, string.Empty, AppealToken: TokenValue), cancellationToken))?.Survey.Title;
        View = new AppealPageView(detail, false, [], Message, MessageIsError, Errors, $"/api/v1/appeals/track/{TokenValue}/attachments/");
        return Page();
    }
}

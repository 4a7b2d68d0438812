using Microsoft.AspNetCore.Mvc;
using Uchastok.Web.Appeals;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>The private tracking page: anyone with the link sees the appeal as its applicant does, and may rate, confirm or contest.</summary>
public sealed class TrackModel(
    AppealQueries queries, TransitionAppealCommand transitions, AppealFeedbackCommands feedback, AppealText text, Web.Trust.SurveyResponses surveys,
    ApplicantContactGate contacts, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer)
    : AppealPageModel(transitions, feedback, text)
{
    /// <summary>The code the first message's link carries: it fills the confirmation form, which the reader still presses (a mail scanner that opens links confirms nothing).</summary>
    [BindProperty(SupportsGet = true, Name = "confirm")] public string? ConfirmCode { get; set; }
    /// <summary>The applicant's contact, masked, while nobody has confirmed it; null once confirmed.</summary>
    public string? UnconfirmedContact { get; private set; }
    public string? ContactMessage { get; private set; }
    public bool ContactMessageIsError { get; private set; }
    [BindProperty(SupportsGet = true)] public string TokenValue { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public bool Filed { get; set; }
    public AppealPageView? View { get; private set; }
    /// <summary>The after-appeal survey, when one is open and this appeal's link has not been used for it.</summary>
    public string? SurveyTitle { get; private set; }

    protected override string? Number => null;
    protected override string? Token => TokenValue;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostConfirmContactAsync(string? code, CancellationToken cancellationToken)
    {
        var confirmed = await contacts.ConfirmByTrackingTokenAsync(TokenValue, code, cancellationToken);
        if (confirmed is null) return NotFound();
        ContactMessage = localizer[confirmed.Value ? "AppealPage.ContactConfirmed" : "Appeal.ContactCodeWrong"];
        ContactMessageIsError = !confirmed.Value;
        if (!confirmed.Value) Response.StatusCode = StatusCodes.Status400BadRequest;
        ConfirmCode = null;
        return await ShowAsync(cancellationToken);
    }

    protected override async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var detail = await queries.ByTokenAsync(TokenValue, cancellationToken);
        if (detail is null) return NotFound();
        UnconfirmedContact = await contacts.UnconfirmedContactAsync(TokenValue, cancellationToken) is { } contact ? Mask(contact) : null;
        SurveyTitle = (await surveys.FormAsync(new(Rules.Trust.SurveyChannel.AfterAppeal, string.Empty, AppealToken: TokenValue), cancellationToken))?.Survey.Title;
        View = new AppealPageView(detail, false, [], Message, MessageIsError, Errors, $"/api/v1/appeals/track/{TokenValue}/attachments/");
        return Page();
    }

    /// <summary>Enough of the contact to recognise it, not to learn it: +7 *** *** 45 67, a***@mail.kz.</summary>
    private static string Mask(string contact)
    {
        var at = contact.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) return contact[0] + "***" + contact[at..];
        return contact.Length <= 4 ? "***" : "*** " + contact[^4..];
    }
}

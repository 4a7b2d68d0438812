using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Safety;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Safety;

/// <summary>
/// Residents' quick reports for the staff who may read them (the inspector: his beats; the supervisor: his district;
/// the administrator: all), newest first. Every report shown is logged as a read of personal data. From a report on a
/// beat, its inspector or the district's supervisor writes a safety notice to the beat's subscribers
/// (<see cref="SendSafetyNoticeCommand"/>, which decides who may).
/// </summary>
public sealed class ReportsModel(SafetyReportQueries queries, SendSafetyNoticeCommand notices, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SafetyReportPage List { get; private set; } = new([], null);
    /// <summary>The report whose notice form was just sent, with what came of it.</summary>
    public long? NoticeFor { get; private set; }
    public string? NoticeDone { get; private set; }
    public string? NoticeRefused { get; private set; }
    public FieldErrors NoticeErrors { get; private set; } = new();
    public SafetyNoticeInput NoticeInput { get; private set; } = new(null, null, null);

    /// <summary>Whether the form is offered on a row: only for a resident's report (never an alarm) on a beat, to those who write to beats (the command checks which beat).</summary>
    public bool OffersNotice(SafetyReportView report) =>
        !report.Alarm && report.BeatId is not null && (User.IsInRole(Roles.Inspector) || User.IsInRole(Roles.Supervisor));

    public async Task<IActionResult> OnGetAsync(long? before, CancellationToken cancellationToken) =>
        await LoadAsync(before, cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostNoticeAsync(long id, string? textKk, string? textRu, string? textEn, CancellationToken cancellationToken)
    {
        NoticeFor = id;
        NoticeInput = new SafetyNoticeInput(textKk, textRu, textEn);
        var result = await notices.ExecuteAsync(id, NoticeInput, User, cancellationToken);
        switch (result.Outcome)
        {
            case SafetyNoticeOutcome.Sent:
                NoticeDone = localizer["Safety.NoticeSent", result.Mailing!.Recipients];
                NoticeInput = new SafetyNoticeInput(null, null, null);
                break;
            case SafetyNoticeOutcome.Invalid:
                NoticeErrors = result.Errors!;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case SafetyNoticeOutcome.TooMany:
                NoticeRefused = localizer["Safety.NoticeTooMany", notices.PerAccountPerHour];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            case SafetyNoticeOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
        return await LoadAsync(null, cancellationToken) ? Page() : Forbid();
    }

    public string? NoticeError(string field) => NoticeErrors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task<bool> LoadAsync(long? before, CancellationToken cancellationToken)
    {
        if (await queries.ListAsync(User, before, SafetyReportQueries.DefaultPage, cancellationToken) is not { } page) return false;
        List = page;
        return true;
    }
}

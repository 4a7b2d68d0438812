using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Staff;

/// <summary>
/// A supervisor (his district's staff) or the administrator (all staff) sees the open sessions and ends the one of a lost tablet, or
/// all of one officer's. Ending asks first, on a page of its own (no script needed): whose session ends, and that work saved offline on
/// that device and not yet sent is lost.
/// </summary>
public sealed class SessionsModel(StaffSessions staffSessions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<StaffSessionView> Sessions { get; private set; } = [];
    public StaffSessionView? ConfirmOne { get; private set; }
    public IReadOnlyList<StaffSessionView>? ConfirmAll { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? end, string? endAll, CancellationToken cancellationToken)
    {
        Sessions = await staffSessions.ListAsync(User, cancellationToken);
        if (end is not null && (ConfirmOne = Sessions.FirstOrDefault(s => s.Handle == end)) is null) return Gone("StaffSessions.UnknownSession");
        if (endAll is not null && (ConfirmAll = Sessions.Where(s => s.UserId == endAll).ToList()).Count == 0)
        {
            ConfirmAll = null;
            return Gone("StaffSessions.UnknownStaff");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(string? handle, CancellationToken cancellationToken)
    {
        var ended = string.IsNullOrEmpty(handle) ? null : await staffSessions.EndAsync(User, handle, cancellationToken);
        Sessions = await staffSessions.ListAsync(User, cancellationToken);
        if (ended is null) return Gone("StaffSessions.UnknownSession");
        Message = localizer["StaffSessions.Ended", ended.Name];
        return Page();
    }

    public async Task<IActionResult> OnPostEndAllAsync(string? userId, CancellationToken cancellationToken)
    {
        var ended = string.IsNullOrEmpty(userId) ? null : await staffSessions.EndAllAsync(User, userId, cancellationToken);
        Sessions = await staffSessions.ListAsync(User, cancellationToken);
        if (ended is null) return Gone("StaffSessions.UnknownStaff");
        Message = localizer["StaffSessions.EndedAll", ended.Count, ended.Name];
        return Page();
    }

    public string KindName(StaffSessionView session) =>
        localizer[session.Kind == StaffSessions.AppKind ? "StaffSessions.App" : "StaffSessions.Browser"];

    /// <summary>A session that has ended meanwhile, or one outside the reader's staff: said so, with the list as it is now; nothing changed.</summary>
    private PageResult Gone(string key)
    {
        Error = localizer[key];
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

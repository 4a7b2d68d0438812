using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Safety;

namespace Uchastok.Web.Pages.Safety;

/// <summary>
/// The duty officer's live console (issue 19): the district's incidents on a map and in a list, unacknowledged first.
/// Without scripts it is a plain page the officer refreshes, whose forms acknowledge and close; with them
/// (<c>wwwroot/js/safety-console.js</c>) rows arrive over the hub, or by polling the API when the hub cannot connect,
/// and the forms go through the API without a reload.
/// </summary>
public sealed class ConsoleModel(SafetyConsoleQueries queries, DutyConsoleCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ConsoleFeedPage List { get; private set; } = new([], DateTime.UtcNow);

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public long? ProblemIncident { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken cancellationToken)
    {
        var result = await commands.AcknowledgeAsync(User, id, cancellationToken);
        if (result.Outcome == ConsoleActionOutcome.NotFound) return NotFound();
        if (result.Outcome == ConsoleActionOutcome.Done)
        {
            Message = localizer["Console.Acknowledged"];
            return RedirectToPage();
        }
        return await ShowAsync(cancellationToken, result, id);
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, string? outcome, string? patrol, CancellationToken cancellationToken)
    {
        var result = await commands.CloseAsync(User, id, new ConsoleCloseRequest(outcome, patrol), cancellationToken);
        if (result.Outcome == ConsoleActionOutcome.NotFound) return NotFound();
        if (result.Outcome == ConsoleActionOutcome.Done)
        {
            Message = result.AppealNumber is { } number ? localizer["Console.ClosedAppeal", number] : localizer["Console.Closed"];
            return RedirectToPage();
        }
        return await ShowAsync(cancellationToken, result, id);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken, ConsoleActionResult? refused = null, long? incident = null)
    {
        if (await queries.ListAsync(User, null, cancellationToken) is not { } page) return Forbid();
        List = page;
        if (refused is not null)
        {
            if (refused.Outcome == ConsoleActionOutcome.Invalid)
            {
                Problem = string.Join(" ", refused.Errors.SelectMany(e => e.Value));
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            else
            {
                // The API's answer to the same refusal (409 taken/closed/not the holder's), so a form post is not a 200.
                var problem = Uchastok.Web.Safety.SafetyApi.ConsoleProblem(refused, localizer);
                Problem = problem.ProblemDetails.Detail;
                Response.StatusCode = problem.StatusCode;
            }
            // The form was refused and nothing changed: the page says why, beside the incident.
            ProblemIncident = incident;
        }
        return Page();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Territory;

/// <summary>
/// One design run: its progress while it runs (a live region fed by the run's JSON, no page reloads),
/// then today's beats and the proposal side by side with the areas that move, and the approval with
/// an effective date (and, for a proposal no better than today, an explicit confirmation).
/// </summary>
public sealed class DesignRunModel(
    ApproveDesignCommand approve, CancelDesignRunCommand cancel, DesignQueries queries, WorkloadSettings settings, TimeProvider clock, UchastokDbContext db, TerritoryText text, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public DesignRunView Run { get; private set; } = null!;
    public string DistrictName { get; private set; } = string.Empty;
    public RunMaps? Maps { get; private set; }
    public string? Message { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public bool InProgress => Run.State is "queued" or "running";
    public DateOnly Today => KazakhstanTime.Today(clock);

    /// <summary>What the live region says now, before the script takes over.</summary>
    public string LiveText => Run.State == "running" ? localizer["Design.Progress", localizer["DesignState.running"], (int)(Run.Progress * 100)] : localizer[$"DesignState.{Run.State}"];

    /// <summary>The live region's sentences in the page's language, for the script that follows the run.</summary>
    public string LiveTexts => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["queued"] = localizer["DesignState.queued"], ["running"] = localizer["DesignState.running"], ["progress"] = localizer["Design.Progress"],
        ["finished"] = localizer["Design.Finished"], ["unreachable"] = localizer["Design.ProgressUnreachable"],
    });

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(DateOnly? effectiveFrom, bool confirmNotBetter, CancellationToken cancellationToken)
    {
        var result = await approve.ExecuteAsync(User, Id, effectiveFrom, confirmNotBetter, cancellationToken);
        Errors = result.Errors;
        Message = localizer[result.Outcome switch
        {
            DesignOutcome.Done => "Design.Approved",
            DesignOutcome.Invalid => "Design.NotApproved",
            _ => result.MessageKey ?? "Problem.409",
        }];
        if (result.Outcome == DesignOutcome.NotFound) return NotFound();
        if (result.Outcome != DesignOutcome.Done) Response.StatusCode = result.Outcome == DesignOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var result = await cancel.ExecuteAsync(User, Id, cancellationToken);
        if (result.Outcome == DesignOutcome.NotFound) return NotFound();
        Message = localizer[result.Outcome == DesignOutcome.Done ? "Design.Cancelled" : result.MessageKey ?? "Problem.409"];
        return await LoadAsync(cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        if (await queries.RunAsync(User, Id, cancellationToken) is not { } run) return NotFound();
        Run = run;
        var district = await db.Districts.AsNoTracking().SingleAsync(d => d.Id == run.DistrictId, cancellationToken);
        DistrictName = text.DistrictName(district);
        if (run.After is not null) Maps = await queries.MapsAsync(User, Id, settings, clock, cancellationToken);
        return Page();
    }
}

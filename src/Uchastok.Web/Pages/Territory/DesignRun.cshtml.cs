using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Accounts;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Pages.Territory;

/// <summary>One design run: its progress while it runs, then today's beats and the proposal side by side, and the approval with an effective date.</summary>
public sealed class DesignRunModel(
    DesignCommands commands, DesignQueries queries, WorkloadSettings settings, TimeProvider clock, UchastokDbContext db, TerritoryText text, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public DesignRunView Run { get; private set; } = null!;
    public string DistrictName { get; private set; } = string.Empty;
    public string CurrentGeoJson { get; private set; } = "{}";
    public string ProposalGeoJson { get; private set; } = "{}";
    public string? Message { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public bool InProgress => Run.State is "queued" or "running";
    public DateOnly Today => KazakhstanTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(DateOnly? effectiveFrom, CancellationToken cancellationToken)
    {
        var result = await commands.ApproveAsync(User, Id, effectiveFrom, cancellationToken);
        Errors = result.Errors;
        Message = localizer[result.Outcome == DesignOutcome.Done ? "Design.Approved" : result.MessageKey ?? "Problem.409"];
        if (result.Outcome == DesignOutcome.NotFound) return NotFound();
        if (result.Outcome != DesignOutcome.Done) Response.StatusCode = result.Outcome == DesignOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var result = await commands.CancelAsync(User, Id, cancellationToken);
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
        if (run.After is not null)
        {
            if (await queries.MapsAsync(User, Id, settings, clock, cancellationToken) is { } maps) (CurrentGeoJson, ProposalGeoJson) = maps;
        }
        return Page();
    }
}

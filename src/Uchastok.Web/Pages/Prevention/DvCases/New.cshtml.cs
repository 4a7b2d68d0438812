using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Prevention.DvCases;

/// <summary>Opening a case on detection: beat, source, date, address, what was seen. Nothing from the victim.</summary>
public sealed class NewModel(DomesticViolenceCases cases, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(int BeatId, int DistrictId, string Label)> Beats { get; private set; } = [];
    public DvOpenRequest Form { get; private set; } = new(null, null, null, null, null);
    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(long? appealId, long? tipId, CancellationToken cancellationToken)
    {
        if (!await cases.MayWorkOnCasesAsync(User, cancellationToken)) return NotFound();
        // The administrator reads cases but does not open them, as on the register.
        if (User.IsInRole(Uchastok.Web.Shared.Security.Roles.Admin)) return Forbid();
        Beats = await cases.BeatsToOpenOnAsync(User, cancellationToken);
        var source = appealId is not null ? nameof(DvSource.Appeal) : tipId is not null ? nameof(DvSource.AnonymousTip) : null;
        Form = new(Beats.Count == 1 ? Beats[0].BeatId : null, source, KazakhstanTime.Today(clock), null, null, appealId, tipId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? beatId, string? source, DateOnly? detectedOn, string? address, string? summary, long? appealId, long? tipId, CancellationToken cancellationToken)
    {
        var input = new DvOpenRequest(beatId, source, detectedOn, address, summary, appealId, tipId);
        var outcome = await cases.OpenAsync(User, input, cancellationToken);
        if (outcome.Status == DvOutcomeStatus.NotFound) return NotFound();
        if (outcome.Status == DvOutcomeStatus.Forbidden) return Forbid();
        if (outcome.Status == DvOutcomeStatus.Ok) return Redirect($"/prevention/dv-cases/{outcome.Value!.Id}");
        Errors = outcome.Errors;
        Form = input;
        Beats = await cases.BeatsToOpenOnAsync(User, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Pages.Prevention;

/// <summary>
/// A person's file: the entry, the individual prevention plan with its forms (done, new date, new action),
/// the events (breach, offence, new address, move, removal) and the history; the supervisor also sees possible
/// duplicates across the city and who read the file. Outside the user's scope the file does not exist (404).
/// </summary>
public sealed class EntryModel(PreventionRegister register, PreventionPlans plans, PreventionScope scope, AddressSearch addresses, TerritoryQueries territory,
    TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PreventionPageModel
{
    public PreventionFileView Person { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool MayWrite { get; private set; }
    /// <summary>The beats of the file's district a move can go to.</summary>
    public IReadOnlyList<BeatSummary> Beats { get; private set; } = [];
    /// <summary>The action whose form was refused, to open it again with its errors.</summary>
    public long? FailedAction { get; private set; }
    public string? FailedForm { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => ShowAsync(id, "file opened in the workspace", cancellationToken);

    public async Task<IActionResult> OnPostDoneAsync(long id, long actionId, DateOnly? doneOn, string? place, string? note, CancellationToken cancellationToken)
    {
        var (result, errors) = await plans.RecordDoneAsync(User, actionId, new PlanActionDoneRequest(doneOn, place, note), ofEntry: id, cancellationToken: cancellationToken);
        return await AfterAsync(id, result, errors, "PreventionPage.ActionDone", actionId, "done", cancellationToken);
    }

    public async Task<IActionResult> OnPostDueAsync(long id, long actionId, DateOnly? due, CancellationToken cancellationToken)
    {
        var (result, errors) = await plans.RescheduleAsync(User, actionId, new PlanActionDueRequest(due), ofEntry: id, cancellationToken: cancellationToken);
        return await AfterAsync(id, result, errors, "PreventionPage.ActionMoved", actionId, "due", cancellationToken);
    }

    public async Task<IActionResult> OnPostActionAsync(long id, string? kind, DateOnly? due, CancellationToken cancellationToken)
    {
        var (result, errors) = await plans.AddActionAsync(User, id, new PlanActionRequest(kind, due), cancellationToken);
        return await AfterAsync(id, result, errors, "PreventionPage.ActionAdded", null, "action", cancellationToken);
    }

    public async Task<IActionResult> OnPostEventAsync(long id, string? kind, DateOnly? occurredOn, string? reason, string? addressText, int? toBeatId, string? protocolReference,
        CancellationToken cancellationToken)
    {
        int? addressId = null;
        double? lat = null, lon = null;
        if (!string.IsNullOrWhiteSpace(addressText))
        {
            var hit = (await addresses.SearchAsync(addressText, 1, cancellationToken)).FirstOrDefault(h => h.ExactHouse);
            if (hit is null)
            {
                Errors.Add("address", localizer["Prevention.AddressNotFound"]);
                FailedForm = "event";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await ShowAsync(id, "file shown with a refused form", cancellationToken);
            }
            addressId = hit.Id;
        }
        var (result, errors) = await register.RecordEventAsync(User, id, new PreventionEventRequest(kind, occurredOn, reason, addressId, lat, lon, null, toBeatId, protocolReference), cancellationToken);
        return await AfterAsync(id, result, errors, "PreventionPage.EventRecorded", null, "event", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(long id, PreventionWriteResult result, Uchastok.Web.Shared.Web.FieldErrors errors, string savedKey, long? actionId, string form, CancellationToken cancellationToken)
    {
        if (Outcome(result, errors) is { } refused) return refused;
        if (result == PreventionWriteResult.Done)
        {
            Saved = localizer[savedKey].Value;
            return Redirect($"/prevention/entries/{id}");
        }
        (FailedAction, FailedForm) = (actionId, form);
        return await ShowAsync(id, "file shown with a refused form", cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(long id, string purpose, CancellationToken cancellationToken)
    {
        var file = await register.FileAsync(User, id, purpose, cancellationToken);
        if (file is null) return NotFound();
        Person = file;
        Today = KazakhstanTime.Today(clock);
        var actor = await scope.ActorAsync(User, cancellationToken);
        MayWrite = actor.Kind != PreventionActorKind.Admin && file.State == nameof(PreventionFileState.OnRecord);
        if (MayWrite) Beats = await territory.ListBeatsAsync(file.DistrictId, cancellationToken) ?? [];
        return Page();
    }
}

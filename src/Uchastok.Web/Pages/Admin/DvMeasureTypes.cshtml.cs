using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>
/// The administrator's settings of domestic-violence work the document does not give: the types of protective orders and
/// similar measures (names, legal source, check interval) and the repeat window with its source.
/// </summary>
public sealed class DvMeasureTypesModel(DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<DvMeasureTypeView> Types { get; private set; } = [];
    public DvMeasureTypeRequest Form { get; private set; } = new(null, null, null, null, null, null);
    public int? EditingId { get; private set; }
    public DvSettingsView Settings { get; private set; } = new(null, null, null);
    public FieldErrors Errors { get; private set; } = new();
    public string? FailedForm { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (id is { } editing)
        {
            if (Types.SingleOrDefault(t => t.Id == editing) is not { } found) return NotFound();
            EditingId = editing;
            Form = new(found.NameKk, found.NameRu, found.NameEn, found.LegalSource, found.CheckIntervalCount, found.CheckIntervalUnit, found.IsActive);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostTypeAsync(int? id, string? nameKk, string? nameRu, string? nameEn, string? legalSource, int? checkIntervalCount, string? checkIntervalUnit, bool isActive, CancellationToken cancellationToken)
    {
        var input = new DvMeasureTypeRequest(nameKk, nameRu, nameEn, legalSource, checkIntervalCount, checkIntervalUnit, isActive);
        var (saved, errors) = await cases.SaveMeasureTypeAsync(id, input, cancellationToken);
        if (saved is null && errors.Count == 0) return NotFound();
        if (saved is null) Refuse("type", errors, () => { Form = input; EditingId = id; });
        else Message = localizer["Admin.Saved"].Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(int? repeatWindowCount, string? repeatWindowUnit, string? repeatWindowSource, CancellationToken cancellationToken)
    {
        var input = new DvSettingsRequest(repeatWindowCount, repeatWindowUnit, repeatWindowSource);
        var (saved, errors) = await cases.SaveSettingsAsync(User, input, cancellationToken);
        await LoadAsync(cancellationToken);
        if (saved is null) Refuse("settings", errors, () => Settings = new(repeatWindowCount, repeatWindowUnit, repeatWindowSource));
        else Message = localizer["Admin.Saved"].Value;
        return Page();
    }

    public string? Error(string form, string field) => FailedForm == form && Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private void Refuse(string form, FieldErrors errors, Action keep)
    {
        FailedForm = form;
        Errors = errors;
        keep();
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Types = await cases.MeasureTypesAsync(cancellationToken);
        if (FailedForm != "settings") Settings = await cases.SettingsAsync(cancellationToken);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Pages.Prevention;

/// <summary>
/// Putting a person on the register. The address is typed (the gazetteer's suggestions help) or set as a
/// pin on the map where there is no house number; the person's beat is the one that holds it.
/// </summary>
public sealed class NewModel(PreventionRegister register, PreventionCategoryAdministration categories, PreventionScope scope, AddressSearch addresses,
    TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PreventionPageModel
{
    public IReadOnlyList<PreventionCategoryView> Categories { get; private set; } = [];
    public PreventionEntryRequest Form { get; private set; } = new(null, null, null, null, null, null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await MayAddAsync(cancellationToken)) return NotFound();
        Form = Form with { PutOnRecord = KazakhstanTime.Today(clock) };
        Categories = await ActiveCategoriesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        string? fullName, DateOnly? birthDate, string? iin, string? addressText, double? lat, double? lon, string? category, string? basis, DateOnly? putOnRecord,
        CancellationToken cancellationToken)
    {
        if (!await MayAddAsync(cancellationToken)) return NotFound();
        Form = new PreventionEntryRequest(fullName, birthDate, iin, null, lat, lon, addressText, category, basis, putOnRecord);
        var input = Form;
        // Without a pin, the typed address must be one of the gazetteer's houses.
        if (lat is null || lon is null)
        {
            var hit = string.IsNullOrWhiteSpace(addressText) ? null : (await addresses.SearchAsync(addressText, 1, cancellationToken)).FirstOrDefault(h => h.ExactHouse);
            if (hit is null && !string.IsNullOrWhiteSpace(addressText))
            {
                Errors.Add("address", localizer["Prevention.AddressNotFound"]);
            }
            input = input with { AddressId = hit?.Id, Latitude = null, Longitude = null, AddressText = null };
        }
        if (Errors.Count == 0)
        {
            var (file, errors) = await register.PutOnRecordAsync(User, input, cancellationToken);
            if (file is not null)
            {
                Saved = localizer["PreventionPage.PutOnRecordDone", file.FullName].Value;
                return Redirect($"/prevention/entries/{file.Id}");
            }
            Errors = errors;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Categories = await ActiveCategoriesAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> MayAddAsync(CancellationToken cancellationToken)
    {
        var actor = await scope.ActorAsync(User, cancellationToken);
        return register.InScope(actor) is not null && actor.Kind != Uchastok.Rules.Prevention.PreventionActorKind.Admin;
    }

    private async Task<IReadOnlyList<PreventionCategoryView>> ActiveCategoriesAsync(CancellationToken cancellationToken) =>
        (await categories.ListAsync(cancellationToken)).Where(c => c.IsActive).ToList();
}

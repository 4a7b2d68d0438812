using Microsoft.AspNetCore.Mvc;
using Uchastok.Web.Weapons;

namespace Uchastok.Web.Pages.Weapons;

/// <summary>The storage sites in the caller's scope with their next inspection, and the form that registers one.</summary>
public sealed class SitesModel(StorageSites sites, WeaponsScope scope) : WeaponsPageModel
{
    public IReadOnlyList<StorageSiteRow> Sites { get; private set; } = [];
    public IReadOnlyList<WeaponsBeat> Beats { get; private set; } = [];
    public StorageSiteRequest Form { get; private set; } = new(null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        await LoadAsync(cancellationToken);
        if (Beats.Count == 1) Form = Form with { Beat = Beats[0].Code };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? organisation, string? address, string? kind, string? beat, CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        Form = new StorageSiteRequest(name, organisation, address, kind, beat);
        var (site, errors) = await sites.AddAsync(Form, User, cancellationToken);
        if (site is not null) return Redirect($"/weapons/sites/{site.Id}");
        Errors = errors;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sites = await sites.ListAsync(User, null, "the storage sites list", cancellationToken);
        Beats = await scope.BeatsAsync(User, cancellationToken);
    }
}

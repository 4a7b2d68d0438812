using Microsoft.AspNetCore.Mvc;
using Uchastok.Web.Weapons;

namespace Uchastok.Web.Pages.Weapons;

/// <summary>Adding a holder with his first weapon and permit on one of the caller's beats.</summary>
public sealed class NewModel(WeaponsRegister register, WeaponsScope scope) : WeaponsPageModel
{
    public WeaponHolderRequest Form { get; private set; } = new("person", null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    public IReadOnlyList<WeaponsBeat> Beats { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        Beats = await scope.BeatsAsync(User, cancellationToken);
        if (Beats.Count == 1) Form = Form with { Beat = Beats[0].Code };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        string? holderKind, string? name, string? iin, string? bin, string? address, string? beat, string? weaponKind, string? make, string? model, string? calibre,
        string? serialNumber, string? permitNumber, string? issuer, DateOnly? validFrom, DateOnly? validTo, CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        Form = new WeaponHolderRequest(holderKind, name, iin, bin, address, beat, weaponKind, make, model, calibre, serialNumber, permitNumber, issuer, validFrom, validTo);
        var (holder, errors) = await register.AddAsync(Form, User, cancellationToken);
        if (holder is not null) return Redirect($"/weapons/holders/{holder.Id}");
        Errors = errors;
        Beats = await scope.BeatsAsync(User, cancellationToken);
        return Page();
    }
}

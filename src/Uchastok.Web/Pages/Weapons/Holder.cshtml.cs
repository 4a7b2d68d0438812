using Microsoft.AspNetCore.Mvc;
using Uchastok.Web.Weapons;

namespace Uchastok.Web.Pages.Weapons;

/// <summary>A holder's file: his weapons and permits, their verification, the correction of name and address. Out of scope: 404.</summary>
public sealed class HolderModel(WeaponsRegister register) : WeaponsPageModel
{
    public WeaponHolderView? Holder { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        Holder = await register.GetAsync(User, id, "a holder's file", cancellationToken);
        Saved = saved;
        return Holder is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostEditAsync(long id, string? name, string? address, CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        var (holder, errors) = await register.EditAsync(id, new HolderEditRequest(name, address), User, cancellationToken);
        return await AfterAsync(id, holder, errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync(long id, long weapon, string? verification, CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        // The permit must be this holder's: a form naming another holder's permit is "not found".
        if (await register.GetAsync(User, id, "a holder's file before a verification", cancellationToken) is not { } current || current.Weapons.All(w => w.Id != weapon)) return NotFound();
        var (holder, errors) = await register.VerifyAsync(weapon, verification, User, cancellationToken);
        return await AfterAsync(id, holder, errors, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(long id, WeaponHolderView? holder, Uchastok.Web.Shared.Web.FieldErrors errors, CancellationToken cancellationToken)
    {
        if (holder is not null) return Redirect($"/weapons/holders/{id}?saved=true");
        if (errors.Count == 0) return NotFound();
        Errors = errors;
        Holder = await register.GetAsync(User, id, "a holder's file after a refused change", cancellationToken);
        return Holder is null ? NotFound() : Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Uchastok.Web.Weapons;

namespace Uchastok.Web.Pages.Weapons;

/// <summary>The register of weapon holders in the caller's scope, searchable; every holder listed is a logged read.</summary>
public sealed class IndexModel(WeaponsRegister register) : WeaponsPageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; }
    public WeaponHolderPage Holders { get; private set; } = new([], 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        Holders = await register.ListAsync(User, null, Search, Math.Max(0, PageNumber), "the register of weapon holders", cancellationToken);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.WeaponSeizures;

namespace Uchastok.Web.Pages.Seizures;

/// <summary>One seizure in full, its place included: the read is logged (ADR 0010); outside the reader's scope, "not found".</summary>
public sealed class DetailModel(WeaponSeizureRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Recorded { get; set; }

    public WeaponSeizureView Seizure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var view = await register.ReadAsync(User, id, "seizure page", cancellationToken);
        if (view is null) return NotFound();
        Seizure = view;
        return Page();
    }
}

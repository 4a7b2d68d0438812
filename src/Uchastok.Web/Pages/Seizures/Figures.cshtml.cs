using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.WeaponSeizures;

namespace Uchastok.Web.Pages.Seizures;

/// <summary>The public figures (issue 21): seized items by category for the city, ended quarters, counts of 1–4 not published.</summary>
public sealed class FiguresModel(WeaponSeizureRegister register) : PageModel
{
    public PublicSeizureFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await register.PublicAsync(cancellationToken);
}

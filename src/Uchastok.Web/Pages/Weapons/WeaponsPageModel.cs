using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Weapons;

namespace Uchastok.Web.Pages.Weapons;

/// <summary>What the weapons pages share: who reads the registers at all (everyone else: 404), and the form's field errors.</summary>
public abstract class WeaponsPageModel : PageModel
{
    public FieldErrors Errors { get; protected set; } = new();

    protected bool Reads => WeaponsScope.ReadsAny(User);

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

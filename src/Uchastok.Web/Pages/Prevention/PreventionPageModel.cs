using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Prevention;

/// <summary>What the prevention pages share: the field errors of a refused form, the message after a saved one, the category's name in the page's language.</summary>
public abstract class PreventionPageModel : PageModel
{
    public FieldErrors Errors { get; protected set; } = new();

    /// <summary>The message of the last save, carried over the redirect that follows it.</summary>
    [TempData] public string? Saved { get; set; }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public static string Name(PreventionCategoryView category) => LocalizationSetup.Pick(category.NameKk, category.NameRu, category.NameEn);

    /// <summary>After a write: NotFound and Forbidden as themselves, a refusal shown on the page with 400, a save followed by a redirect.</summary>
    protected IActionResult? Outcome(PreventionWriteResult result, FieldErrors errors)
    {
        switch (result)
        {
            case PreventionWriteResult.NotFound: return NotFound();
            case PreventionWriteResult.Forbidden: return Forbid();
            case PreventionWriteResult.Done: return null;
        }
        Errors = errors;
        if (result == PreventionWriteResult.Conflict) Errors.Add("form", HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Prevention.Conflict"]);
        Response.StatusCode = result == PreventionWriteResult.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return null;
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Pages;

/// <summary>What a person sees instead of a bare status code (a mistyped tracking link, a page that is not there), in their language.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;

    /// <summary>
    /// A failed form post is re-executed here as a post: it gets the same page. The code comes from
    /// the route only: binding it from the form would read a body that may be the one refused (413).
    /// </summary>
    public void OnPost([Microsoft.AspNetCore.Mvc.FromRoute] int code) => OnGet(code);

    public void OnGet([Microsoft.AspNetCore.Mvc.FromRoute] int code)
    {
        // Re-executed for a refused request, the status set is the one to describe, whatever was bound.
        if (code is < 400 or > 599 && Response.StatusCode >= 400) code = Response.StatusCode;
        // Opened directly, the page still answers with the status it describes.
        if (code is >= 400 and <= 599) Response.StatusCode = code;
        Title = localizer[$"Problem.{code}"] is { ResourceNotFound: false } title ? title : localizer["Error.Title"];
        Text = localizer[$"Status.{code}.Text"] is { ResourceNotFound: false } text ? text : localizer["Error.Text"];
    }
}

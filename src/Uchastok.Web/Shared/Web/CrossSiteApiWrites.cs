using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// The browser sends the sign-in cookie with a request another site makes (a form posted across
/// sites, multipart included), so a change to <c>/api</c> made with the cookie must prove it comes
/// from one of Uchastok's own pages: an <c>Origin</c>, when sent, of this site, and the antiforgery
/// token in the <c>RequestVerificationToken</c> header (a page has it in its
/// <c>request-verification-token</c> meta tag), which another site can neither read nor set.
/// Requests with a bearer token (which a browser never adds by itself) and anonymous requests are
/// not affected; reading (GET, HEAD, OPTIONS) never is.
/// </summary>
public static class CrossSiteApiWrites
{
    public const string HeaderName = "RequestVerificationToken";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!NeedsProof(context))
        {
            await next(context);
            return;
        }
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (!SameOrigin(context.Request))
        {
            await Problems.BadRequest(localizer, "Antiforgery.CrossSite").ExecuteAsync(context);
            return;
        }
        // The header only: the form fields of a cross-site post are the attacker's to choose, and a page's script can set a header.
        if (string.IsNullOrEmpty(context.Request.Headers[HeaderName])
            || !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Problems.BadRequest(localizer, "Antiforgery.ApiHeader").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsProof(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api")) return false;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)) return false;
        // The same test as the scheme that chose between the two (AccountsModule.CookieOrBearer): a bearer request never reads the cookie.
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        return context.User.Identity?.IsAuthenticated == true;
    }

    /// <summary>
    /// The request's <c>Origin</c> (or, without one, the browser's <c>Sec-Fetch-Site</c>) says it was
    /// made by this site. Neither header is required: older clients send neither, and the token decides.
    /// </summary>
    internal static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none";
    }
}

using System.Text.RegularExpressions;

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// Headers every response carries — pages, API answers, static files and error pages alike:
/// a Content-Security-Policy that runs only Uchastok's own scripts (the pages have no inline
/// script, handler or style), no framing by anyone (the staff pages have action buttons), no
/// content-type sniffing, and a referrer that never carries a path (tracking links hold tokens)
/// to another site, and nothing shown to a signed-in person kept in the browser's cache. HSTS is added by <c>UseHsts</c> for
/// requests that came over TLS.
/// </summary>
public sealed partial class SecurityHeaders(IConfiguration configuration) : IMiddleware
{
    private readonly string _policy = Policy(configuration["UCHASTOK_TILES"]);

    /// <summary>
    /// The policy. Images may also come from the configured tile server and from <c>data:</c>
    /// addresses (Leaflet's and the browser's own small images) and <c>blob:</c> (the preview, made in the browser, of a photo chosen for an appeal); styles only from Uchastok's files
    /// (Leaflet sets positions through the style object, which CSP does not restrict).
    /// </summary>
    public static string Policy(string? tiles)
    {
        var tileSource = TileSource(tiles);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + (tileSource is null ? "" : " " + tileSource)
            + "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>The tile server of a URL template such as <c>https://{s}.tile.example/{z}/{x}/{y}.png</c>: <c>https://*.tile.example</c>.</summary>
    public static string? TileSource(string? template)
    {
        if (string.IsNullOrWhiteSpace(template) || TileOrigin().Match(template.Trim()) is not { Success: true } match) return null;
        var host = match.Groups["host"].Value;
        // {s} (the subdomain letter) becomes a wildcard; a template that varies the host any other way gets its scheme only.
        if (host.StartsWith("{s}.", StringComparison.Ordinal)) host = "*" + host[3..];
        return host.Contains('{') || host.Contains('}') ? match.Groups["scheme"].Value + ":" : $"{match.Groups["scheme"].Value}://{host}";
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // On starting, not now: the exception handler clears the headers of a response it replaces.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // What a signed-in person is shown is his and nobody else's: on a shared tablet the browser must not keep it in its
            // HTTP cache for the next user or the back button. Responses that say how to cache themselves (fingerprinted files,
            // published reports) keep what they say. So a sign-out need not clear the browser's cache, which Chromium can take
            // many seconds to do (see RevokedDevices).
            if (context.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "private, no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>[^/?#]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TileOrigin();
}

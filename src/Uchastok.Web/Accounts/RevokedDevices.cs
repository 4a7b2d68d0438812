namespace Uchastok.Web.Accounts;

/// <summary>
/// The next contact of a lost device (issue 18): a request carrying the cookie or bearer token of a session a supervisor or an
/// administrator ended with <see cref="AccountSessions.DeviceRevoked"/> is answered as signed out — 401 under <c>/api</c>, the sign-in
/// page elsewhere — and told to wipe what the site keeps in the browser: <c>Clear-Site-Data: "cache", "storage"</c> (the HTTP cache;
/// IndexedDB, Cache Storage, local storage and the site's service workers) and <c>Uchastok-Session: revoked</c>, which a page's
/// own script can read on a fetch. Cookies are not in the list: the session cookie is deleted by the sign-out anyway, and the
/// language and antiforgery cookies are the next person's to keep.
/// </summary>
public static class RevokedDevices
{
    public const string SessionHeader = "Uchastok-Session";
    public const string Revoked = "revoked";
    /// <summary>What every sign-out and every revoked device is told to drop: the HTTP cache and the site's storage, not its cookies.</summary>
    public const string ClearSiteData = "\"cache\", \"storage\"";

    private static readonly object Key = new();

    /// <summary>Called by the session checks (cookie and bearer) when the session was ended because its device was lost.</summary>
    internal static void Mark(HttpContext context)
    {
        context.Items[Key] = true;
        context.Response.Headers["Clear-Site-Data"] = ClearSiteData;
        context.Response.Headers[SessionHeader] = Revoked;
    }

    public static bool IsMarked(HttpContext context) => context.Items.ContainsKey(Key);

    /// <summary>
    /// After authorization: a route that needs a sign-in has already been refused (401 or the redirect to the sign-in page, with the
    /// headers above); one that anyone may open is refused here too, so the device's user always lands on the sign-in page.
    /// </summary>
    public static IApplicationBuilder UseRevokedDevices(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsMarked(context))
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        else context.Response.Redirect("/account/login");
    });
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Shared.Web;

/// <summary>The web host's plumbing: pages and who may open them, OpenAPI, health, language choice.</summary>
public static class WebSetup
{
    public static IServiceCollection AddUchastokWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        // Behind a reverse proxy the client's address (rate limits) and scheme (secure cookies) come from
        // X-Forwarded-For/-Proto, believed only from loopback and the proxies named in Network:TrustedProxies.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (configuration["Network:TrustedProxies"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (System.Net.IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
        });
        // Links to pages are lower case by their folder and file names only (PageRouteTransformerConvention below), never
        // by their values: RouteOptions.LowercaseUrls would lower-case a page's own case-sensitive token in the forms
        // it posts back to itself (a subscription's or a booking's link), and the post would find nothing.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = LocalizeProblem);
        services.AddExceptionHandler<UnhandledExceptions>();
        services.AddSingleton<SecurityHeaders>();
        // Cookie-authenticated API writes carry the token in this header (CrossSiteApiWrites); the frame header is SecurityHeaders' (DENY).
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CrossSiteApiWrites.HeaderName;
            o.SuppressXFrameOptionsHeader = true;
        });
        // A year; sent only over TLS (UseHsts outside Development), never for localhost.
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Kestrel does not name itself: the Server header tells a scanner which exploits to try.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        // A body the framework cannot read is a 400 with a translated problem, in development too, not an exception page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        // Kazakh and Russian pages carry their letters as they are, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // So do the API's answers: a Kazakh or Russian letter is 2 bytes of UTF-8 instead of a 6-byte \uXXXX escape, a third of
        // the size on a rural tablet's network. HTML-sensitive characters (< > & ' ") stay escaped, as by default.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder =
            System.Text.Encodings.Web.JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Cyrillic, UnicodeRanges.CyrillicSupplement));
        // Pages, scripts, styles and GeoJSON go compressed: residents are on mobile networks. The pages' antiforgery
        // tokens are masked afresh on every response, which is what keeps compression from leaking them (BREACH).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "image/svg+xml", "application/problem+json"]);
        });
        // Optimal, not fastest: the fastest Brotli makes Leaflet (148 KB) 56 KB, larger than gzip's 42 KB; the scripts and
        // layers are fingerprinted and kept a year, so each phone pays for them once (measured in bench/page-weight.sh).
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // After MVC has added its own readers, which this replaces.
        services.PostConfigure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => InvariantFormValueProviderFactory.ReplaceIn(o.ValueProviderFactories));
        services.AddRazorPages(options =>
            {
                options.Conventions.Add(new PageRouteTransformerConvention(new LowerCaseSegments()));
                // Every page folder states who may open it; anything not listed needs a signed-in user (the fallback policy).
                options.Conventions.AllowAnonymousToPage("/Index");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Status");
                options.Conventions.AllowAnonymousToFolder("/Beats");
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/Register");
                options.Conventions.AllowAnonymousToPage("/Account/Forgot");
                options.Conventions.AllowAnonymousToPage("/Account/Reset");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AuthorizePage("/Account/Profile");
                options.Conventions.AuthorizePage("/Account/Logout");
                options.Conventions.AllowAnonymousToPage("/Appeals/New");
                options.Conventions.AllowAnonymousToPage("/Appeals/Track");
                options.Conventions.AllowAnonymousToPage("/Appeals/Recover");
                options.Conventions.AuthorizePage("/Appeals/Mine");
                options.Conventions.AuthorizePage("/Appeals/Detail");
                options.Conventions.AuthorizePage("/Appeals/Queue", Policies.Staff);
                options.Conventions.AuthorizePage("/Appeals/Officer", Policies.Staff);
                options.Conventions.AuthorizePage("/Appeals/Board", Policies.TerritoryManagers);
                options.Conventions.AuthorizePage("/Appeals/Tips", Policies.TerritoryManagers);
                options.Conventions.AuthorizeFolder("/Territory", Policies.TerritoryManagers);
                options.Conventions.AuthorizePage("/Territory/Import", Policies.Admin);
                options.Conventions.AuthorizePage("/Territory/Incidents", Policies.Admin);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                options.Conventions.AuthorizeFolder("/Staff", Policies.TerritoryManagers);
                options.Conventions.AllowAnonymousToFolder("/Survey");
                options.Conventions.AllowAnonymousToPage("/Trust/Index");
                options.Conventions.AuthorizePage("/Trust/Dashboard", Policies.TerritoryManagers);
                options.Conventions.AuthorizePage("/Trust/FreeText", Policies.Staff);
                options.Conventions.AuthorizePage("/Evaluation/Index", Policies.TerritoryManagers);
                options.Conventions.AuthorizePage("/Evaluation/Inspector", Policies.Staff);
                options.Conventions.AuthorizeFolder("/Community", Policies.Staff);
                options.Conventions.AuthorizePage("/Community/Compliance", Policies.TerritoryManagers);
                options.Conventions.AllowAnonymousToFolder("/Receptions");
                options.Conventions.AllowAnonymousToFolder("/Subscriptions");
                options.Conventions.AllowAnonymousToPage("/Reports/Index");
                options.Conventions.AllowAnonymousToPage("/Reports/Report");
                options.Conventions.AuthorizePage("/Reports/Manage", Policies.TerritoryManagers);
                // Signed in only: each page decides per case (PreventionAccess) and answers "not found" to everyone else, residents too.
                options.Conventions.AuthorizeFolder("/Prevention");
                // Signed in only: each protocol page decides by ProtocolScope and answers "not found" outside it, as the API does.
                options.Conventions.AuthorizeFolder("/Protocols");
                // The workspace's home: signed in only; the page answers 404, or 403 to the administrator, to anyone who does not draw protocols up.
                options.Conventions.AuthorizeFolder("/Workspace");
                options.Conventions.AuthorizePage("/Analytics/Patrols", Policies.Staff);
                // Residents report without an account; the reports are read by the beat's inspector and those above him.
                options.Conventions.AllowAnonymousToPage("/Safety/Report");
                options.Conventions.AllowAnonymousToPage("/Safety/Sent");
                options.Conventions.AuthorizePage("/Safety/Reports", Policies.SafetyReports);
                // The live console: the district's duty officer and supervisor, administrators; the page scopes by district.
                options.Conventions.AuthorizePage("/Safety/Console", Policies.DutyConsole);
                // Seizures are staff records: signed in only, each page decides by WeaponSeizureScope and answers "not found" outside it, as the API does.
                options.Conventions.AuthorizeFolder("/Seizures");
                // The public figures: counts by category under the small-count rule, for anyone.
                options.Conventions.AllowAnonymousToPage("/Seizures/Figures");
                options.Conventions.AuthorizePage("/Analytics/Hotspots", Policies.Staff);
                // The weapons registers: signed in only; each page asks WeaponsAccess and answers "not found" outside it, as the API does.
                options.Conventions.AuthorizeFolder("/Weapons");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        return services;
    }

    public static WebApplication UseUchastokWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        // In every environment, Development too, so that what the tests see is what production does; the exception is logged.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = UnhandledExceptions.StatusOf,
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticFileCaching.Apply });
        app.UseRequestLocalization();
        // A bare status code gets a body in the reader's language (so after localization, and before
        // routing, which a re-executed request goes through again): problem details for the API, a page for people.
        app.UseWhen(context => IsApi(context.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request.Path), site => site.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRouting();
        app.Use(UnknownPathAsync);
        app.Use(OversizedBodyAsync);
        app.UseAuthentication();
        app.Use(CrossSiteApiWrites.InvokeAsync);
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapUchastokWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapGet("/api/v1/about", () => TypedResults.Ok(new AboutView("Uchastok", "v1")))
            .AllowAnonymous().WithTags("Platform").WithSummary("Who answers here; also the baseline of the locate benchmark.");
        app.MapGet("/culture/{language}", SetLanguage).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// An address that no endpoint serves is a 404 for anyone (problem details under <c>/api</c>, a
    /// page elsewhere, by the status code pages above), and a known address asked with a method it
    /// does not take a 405. Otherwise the fallback policy would answer an anonymous caller 401, or
    /// send a browser to the sign-in form as if the address existed — and that form, fetched beside a
    /// page being loaded (a browser's own <c>/favicon.ico</c>), replaces the antiforgery cookie the
    /// page's form was made for, so that the form is then refused.
    /// </summary>
    private static Task UnknownPathAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        // Routing's own 405 endpoint is a plain Endpoint, never a RouteEndpoint; it needs no authorization.
        return endpoint is not RouteEndpoint && endpoint.RequestDelegate is { } rejection ? rejection(context) : next(context);
    }

    /// <summary>
    /// A body whose announced length is over the limit — the endpoint's own (<c>[RequestSizeLimit]</c>)
    /// or Kestrel's 30 MB — is a 413 before anything reads it: read by the antiforgery check of a
    /// form, the server's refusal would come out as "the request is not valid". The status code
    /// pages above give it its body: problem details on the API, a page in the reader's language.
    /// </summary>
    private static Task OversizedBodyAsync(HttpContext context, RequestDelegate next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is { } declared
            ? declared.MaxRequestBodySize
            : context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        // The status page that describes the refusal is reached again with the same request: it reads no body.
        var describing = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (describing || context.Request.ContentLength is not { } length || limit is not { } max || length <= max) return next(context);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The page that says so is re-executed as a GET: as the original POST, model binding would read the refused form.
        if (!IsApi(context.Request.Path)) context.Request.Method = HttpMethods.Get;
        return Task.CompletedTask;
    }

    internal static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/open311") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/healthz")
        || path.StartsWithSegments("/hubs");

    /// <summary>The titles of RFC 9110 the framework's problem details use where they differ from its reason phrases.</summary>
    private static readonly HashSet<string> FrameworkTitles = ["Content Too Large", "Unprocessable Content"];

    /// <summary>
    /// Problem details the framework writes (a bare 401 or 404, a body it could not read) carry
    /// English reason phrases; they get the title and detail of the request's language instead.
    /// Titles the endpoints set themselves are already translated and stay.
    /// </summary>
    private static void LocalizeProblem(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var frameworkTitle = problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || FrameworkTitles.Contains(problem.Title) || status >= 500;
        if (!frameworkTitle) return;
        if (localizer[$"Problem.{status}"] is { ResourceNotFound: false } title) problem.Title = title;
        if (problem.Detail is null && localizer[$"Status.{status}.Text"] is { ResourceNotFound: false } detail) problem.Detail = detail;
    }

    /// <summary>
    /// A path on this site: starts with one slash, not two nor a backslash, and has no control
    /// character (a tab or CR/LF), which <c>LocalRedirect</c> would refuse with an exception.
    /// </summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl);

    /// <summary>
    /// Remembers the chosen language for a year and returns to the page the person was on. The year is a Max-Age, counted
    /// by the browser from when it gets the cookie, so a server clock that is off cannot make the cookie arrive expired.
    /// </summary>
    private static IResult SetLanguage(string language, string? returnUrl, HttpContext context)
    {
        if (!LocalizationSetup.Languages.Contains(language)) return TypedResults.NotFound();
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        return TypedResults.LocalRedirect(target);
    }
}

/// <summary>
/// How long a browser keeps a static file: a year, unchanged, when its address carries the file's
/// fingerprint (<c>?v=</c>, written by <c>asp-append-version</c>), so a second visit asks nothing; an hour
/// otherwise, then revalidated by its ETag.
/// </summary>
public static class StaticFileCaching
{
    public static void Apply(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        // The service worker's script is checked by the browser on every visit: a new release's must be seen at once (ADR 0013).
        // So are the modules the workspace's scripts import by plain address (an import cannot carry asp-append-version's
        // fingerprint): an hour-old protocol-rules.js would check and hash differently from the server of the new release.
        if (context.Context.Request.Path.Value is "/sw.js" or "/js/workspace-store.js" or "/js/protocol-rules.js")
        {
            context.Context.Response.Headers.CacheControl = "no-cache";
            return;
        }
        var fingerprinted = context.Context.Request.Query.ContainsKey("v");
        context.Context.Response.Headers.CacheControl = fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=3600";
    }
}

/// <summary>Lower-cases the folder and file names of page routes (/Appeals/Queue → /appeals/queue).</summary>
public sealed class LowerCaseSegments : IOutboundParameterTransformer
{
    public string? TransformOutbound(object? value) => value?.ToString()?.ToLowerInvariant();
}

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(UchastokDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}

/// <summary>Who answers at this address, and which version of the API.</summary>
public sealed record AboutView(string Name, string Api);

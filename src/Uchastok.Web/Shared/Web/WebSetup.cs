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
        // A body the framework cannot read is a 400 with a translated problem, in development too, not an exception page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        // Kazakh and Russian pages carry their letters as they are, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
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
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        return services;
    }

    public static WebApplication UseUchastokWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticFileCaching.Apply });
        app.UseRequestLocalization();
        // A bare status code gets a body in the reader's language (so after localization, and before
        // routing, which a re-executed request goes through again): problem details for the API, a page for people.
        app.UseWhen(context => IsApi(context.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request.Path), site => site.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapUchastokWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapGet("/api/v1/about", () => TypedResults.Ok(new { name = "Uchastok", api = "v1" }))
            .AllowAnonymous().WithTags("Platform").WithSummary("Who answers here; also the baseline of the locate benchmark.");
        app.MapGet("/culture/{language}", SetLanguage).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/open311") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/healthz");

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
        var frameworkTitle = problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || status >= 500;
        if (!frameworkTitle) return;
        if (localizer[$"Problem.{status}"] is { ResourceNotFound: false } title) problem.Title = title;
        if (problem.Detail is null && localizer[$"Status.{status}.Text"] is { ResourceNotFound: false } detail) problem.Detail = detail;
    }

    /// <summary>Remembers the chosen language for a year and returns to the page the person was on.</summary>
    private static IResult SetLanguage(string language, string? returnUrl, HttpContext context, TimeProvider clock)
    {
        if (!LocalizationSetup.Languages.Contains(language)) return TypedResults.NotFound();
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
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

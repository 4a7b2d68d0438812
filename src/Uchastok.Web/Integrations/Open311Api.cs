using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Uchastok.Rules.Integrations;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Integrations;

/// <summary>
/// Open311 GeoReport v2 under <c>/open311/v2</c>, in XML and JSON, exactly as the specification
/// lists the methods: discovery, services, service definitions, POST and GET requests, a request,
/// tokens. Reading is open to everyone; filing needs an integration key (<c>api_key</c>). Every
/// answer, errors included, is in the format the URL's extension names and in the language of
/// <c>locale</c> (kk, ru, en), the culture cookie or Accept-Language.
/// </summary>
public static class Open311Api
{
    public const string Prefix = "/open311/v2";

    /// <summary>When the endpoint list or the attributes last changed; sortable, as discovery asks.</summary>
    public const string Changeset = "2026-12-01 00:00";

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup(Prefix).AllowAnonymous().RequireRateLimiting(Open311RateLimitPolicy.Name).WithTags("Open311");
        open311.MapGet("/discovery.{format}", Discovery).Answers<Open311DiscoveryJson>()
            .WithSummary("Service discovery: this server's GeoReport v2 endpoint and formats.");
        open311.MapGet("/services.{format}", ServicesAsync).Answers<Open311ServiceJson[]>()
            .WithSummary("One service per appeal category, in the requested language.");
        open311.MapGet("/services/{serviceCode}.{format}", DefinitionAsync).Answers<Open311ServiceDefinitionJson>()
            .WithSummary("The attributes a service asks for.");
        open311.MapPost("/requests.{format}", FileAsync).DisableAntiforgery().Answers<Open311FiledJson[]>(StatusCodes.Status201Created)
            .Produces<Open311ErrorJson[]>(StatusCodes.Status403Forbidden, "application/json")
            .WithSummary("File an appeal (application/x-www-form-urlencoded, api_key required). It enters the same lifecycle as one filed on the site.");
        open311.MapGet("/requests.{format}", QueryAsync).Answers<Open311RequestJson[]>()
            .WithSummary("Appeals by id, service, date range (at most 90 days) and status; public fields only.");
        open311.MapGet("/requests/{serviceRequestId}.{format}", RequestAsync).Answers<Open311RequestJson[]>()
            .WithSummary("One appeal's status; public fields only.");
        open311.MapGet("/tokens/{token}.{format}", TokenAsync).Answers<Open311TokenJson[]>()
            .WithSummary("The appeal number for the private tracking token its applicant was sent.");
        // Anything else under the prefix — an unknown path, another method, HEAD, OPTIONS — is answered
        // here in the specification's error format, never by the site's sign-in redirect (which a
        // client such as FixMyStreet's takes for success).
        open311.MapFallback("{**path}", Unmatched).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// What a GeoReport method answers, for the OpenAPI document: its JSON with the schema of the records in
    /// Open311Schema.cs, and errors as the specification's list. The XML twin of each (same tree, element for field)
    /// is listed beside it by <see cref="EndpointDocumentation.AlsoAs"/>.
    /// </summary>
    private static RouteHandlerBuilder Answers<TJson>(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK)
    {
        route.Produces<TJson>(status, "application/json");
        foreach (var error in new[] { StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests })
            route.Produces<Open311ErrorJson[]>(error, "application/json");
        // JSON Schema cannot say the element names, so the XML twin is listed by its media type alone.
        return route.AlsoAs("text/xml");
    }

    /// <summary>The methods each GeoReport path answers, for 405 and its Allow header.</summary>
    private static readonly (System.Text.RegularExpressions.Regex Path, string Methods)[] KnownPaths =
    [
        (new(@"^discovery\.[^/]+$"), "GET"),
        (new(@"^services\.[^/]+$"), "GET"),
        (new(@"^services/[^/]+\.[^/]+$"), "GET"),
        (new(@"^requests\.[^/]+$"), "GET, POST"),
        (new(@"^requests/[^/]+\.[^/]+$"), "GET"),
        (new(@"^tokens/[^/]+\.[^/]+$"), "GET"),
    ];

    private static Open311Response Unmatched(string? path, HttpContext context, IStringLocalizer<SharedResource> localizer)
    {
        var format = Open311Response.FormatOf(context.Request.Path);
        var known = KnownPaths.FirstOrDefault(k => k.Path.IsMatch(path ?? string.Empty));
        if (known.Path is null) return Open311Response.Error(format, StatusCodes.Status404NotFound, localizer["Open311.PathNotFound"]);
        context.Response.Headers.Allow = known.Methods;
        return Open311Response.Error(format, StatusCodes.Status405MethodNotAllowed, localizer["Open311.MethodNotAllowed", context.Request.Method, known.Methods]);
    }

    private static Open311Response Discovery(string format, string? jurisdiction_id, HttpRequest request, Open311Settings settings, IStringLocalizer<SharedResource> localizer)
    {
        if (Refusal(format, jurisdiction_id, settings, localizer) is { } refused) return refused;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}";
        var body = Open311Node.Object("discovery",
            Open311Node.Value("changeset", Changeset),
            Open311Node.Value("contact", settings.Contact ?? localizer["Open311.Contact"].Value),
            Open311Node.Value("key_service", localizer["Open311.KeyService"].Value),
            Open311Node.List("endpoints", [Open311Node.Object("endpoint",
                Open311Node.Value("specification", "http://wiki.open311.org/GeoReport_v2"),
                Open311Node.Value("url", url),
                Open311Node.Value("changeset", Changeset),
                Open311Node.Value("type", "production"),
                Open311Node.List("formats", [Open311Node.Value("format", "text/xml"), Open311Node.Value("format", "application/json")]))]));
        return new Open311Response(body, FormatOf(format));
    }

    private static async Task<Open311Response> ServicesAsync(
        string format, string? jurisdiction_id, Open311Catalog catalog, Open311Settings settings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Refusal(format, jurisdiction_id, settings, localizer) ?? new Open311Response(await catalog.ServicesAsync(cancellationToken), FormatOf(format));

    private static async Task<Open311Response> DefinitionAsync(
        string serviceCode, string format, string? jurisdiction_id, Open311Catalog catalog, Open311Settings settings,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Refusal(format, jurisdiction_id, settings, localizer) is { } refused) return refused;
        var category = await catalog.FindAsync(serviceCode, cancellationToken);
        return category is null
            ? Open311Response.Error(FormatOf(format), StatusCodes.Status404NotFound, $"service_code: {localizer["Open311.ServiceNotFound", serviceCode]}")
            : new Open311Response(Open311Catalog.Definition(category, localizer), FormatOf(format));
    }

    private static async Task<Open311Response> FileAsync(
        string format, HttpContext context, Open311Requests requests, Open311Settings settings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var output = FormatOf(format);
        if (!Open311Response.TryFormat(format, out _)) return Open311Response.Error(output, StatusCodes.Status400BadRequest, localizer["Open311.BadFormat"]);
        if (!context.Request.HasFormContentType)
            return Open311Response.Error(output, StatusCodes.Status400BadRequest, localizer["Open311.FormRequired"]);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Open311Response.Error(output, StatusCodes.Status400BadRequest, localizer["Open311.FormRequired"]);
        }
        // A client may name its language in the form body as well as in the query.
        using var language = LocalizationSetup.LanguageOf(form["locale"]) is { } named ? LocalizationSetup.UseLanguage(named) : null;
        var caller = context.Features.Get<Open311Caller>();
        if (caller?.Key is not { } key)
            return Open311Response.Error(output, StatusCodes.Status403Forbidden, localizer[caller?.KeyGiven == true ? "Open311.ApiKeyInvalid" : "Open311.ApiKeyMissing"]);
        if (JurisdictionRefusal(form["jurisdiction_id"], output, settings, localizer) is { } refused) return refused;

        var filing = await requests.FileAsync(form, key, context.Request.Headers["Idempotency-Key"].ToString(), cancellationToken);
        if (!filing.Filed) return Open311Response.Errors(output, filing.StatusCode, filing.Errors);
        caller.Filed = true;
        context.Response.Headers.Location = $"{Prefix}/requests/{filing.Number}.{format.ToLowerInvariant()}";
        return new Open311Response(filing.Body!, output, filing.StatusCode);
    }

    private static async Task<Open311Response> QueryAsync(
        string format, string? jurisdiction_id, string? service_request_id, string? service_code, string? start_date, string? end_date, string? status, string? extensions,
        Open311Requests requests, TimeProvider clock, Open311Settings settings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Refusal(format, jurisdiction_id, settings, localizer) is { } refused) return refused;
        var (query, problems) = Open311RequestQuery.Parse(service_request_id, service_code, start_date, end_date, status, clock.GetUtcNow());
        if (query is null)
            return Open311Response.Errors(FormatOf(format), StatusCodes.Status400BadRequest,
                problems.Select(p => $"{p.Parameter}: {localizer[$"Open311.Query{p.Kind}", p.Value ?? string.Empty]}"));
        var (body, errors) = await requests.QueryAsync(query, IsTrue(extensions), cancellationToken);
        return body is null ? Open311Response.Errors(FormatOf(format), StatusCodes.Status400BadRequest, errors) : new Open311Response(body, FormatOf(format));
    }

    private static async Task<Open311Response> RequestAsync(
        string serviceRequestId, string format, string? jurisdiction_id, string? extensions, Open311Requests requests, Open311Settings settings,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Refusal(format, jurisdiction_id, settings, localizer) is { } refused) return refused;
        return await requests.ByNumberAsync(serviceRequestId, IsTrue(extensions), cancellationToken) is { } body
            ? new Open311Response(body, FormatOf(format))
            : Open311Response.Error(FormatOf(format), StatusCodes.Status404NotFound, $"service_request_id: {localizer["Open311.RequestNotFound", serviceRequestId]}");
    }

    private static async Task<Open311Response> TokenAsync(
        string token, string format, string? jurisdiction_id, Open311Requests requests, Open311Settings settings, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Refusal(format, jurisdiction_id, settings, localizer) is { } refused) return refused;
        return await requests.ByTokenAsync(token, cancellationToken) is { } body
            ? new Open311Response(body, FormatOf(format))
            : Open311Response.Error(FormatOf(format), StatusCodes.Status404NotFound, $"token: {localizer["Open311.TokenNotFound"]}");
    }

    private static Open311Format FormatOf(string format) => Open311Response.TryFormat(format, out var known) ? known : Open311Format.Xml;

    private static bool IsTrue(string? flag) => string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase) || flag == "1";

    /// <summary>The format must be xml or json; a jurisdiction, when given, must be this one.</summary>
    private static Open311Response? Refusal(string format, string? jurisdictionId, Open311Settings settings, IStringLocalizer localizer) =>
        !Open311Response.TryFormat(format, out _)
            ? Open311Response.Error(Open311Format.Xml, StatusCodes.Status400BadRequest, localizer["Open311.BadFormat"])
            : JurisdictionRefusal(jurisdictionId, FormatOf(format), settings, localizer);

    private static Open311Response? JurisdictionRefusal(string? jurisdictionId, Open311Format format, Open311Settings settings, IStringLocalizer localizer)
    {
        // One jurisdiction is served, so the argument is optional; a different one is not found, as the specification says.
        if (string.IsNullOrWhiteSpace(jurisdictionId)) return null;
        return string.Equals(jurisdictionId.Trim(), settings.JurisdictionId, StringComparison.OrdinalIgnoreCase)
            ? null
            : Open311Response.Error(format, StatusCodes.Status404NotFound, $"jurisdiction_id: {localizer["Open311.JurisdictionNotFound", jurisdictionId.Trim(), settings.JurisdictionId]}");
    }
}

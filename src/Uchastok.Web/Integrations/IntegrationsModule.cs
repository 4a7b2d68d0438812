using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Integrations;

/// <summary>Open311 GeoReport v2 (C6) and the integration keys partner systems use with it.</summary>
public static class IntegrationsModule
{
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Open311Settings.From(configuration));
        services.AddSingleton<ApiKeyStore>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<ApiKeyUsageRecorder>();
        services.AddScoped<Open311Catalog>();
        services.AddScoped<Open311Requests>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, Open311RateLimitPolicy>(Open311RateLimitPolicy.Name);
        });
        return services;
    }

    /// <summary>After routing and authorization: the key is found first, so that the rate limiter can count it.</summary>
    public static WebApplication UseIntegrations(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Open311Api.Prefix), branch => branch.UseMiddleware<Open311KeyMiddleware>());
        app.UseRateLimiter();
        return app;
    }

    public static IEndpointRouteBuilder MapIntegrationsApi(this IEndpointRouteBuilder app)
    {
        app.MapOpen311Api();
        var keys = app.MapGroup("/api/v1/admin/api-keys").RequireAuthorization(Policies.Admin).WithTags("Administration");
        keys.MapGet(string.Empty, (ApiKeyAdministration a, CancellationToken ct) => a.ListAsync(ct)).WithSummary("Integration keys with their use; never the keys themselves.");
        keys.MapPost(string.Empty, CreateAsync).WithSummary("Make an integration key. The key is in this answer only: it is stored hashed.");
        keys.MapPost("/{id:int}/revoke", async (int id, HttpContext context, ApiKeyAdministration a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await a.RevokeAsync(id, context.User, ct) ? Results.NoContent() : Problems.NotFound(l, "ApiKey.NotFound")).WithSummary("Revoke a key for good.");
        return app;
    }

    private static async Task<IResult> CreateAsync(ApiKeyInput body, HttpContext context, ApiKeyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (created, errors) = await administration.CreateAsync(body, context.User, cancellationToken);
        return created is null ? Problems.Validation(localizer, errors) : TypedResults.Created($"/api/v1/admin/api-keys/{created.Key.Id}", created);
    }
}

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
}

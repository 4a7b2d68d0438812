using Uchastok.Rules.Trust;
using Uchastok.Web.Appeals;

namespace Uchastok.Web.Trust;

/// <summary>Trust and service quality (C8): surveys and their channels, the trust index, its dashboards.</summary>
public static class TrustModule
{
    public static IServiceCollection AddTrust(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TrustSettings.From(configuration));
        services.AddSingleton<SurveyResponseGuard>();
        services.AddSingleton<SurveyPosters>();
        services.AddScoped<SurveyAdministration>();
        services.AddScoped<SurveyResponses>();
        services.AddScoped<IAfterAppealSurvey, AfterAppealSurvey>();
        services.AddMemoryCache();
        services.AddScoped<TrustQuery>();
        services.AddRateLimiter(options => options.AddPolicy<string, SurveyRateLimitPolicy>(SurveyRateLimitPolicy.Name));
        return services;
    }
}

namespace Uchastok.Web.CrimeAnalytics;

/// <summary>Crime analytics for staff (issue 20): hotspot maps on the 250 m grid and counts by month, weekday and hour.</summary>
public static class CrimeAnalyticsModule
{
    public static IServiceCollection AddCrimeAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("CrimeAnalytics").Get<CrimeAnalyticsSettings>() ?? new CrimeAnalyticsSettings());
        services.AddScoped<HotspotQueries>();
        return services;
    }
}

namespace Uchastok.Web.Safety;

/// <summary>
/// Neighbourhood safety (issue 19): residents' quick reports and SOS devices' alarms, kept as incidents the duty console shows.
/// </summary>
public static class SafetyModule
{
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddScoped<SubmitSafetyReportCommand>();
        services.AddScoped<SafetyReportQueries>();
        services.AddScoped<SafetyIncidentScope>();
        services.AddScoped<SafetyDeviceRegistry>();
        services.AddScoped<SafetyDeviceAuthenticator>();
        services.AddScoped<ReceiveSafetyAlarmCommand>();
        services.AddSingleton<SafetyDeviceFailureLimit>();
        services.AddRateLimiter(options => options.AddPolicy<string, SafetyReportRateLimitPolicy>(SafetyReportRateLimitPolicy.Name));
        return services;
    }
}

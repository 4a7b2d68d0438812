namespace Uchastok.Web.Safety;

/// <summary>
/// Neighbourhood safety (issue 19): residents' quick reports so far, kept as incidents the duty console will show;
/// SOS devices, the console and escalation come next.
/// </summary>
public static class SafetyModule
{
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddScoped<SubmitSafetyReportCommand>();
        services.AddScoped<SafetyReportQueries>();
        services.AddScoped<SendSafetyNoticeCommand>();
        services.AddScoped<SafetyBoardQueries>();
        services.AddRateLimiter(options => options.AddPolicy<string, SafetyReportRateLimitPolicy>(SafetyReportRateLimitPolicy.Name));
        return services;
    }
}

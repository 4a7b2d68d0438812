namespace Uchastok.Web.Safety;

/// <summary>
/// Neighbourhood safety (issue 19): residents' quick reports and SOS devices' alarms, kept as incidents, and the duty
/// officer's live console (acknowledgement, escalation through the outbox, closing with an outcome; pushed over SignalR).
/// </summary>
public static class SafetyModule
{
    public static IServiceCollection AddSafety(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SubmitSafetyReportCommand>();
        services.AddScoped<SafetyReportQueries>();
        services.AddScoped<SafetyIncidentScope>();
        services.AddScoped<SafetyDeviceRegistry>();
        services.AddScoped<SafetyDeviceAuthenticator>();
        services.AddScoped<ReceiveSafetyAlarmCommand>();
        services.AddSingleton<SafetyDeviceFailureLimit>();
        services.AddSingleton<SafetyDeviceEventLimit>();
        services.AddScoped<SendSafetyNoticeCommand>();
        services.AddScoped<SafetyBoardQueries>();
        services.AddRateLimiter(options => options.AddPolicy<string, SafetyReportRateLimitPolicy>(SafetyReportRateLimitPolicy.Name));

        services.AddSingleton(configuration.GetSection("Safety").Get<SafetyConsoleSettings>() ?? new SafetyConsoleSettings());
        services.AddSingleton<SafetyConsoleSignal>();
        services.AddSingleton<ConsoleConnections>();
        services.AddScoped<SafetyConsoleQueries>();
        services.AddScoped<DutyConsoleCommands>();
        services.AddSignalR();
        // Every node runs the feed (it tells the consoles connected to it) and the escalation job (each level is taken once).
        services.AddSingleton<SafetyConsoleFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<SafetyConsoleFeed>());
        services.AddSingleton<SafetyEscalationJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SafetyEscalationJob>());
        return services;
    }
}

namespace Uchastok.Web.Appeals;

public static class AppealsModule
{
    public static IServiceCollection AddAppeals(this IServiceCollection services)
    {
        services.AddSingleton<AppealCatalog>();
        services.AddScoped<AppealText>();
        services.AddScoped<AppealPlaces>();
        services.AddScoped<AppealNotifier>();
        services.AddScoped<FileAppealCommand>();
        services.AddScoped<TransitionAppealCommand>();
        services.AddScoped<AppealFeedbackCommands>();
        services.AddScoped<SubmitTipCommand>();
        services.AddScoped<RecoverTrackingLinkCommand>();
        services.AddScoped<ApplicantContactGate>();
        services.AddRateLimiter(options => options.AddPolicy<string, AppealFilingRateLimitPolicy>(AppealFilingRateLimitPolicy.Name));
        services.AddScoped<AppealQueries>();
        services.AddScoped<AppealAdministration>();
        services.AddSingleton<Shared.Data.INumberingGuard, AppealNumbering>();
        services.AddSingleton<AppealDeadlineJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AppealDeadlineJob>());
        return services;
    }
}

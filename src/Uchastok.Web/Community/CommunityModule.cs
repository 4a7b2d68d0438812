namespace Uchastok.Web.Community;

/// <summary>Community engagement (C10): meetings and their priorities, preventive work, personal receptions.</summary>
public static class CommunityModule
{
    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddScoped<CommunityRecords>();
        services.AddScoped<MeetingSchedule>();
        services.AddScoped<Receptions>();
        services.AddScoped<Mailings>();
        services.AddScoped<MeetingCalendar>();
        services.AddSingleton<CommunityJob>();
        services.AddHostedService(sp => sp.GetRequiredService<CommunityJob>());
        services.AddRateLimiter(options => options.AddPolicy<string, ResidentWritesRateLimitPolicy>(ResidentWritesRateLimitPolicy.Name));
        return services;
    }
}

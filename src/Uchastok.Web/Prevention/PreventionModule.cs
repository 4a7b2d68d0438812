namespace Uchastok.Web.Prevention;

/// <summary>The inspector's prevention file (issue 17): so far the categories of the preventive register administrators keep.</summary>
public static class PreventionModule
{
    public static IServiceCollection AddPrevention(this IServiceCollection services)
    {
        services.AddScoped<PreventionCategoryAdministration>();
        services.AddScoped<PreventionScope>();
        services.AddScoped<DomesticViolenceCases>();
        services.AddSingleton<PreventionProtection>();
        services.AddScoped<PreventionRegister>();
        services.AddSingleton<PreventionRegisterCursor>();
        services.AddScoped<PreventionPlans>();
        services.AddSingleton<PreventionDayCache>();
        services.AddScoped<JuvenileRecords>();
        services.AddSingleton<PreventionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PreventionJob>());
        return services;
    }
}

namespace Uchastok.Web.WeaponSeizures;

/// <summary>Weapon seizures and their causes (issue 21, C17): recording, the supervisor's figures, the public counts.</summary>
public static class WeaponSeizuresModule
{
    public static IServiceCollection AddWeaponSeizures(this IServiceCollection services)
    {
        services.AddSingleton<WeaponSeizureProtection>();
        services.AddScoped<WeaponSeizureRegister>();
        return services;
    }
}

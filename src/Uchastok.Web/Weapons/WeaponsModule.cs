namespace Uchastok.Web.Weapons;

/// <summary>
/// Weapons on the beat (issue 21, C17, part 1): the register of weapons in civil circulation (holders, weapons,
/// permits and their verification, CSV import), permit expiry reminders, storage sites and their inspections.
/// </summary>
public static class WeaponsModule
{
    public static IServiceCollection AddWeapons(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Weapons").Get<WeaponsSettings>() ?? new WeaponsSettings());
        services.AddSingleton<WeaponsProtection>();
        services.AddScoped<WeaponsScope>();
        services.AddScoped<WeaponsRegister>();
        services.AddScoped<ImportWeaponHoldersCommand>();
        services.AddScoped<StorageSites>();
        services.AddSingleton<WeaponsJob>();
        services.AddHostedService(sp => sp.GetRequiredService<WeaponsJob>());
        return services;
    }
}

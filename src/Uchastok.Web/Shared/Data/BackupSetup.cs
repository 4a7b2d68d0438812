namespace Uchastok.Web.Shared.Data;

public static class BackupSetup
{
    /// <summary>Backup and restore (<see cref="DatabaseBackup"/>), the schedule (<c>Backup:*</c>, off by default) and, on SQLite, the serving lock.</summary>
    public static IServiceCollection AddUchastokBackup(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        services.AddSingleton(configuration.GetSection("Backup").Get<BackupSettings>() ?? new BackupSettings());
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<ScheduledBackupJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackupJob>());
        if (!database.IsPostgres)
        {
            services.AddSingleton<SqliteServingLock>();
            services.AddHostedService(sp => sp.GetRequiredService<SqliteServingLock>());
        }
        return services;
    }
}

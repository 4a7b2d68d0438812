using Uchastok.Rules.Territory.DemoCity;
using Uchastok.Web.Accounts;
using Uchastok.Web.Appeals;
using Uchastok.Web.Calendar;
using Uchastok.Web.Demo;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Host;

/// <summary>What happens before the first request: schema, roles, and the demo city with its year of history when the database is empty.</summary>
public static class Startup
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        await DatabaseSetup.MigrateAsync(services);
        await KeyRingEncryption.EncryptPlainKeysAsync(services);
        // Accounts made before the IIN hash column get theirs now: a keyed hash needs the key ring, which SQL has not.
        await AccountIins.FillMissingHashesAsync(services);
        // Staff sessions opened before the session row kept its shift's end get it now: the shift's length is configuration.
        await AccountSessions.FillMissingShiftEndsAsync(services);
        // Incidents imported before categories existed, or whose type the category settings have since moved, get their category now.
        await Uchastok.Web.BeatDesign.IncidentCategorySettings.RecategoriseAsync(services);
        await using var scope = services.CreateAsyncScope();
        // Reference data every installation needs, demo or not: the working calendar, appeal categories and terms, message templates.
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        // A counter behind public numbers never stays below a number already issued (a database copied or
        // restored by hand, a counter row lost): the next appeal must not get a number someone holds.
        foreach (var counter in await NumberingGuards.RaiseAllAsync(scope.ServiceProvider, db, gap: 0))
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NumberingGuards)).LogWarning(
                "The counter of {Counter} was behind the numbers in the database: raised from {Before} to {After}", counter.Name, counter.Before, counter.After);
        await CalendarAdministration.SeedAsync(db);
        await AppealCatalog.SeedAsync(db);
        await TemplateStore.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var seeder = ActivatorUtilities.CreateInstance<DemoCitySeeder>(scope.ServiceProvider);
        if (string.Equals(configuration["UCHASTOK_SEED_DEMO"], "false", StringComparison.OrdinalIgnoreCase))
        {
            await seeder.EnsureRolesAsync();
            return;
        }
        var cityIsNew = await seeder.SeedAsync(SharedDataPath(configuration, environment));
        // A year of history goes only into a city made just now, never into a database that has lived.
        if (cityIsNew && HistorySeeder.Enabled(configuration))
        {
            await using var historyScope = services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<HistorySeeder>(historyScope.ServiceProvider).SeedAsync();
        }
        var logins = string.Join(Environment.NewLine, DemoCitySeeder.Logins.Select(l => $"  {l.Email,-27} {l.Description}"));
        scope.ServiceProvider.GetRequiredService<ILogger<DemoCitySeeder>>().LogInformation(
            "Demo logins, password {Password} for all:{NewLine}{Logins}", DemoCitySeeder.DemoPassword, Environment.NewLine, logins);
    }

    public static string SharedDataPath(IConfiguration configuration, IHostEnvironment environment) =>
        SharedDataFolder.Find(environment.ContentRootPath, configuration[SharedDataFolder.Variable]);
}

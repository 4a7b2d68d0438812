using Microsoft.AspNetCore.Authorization;

namespace Uchastok.Web.Territory;

public static class TerritoryModule
{
    public static IServiceCollection AddTerritory(this IServiceCollection services)
    {
        services.AddSingleton<TerritorySnapshotCache>();
        services.AddSingleton<MapLayers>();
        services.AddSingleton<TerritoryRevisionWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TerritoryRevisionWatcher>());
        services.AddScoped<TerritoryText>();
        services.AddScoped<TerritoryQueries>();
        services.AddScoped<AddressSearch>();
        services.AddScoped<ReplaceBeatsCommand>();
        services.AddScoped<ImportBeatsCommand>();
        services.AddScoped<ExportBeatsQuery>();
        services.AddScoped<AssignInspectorCommand>();
        services.AddSingleton<IAuthorizationHandler, BeatScopeHandler>();
        services.AddSingleton<Shared.Data.INumberingGuard, TerritoryRevisionNumbering>();
        return services;
    }
}

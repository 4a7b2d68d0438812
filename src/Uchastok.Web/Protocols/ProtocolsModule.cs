namespace Uchastok.Web.Protocols;

/// <summary>Protocols drawn up on the street (issue 18): the rules tier's checks with the server's facts, signing, sync and the printed copy.</summary>
public static class ProtocolsModule
{
    public static IServiceCollection AddProtocols(this IServiceCollection services)
    {
        services.AddSingleton<ProtocolProtection>();
        services.AddScoped<ProtocolFacts>();
        services.AddScoped<ProtocolRuleSource>();
        services.AddScoped<ProtocolRegister>();
        services.AddScoped<ProtocolSync>();
        services.AddScoped<ProtocolDrafters>();
        services.AddSingleton<ProtocolPrint>();
        return services;
    }
}

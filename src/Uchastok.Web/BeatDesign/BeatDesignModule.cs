using Uchastok.Rules.BeatDesign;

namespace Uchastok.Web.BeatDesign;

/// <summary>Workload-balanced beat design (C7): recorded incidents, the workload of each beat, staffing.</summary>
public static class BeatDesignModule
{
    public static IServiceCollection AddBeatDesign(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WorkloadSettings.From(configuration));
        services.AddSingleton(IncidentCategorySettings.Load(configuration));
        services.AddScoped<ImportIncidentsCommand>();
        services.AddScoped<WorkloadQuery>();
        services.AddScoped<StartDesignRunCommand>();
        services.AddScoped<CancelDesignRunCommand>();
        services.AddScoped<ApproveDesignCommand>();
        services.AddScoped<ApplyBeatVersion>();
        services.AddScoped<ActivateBeatVersionsCommand>();
        services.AddScoped<DesignQueries>();
        services.AddSingleton<DesignRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<DesignRunner>());
        services.AddHostedService<BeatVersionActivator>();
        return services;
    }

    /// <summary>The columns for a format: police.uk's own, or those a generic file names.</summary>
    public static IncidentColumns? Columns(string? format, string? longitude, string? latitude, string? type, string? date, string? id, string? dateFormat, string? time = null) =>
        format?.ToLowerInvariant() switch
        {
            "police-uk" => IncidentColumns.PoliceUk,
            "generic" when !string.IsNullOrWhiteSpace(longitude) && !string.IsNullOrWhiteSpace(latitude) && !string.IsNullOrWhiteSpace(type) && !string.IsNullOrWhiteSpace(date)
                => new IncidentColumns(longitude.Trim(), latitude.Trim(), type.Trim(), date.Trim(), string.IsNullOrWhiteSpace(id) ? null : id.Trim(), string.IsNullOrWhiteSpace(dateFormat) ? null : dateFormat.Trim(), string.IsNullOrWhiteSpace(time) ? null : time.Trim()),
            _ => null,
        };

    public static string FileProblemKey(string problem) => $"Incidents.{problem.Split(':')[0]}";

    public static string FileProblemDetail(string problem) => problem.Contains(':', StringComparison.Ordinal) ? problem[(problem.IndexOf(':', StringComparison.Ordinal) + 1)..] : string.Empty;
}

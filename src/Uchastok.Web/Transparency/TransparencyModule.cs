using Microsoft.Extensions.Caching.Memory;

namespace Uchastok.Web.Transparency;

/// <summary>
/// Published reports' PDFs, made once per language while they are read: the same for every
/// reader and for ever. Bounded by size, so that reading every report of the archive cannot fill memory.
/// </summary>
public sealed class ReportPdfCache : IDisposable
{
    public const long SizeLimitBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    public byte[] GetOrMake(int reportId, string language, Func<byte[]> make) =>
        _cache.GetOrCreate($"{reportId}:{language}", entry =>
        {
            var pdf = make();
            entry.SlidingExpiration = Sliding;
            entry.Size = pdf.Length;
            return pdf;
        })!;

    public void Dispose() => _cache.Dispose();
}

/// <summary>Transparency (C11): open data with privacy protection, and the public quarterly reports.</summary>
public static class TransparencyModule
{
    public static IServiceCollection AddTransparency(this IServiceCollection services)
    {
        services.AddScoped<OpenDataExport>();
        services.AddSingleton<ReportPdfCache>();
        services.AddScoped<ReportPdfs>();
        services.AddScoped<QuarterlyReports>();
        services.AddSingleton<QuarterlyReportJob>();
        services.AddHostedService(sp => sp.GetRequiredService<QuarterlyReportJob>());
        return services;
    }

    /// <summary>"city" with no id, "district" or "beat" with one.</summary>
    public static bool TryLevel(string? text, int? id, out ReportLevel level)
    {
        level = text switch { "city" => ReportLevel.City, "district" => ReportLevel.District, "beat" => ReportLevel.Beat, _ => (ReportLevel)(-1) };
        return level == ReportLevel.City ? id is null : level is ReportLevel.District or ReportLevel.Beat && id is not null;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.BeatDesign;

/// <summary>
/// The incident categories as settings with their source: <c>incident-categories.json</c> (built into the
/// application) or the file <c>Incidents:CategoriesFile</c> names. A bad file stops the start with its reason,
/// rather than counting incidents under categories nobody chose.
/// </summary>
public static class IncidentCategorySettings
{
    public const string FileKey = "Incidents:CategoriesFile";

    private sealed record FileCategory(string Code, string NameKk, string NameRu, string NameEn, string? Source, List<string>? SourceTypes);

    private sealed record CategoryFile(List<FileCategory>? Categories);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IncidentCategoryMap Load(IConfiguration configuration)
    {
        var path = configuration[FileKey];
        using var stream = string.IsNullOrWhiteSpace(path)
            ? typeof(IncidentCategorySettings).Assembly.GetManifestResourceStream("Uchastok.Web.BeatDesign.incident-categories.json")
                ?? throw new InvalidOperationException("The built-in incident categories are missing from the build.")
            : File.OpenRead(path);
        return Read(stream, path ?? "incident-categories.json");
    }

    public static IncidentCategoryMap Read(Stream stream, string name)
    {
        CategoryFile? file;
        try { file = JsonSerializer.Deserialize<CategoryFile>(stream, Json); }
        catch (JsonException exception) { throw new InvalidOperationException($"The incident categories in {name} are not valid JSON: {exception.Message}", exception); }
        if (file?.Categories is not { Count: > 0 } categories) throw new InvalidOperationException($"{name} names no incident categories.");
        try
        {
            return new IncidentCategoryMap(categories.Select(c => new IncidentCategory(c.Code, c.NameKk, c.NameRu, c.NameEn, c.Source ?? string.Empty, c.SourceTypes ?? [])));
        }
        catch (ArgumentException exception) { throw new InvalidOperationException($"The incident categories in {name}: {exception.Message}", exception); }
    }

    /// <summary>
    /// Gives every incident the category its type maps to now: rows imported before categories existed (empty), and
    /// rows whose type the settings have since moved. One update per distinct type, so a million rows of a dozen types
    /// cost a dozen statements; when nothing changed each matches no row. Idempotent: nodes starting together agree.
    /// </summary>
    public static async Task<int> RecategoriseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var map = scope.ServiceProvider.GetRequiredService<IncidentCategoryMap>();
        var types = await db.Incidents.AsNoTracking().Select(i => i.Type).Distinct().ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var type in types)
        {
            var code = map.CategoryOf(type);
            changed += await db.Incidents.Where(i => i.Type == type && i.Category != code)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.Category, code), cancellationToken);
        }
        if (changed > 0)
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IncidentCategorySettings))
                .LogInformation("Incident categories: {Changed} incidents took the category their type maps to now", changed);
        return changed;
    }
}

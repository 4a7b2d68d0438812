using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Notifications;

/// <summary>
/// The notification templates in memory (see <see cref="ReloadingCache{T}"/>). A message is
/// rendered when it is queued, so an edit never changes a message already queued.
/// </summary>
public sealed class TemplateStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ReloadingCache<IReadOnlyDictionary<(string, string), DefaultTemplates.Text>> _cache = new(scopes, clock, TimeSpan.FromMinutes(1),
        async (db, cancellationToken) => (await db.NotificationTemplates.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(r => (r.Key, r.Language), r => new DefaultTemplates.Text(r.Subject, r.Body)));

    public async Task<DefaultTemplates.Text> GetAsync(string key, string language, CancellationToken cancellationToken = default)
    {
        var templates = await _cache.GetAsync(cancellationToken);
        if (templates.TryGetValue((key, language), out var text)) return text;
        return DefaultTemplates.All.TryGetValue((key, language), out var fallback)
            ? fallback
            : throw new InvalidOperationException($"No notification template {key} in {language}.");
    }

    public void Invalidate() => _cache.Invalidate();

    /// <summary>Adds every default template the database does not have yet; edited ones are kept.</summary>
    public static async Task SeedAsync(UchastokDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var existing = (await db.NotificationTemplates.Select(t => new { t.Key, t.Language }).ToListAsync(cancellationToken))
            .Select(t => (t.Key, t.Language)).ToHashSet();
        foreach (var ((key, language), text) in DefaultTemplates.All)
        {
            if (existing.Contains((key, language))) continue;
            db.NotificationTemplates.Add(new NotificationTemplate
            {
                Key = key, Language = language, Subject = text.Subject, Body = text.Body, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Identity;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Notifications;

public sealed record OutboxView(long Id, string Channel, string Recipient, string Language, string TemplateKey, string Subject, string State, int Attempts, DateTime CreatedAtUtc, DateTime? SentAtUtc, string? LastError);

public sealed record SinkView(long Id, string Channel, string Recipient, string Subject, string Body, DateTime AtUtc, long OutboxMessageId, string MessageKey);

public sealed record TemplateView(string Key, string Language, string Subject, string Body, DateTime UpdatedAtUtc);

/// <summary>
/// The administrator's view of notifications: the outbox with its delivery state, retry, the sink, and
/// the templates. The outbox shows recipients masked: telling deliveries apart needs no more. The
/// sink holds whole messages, links with personal tokens included, so each read of it is logged.
/// </summary>
public sealed class OutboxAdministration(UchastokDbContext db, TemplateStore templates, OutboxSignal signal, PersonalDataLog personalDataLog, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboxView>> ListAsync(string? state, int limit = 200, CancellationToken cancellationToken = default)
    {
        var query = db.Outbox.AsNoTracking();
        if (Enum.TryParse<OutboxState>(state, ignoreCase: true, out var wanted) && !int.TryParse(state, out _)) query = query.Where(m => m.State == wanted);
        var rows = await query.OrderByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(m => new OutboxView(m.Id, m.Channel.ToString(), Contact.Mask(m.Recipient), m.Language, m.TemplateKey, m.Subject, m.State.ToString(), m.Attempts, m.CreatedAtUtc, m.SentAtUtc, m.LastError)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken cancellationToken = default) =>
        (await db.Outbox.AsNoTracking().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key.ToString(), g => g.Count);

    /// <summary>Puts a failed message back in the queue, now; it goes out with its own message id, so a receiver that got it already can drop it.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Outbox.Where(m => m.Id == id && m.State == OutboxState.Failed)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.State, OutboxState.Pending).SetProperty(x => x.NextAttemptAtUtc, now), cancellationToken);
        if (changed > 0) signal.Notify();
        return changed > 0;
    }

    public async Task<IReadOnlyList<SinkView>> SinkAsync(string readerUserId, string? recipient, int limit = 100, CancellationToken cancellationToken = default)
    {
        var wanted = string.IsNullOrWhiteSpace(recipient) ? null : recipient.Trim();
        var query = db.SinkMessages.AsNoTracking();
        if (wanted is not null) query = query.Where(m => m.Recipient == wanted);
        var rows = await query.OrderByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken);
        await personalDataLog.RecordAsync(readerUserId, null, wanted is null
            ? string.Create(CultureInfo.InvariantCulture, $"notification sink: latest {rows.Count}")
            : string.Create(CultureInfo.InvariantCulture, $"notification sink: {rows.Count} to {Contact.Mask(wanted)}"), cancellationToken);
        return rows.Select(m => new SinkView(m.Id, m.Channel.ToString(), m.Recipient, m.Subject, m.Body, m.AtUtc, m.OutboxMessageId, m.MessageKey)).ToList();
    }

    public async Task<IReadOnlyList<TemplateView>> TemplatesAsync(CancellationToken cancellationToken = default) =>
        (await db.NotificationTemplates.AsNoTracking().OrderBy(t => t.Key).ThenBy(t => t.Language).ToListAsync(cancellationToken))
            .Select(t => new TemplateView(t.Key, t.Language, t.Subject, t.Body, t.UpdatedAtUtc)).ToList();

    public async Task<FieldErrors?> SaveTemplateAsync(string key, string language, string? subject, string? body, CancellationToken cancellationToken = default)
    {
        var template = await db.NotificationTemplates.SingleOrDefaultAsync(t => t.Key == key && t.Language == language, cancellationToken);
        if (template is null) return null;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 300) errors.Add("subject", localizer["Template.SubjectRequired"]);
        if (string.IsNullOrWhiteSpace(body) || body.Length > 4000) errors.Add("body", localizer["Template.BodyRequired"]);
        if (errors.Count > 0) return errors;
        template.Subject = subject!.Trim();
        template.Body = body!.Trim();
        template.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        templates.Invalidate();
        return errors;
    }
}

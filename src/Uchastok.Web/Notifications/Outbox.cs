using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Notifications;

/// <summary>
/// A message to queue: to whom, by which channel, in which language, from which template, and the
/// values for its placeholders. <paramref name="NotBeforeUtc"/> holds it back, so that a mailing to
/// thousands is spread out and never delays the messages about appeals. <paramref name="WithdrawalTopic"/> names whom
/// the message is for, so that the queuing module can withdraw it later (<see cref="Outbox.WithdrawAsync"/>).
/// </summary>
public sealed record Notification(
    NotificationChannel Channel, string Recipient, string Language, string TemplateKey,
    IReadOnlyDictionary<string, string> Values, string DedupeKey, string? Topic = null, DateTime? NotBeforeUtc = null,
    string? WithdrawalTopic = null);

/// <summary>
/// Queues messages in the caller's unit of work: the caller's SaveChanges writes them together
/// with the change they report. After the commit, <see cref="OutboxSignal"/> wakes the dispatcher.
/// </summary>
public sealed partial class Outbox(UchastokDbContext db, TemplateStore templates, TimeProvider clock)
{
    public async Task EnqueueAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        var template = await templates.GetAsync(notification.TemplateKey, notification.Language, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage
        {
            Channel = notification.Channel,
            Recipient = notification.Recipient,
            Language = notification.Language,
            TemplateKey = notification.TemplateKey,
            Subject = Truncate(Render(template.Subject, notification.Values), 300),
            Body = Truncate(Render(template.Body, notification.Values), 8000),
            DedupeKey = notification.DedupeKey,
            Topic = notification.Topic,
            WithdrawalTopic = notification.WithdrawalTopic,
            State = OutboxState.Pending,
            CreatedAtUtc = now,
            NextAttemptAtUtc = notification.NotBeforeUtc is { } later && later > now ? later : now,
        });
    }

    /// <summary>
    /// Withdraws every message queued under <paramref name="withdrawalTopic"/>: what has not gone out yet is never sent
    /// (<see cref="OutboxState.Withdrawn"/>; one being sent right now may still arrive), and every message under it, sent
    /// or not, with its copy in the development sink, has its recipient replaced by <paramref name="erasedRecipient"/>,
    /// so that nothing kept still names the address. It writes at once, inside the caller's transaction if one is open
    /// (so that the caller's own change and the withdrawal are committed together), else in its own. Returns the number withdrawn.
    /// </summary>
    public async Task<int> WithdrawAsync(string withdrawalTopic, string erasedRecipient, CancellationToken cancellationToken = default)
    {
        // Three statements, all or none.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var messages = db.Outbox.Where(m => m.WithdrawalTopic == withdrawalTopic);
        var withdrawn = await messages.Where(m => m.State == OutboxState.Pending || m.State == OutboxState.Failed)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.State, OutboxState.Withdrawn), cancellationToken);
        await db.SinkMessages.Where(s => messages.Select(m => m.Id).Contains(s.OutboxMessageId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recipient, erasedRecipient), cancellationToken);
        await messages.ExecuteUpdateAsync(m => m.SetProperty(x => x.Recipient, erasedRecipient), cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return withdrawn;
    }

    /// <summary>How many messages from a template went to a recipient since a moment: for limits on messages people can cause.</summary>
    public Task<int> CountSentToAsync(string recipient, string templateKey, DateTime sinceUtc, CancellationToken cancellationToken = default) =>
        db.Outbox.CountAsync(m => m.Recipient == recipient && m.TemplateKey == templateKey && m.CreatedAtUtc >= sinceUtc, cancellationToken);

    /// <summary>
    /// The value of a placeholder whose whole line is to be left out of the message: an optional
    /// sentence (a survey link when no survey is open) that would otherwise be left dangling.
    /// </summary>
    public const string OmitLine = "\u0000omit-line";

    /// <summary>
    /// Replaces each {name} with its value; unknown placeholders stay as written so an administrator sees the mistake.
    /// A line holding a placeholder whose value is <see cref="OmitLine"/> is left out.
    /// </summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var omitted = values.Where(v => v.Value == OmitLine).Select(v => "{" + v.Key + "}").ToList();
        if (omitted.Count > 0)
            template = string.Join('\n', template.Split('\n').Where(line => !omitted.Exists(p => line.Contains(p, StringComparison.Ordinal))));
        return Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Wakes the dispatcher when something was queued, so messages leave at once rather than at the next poll.</summary>
public sealed class OutboxSignal : WakeSignal;

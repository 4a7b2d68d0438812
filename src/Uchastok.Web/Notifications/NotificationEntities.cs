using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Uchastok.Web.Notifications;

public enum NotificationChannel { Email, Sms }

public enum OutboxState
{
    Pending,
    /// <summary>Taken by a dispatcher under a lease; if the process dies here the outcome is unknown, and when the lease ends the message is sent again with the same message id.</summary>
    Sending,
    Sent,
    Failed,
    /// <summary>Not sent, and never to be: its recipient withdrew (unsubscribed) before it went out.</summary>
    Withdrawn,
}

/// <summary>
/// A message to send, written in the same transaction as the change it reports, so that a change
/// is never saved without its message nor a message sent for a change that was rolled back.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public NotificationChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Language { get; set; }
    public required string TemplateKey { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>Unique: the same event never produces the same message twice, whoever notices it.</summary>
    public required string DedupeKey { get; set; }
    /// <summary>What the message is about, e.g. <c>appeal:ALM-2026-000123</c>: a reference any capability can use without a foreign key.</summary>
    public string? Topic { get; set; }
    /// <summary>
    /// Whom the message is for, as the module that queued it names them (e.g. Community's <c>subscription:…</c>): the
    /// topic it can be withdrawn by (<see cref="Outbox.WithdrawAsync"/>) without anyone matching the text of its keys.
    /// </summary>
    public string? WithdrawalTopic { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// The id every delivery of this message carries (the e-mail <c>Message-ID</c>, an SMS gateway's
    /// client message id): the same on a redelivery, so a receiver can tell it got the message already.
    /// </summary>
    public string DeliveryKey => DeliveryKeyOf(Id);

    public static string DeliveryKeyOf(long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"uchastok-outbox-{id}");
}

/// <summary>The text of one message in one language; placeholders in braces, e.g. {number}.</summary>
public sealed class NotificationTemplate
{
    public required string Key { get; set; }
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A message the development sink "delivered": where messages land when no SMTP server or SMS gateway is configured.</summary>
public sealed class SinkMessage
{
    public long Id { get; set; }
    public NotificationChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public long OutboxMessageId { get; set; }
    /// <summary>The message id the delivery carried (<see cref="OutboxMessage.DeliveryKey"/>): two rows with one key are one message delivered twice.</summary>
    public string MessageKey { get; set; } = string.Empty;
    public DateTime AtUtc { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("notifications_outbox");
        builder.Ignore(m => m.DeliveryKey);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.Property(m => m.TemplateKey).HasMaxLength(60);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.DedupeKey).HasMaxLength(200);
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        builder.Property(m => m.Topic).HasMaxLength(100);
        builder.HasIndex(m => m.Topic);
        builder.Property(m => m.WithdrawalTopic).HasMaxLength(100);
        builder.HasIndex(m => m.WithdrawalTopic);
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.ToTable("notifications_templates");
        builder.HasKey(t => new { t.Key, t.Language });
        builder.Property(t => t.Key).HasMaxLength(60);
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.Property(t => t.Body).HasMaxLength(4000);
    }
}

internal sealed class SinkMessageConfiguration : IEntityTypeConfiguration<SinkMessage>
{
    public void Configure(EntityTypeBuilder<SinkMessage> builder)
    {
        builder.ToTable("notifications_sink");
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.HasIndex(m => m.Recipient);
        builder.Property(m => m.MessageKey).HasMaxLength(100);
    }
}

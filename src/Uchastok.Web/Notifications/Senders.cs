using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Notifications;

/// <summary>
/// Sends one message of one channel; throws when it could not. A message may be handed over more
/// than once (its sender stopped before the outcome was recorded): every sender passes
/// <see cref="OutboxMessage.DeliveryKey"/> to the receiver (an e-mail's <c>Message-ID</c>, an SMS
/// gateway's client message id or idempotency key), so the receiver can drop the second copy.
/// </summary>
public interface IMessageSender
{
    NotificationChannel Channel { get; }
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP settings (section <c>Notifications:Smtp</c>); without a host, e-mail goes to the sink.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Uchastok <no-reply@uchastok.kz>";
}

/// <summary>E-mail through an SMTP server with MailKit.</summary>
public sealed class SmtpEmailSender(SmtpSettings settings) : IMessageSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };
        // The message id is derived from the outbox row, so a mail server or client can drop a redelivery.
        mail.MessageId = MessageIdOf(message, settings.From);

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    /// <summary>The <c>Message-ID</c> of a message: its delivery key at the sender's own domain.</summary>
    public static string MessageIdOf(OutboxMessage message, string from)
    {
        var address = MailboxAddress.Parse(from).Address;
        var at = address.LastIndexOf('@');
        return $"{message.DeliveryKey}@{(at >= 0 ? address[(at + 1)..] : "uchastok.kz")}";
    }
}

/// <summary>
/// Where messages land in development, in tests, and for SMS until a gateway is contracted: a
/// table the administrator's outbox page shows. Nothing leaves the machine. Like a real receiver
/// it is a separate write from the outbox's, and keeps each delivery with its message id, so a
/// redelivery shows as a second row with the same key. An SMS gateway's sender will pass the same
/// key as its client message id.
/// </summary>
public sealed class SinkSender(NotificationChannel channel, IServiceScopeFactory scopes, TimeProvider clock) : IMessageSender
{
    public NotificationChannel Channel => channel;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        db.SinkMessages.Add(new SinkMessage
        {
            Channel = message.Channel, Recipient = message.Recipient, Subject = message.Subject, Body = message.Body,
            OutboxMessageId = message.Id, MessageKey = message.DeliveryKey, AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

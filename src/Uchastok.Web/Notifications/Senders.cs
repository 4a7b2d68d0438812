using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Notifications;

/// <summary>Sends one message of one channel; throws when it could not.</summary>
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
        // The message id is derived from the outbox row, so a mail server can drop a duplicate.
        mail.MessageId = $"outbox-{message.Id}@uchastok.kz";

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>
/// Where messages land in development, in tests, and for SMS until a gateway is contracted: a
/// table the administrator's outbox page shows. Nothing leaves the machine.
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
            OutboxMessageId = message.Id, AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Appeals;

/// <summary>
/// The applicant's way back to a lost tracking link: the appeal's number and the contact it was
/// filed with, then a six-digit code sent to that contact (never to one typed here). Whether the two
/// matched is not told; a code lives 15 minutes and tolerates five wrong tries; an appeal gets three
/// codes a day at most, and the page is rate-limited per network.
/// </summary>
public sealed class RecoverTrackingLinkCommand(
    UchastokDbContext db, Outbox outbox, OutboxSignal signal, IDataProtectionProvider protection, ApplicantContactGate contacts, TimeProvider clock)
{
    public const int MaxAttempts = 5;
    public const int MaxCodesPerDay = 3;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Sends a code when the number and the contact belong to one appeal; does nothing visible otherwise.</summary>
    public async Task RequestCodeAsync(string? number, string? contact, CancellationToken cancellationToken = default)
    {
        if (await MatchAsync(number, contact, cancellationToken) is not { } appeal) return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.TrackingLinkCodes.CountAsync(c => c.AppealId == appeal.Id && c.CreatedAtUtc >= now.AddDays(-1), cancellationToken) >= MaxCodesPerDay) return;

        var (channel, recipient) = appeal.ApplicantEmail is { } email ? (NotificationChannel.Email, email) : (NotificationChannel.Sms, appeal.ApplicantPhone!);
        // A contact nobody has confirmed gets one message a day, recovery codes included: whoever filed
        // appeals naming a stranger's number knows their numbers too.
        if (!(await contacts.ClaimMessageAsync(recipient, offerCode: false, appeal.ApplicantUserId, cancellationToken)).Allowed) return;

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        db.TrackingLinkCodes.Add(new TrackingLinkCode { AppealId = appeal.Id, CodeHash = Hash(appeal.Id, code), CreatedAtUtc = now, ExpiresAtUtc = now + CodeLifetime });
        await outbox.EnqueueAsync(new Notification(channel, recipient, appeal.Language, DefaultTemplates.TrackingLinkCode,
            new Dictionary<string, string> { ["number"] = appeal.Number, ["code"] = code },
            $"{appeal.Number}:link-code:{now.Ticks}", AppealNotifier.Topic(appeal)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }

    /// <summary>The tracking token when the code is right and alive; null otherwise (a wrong try is counted).</summary>
    public async Task<string?> RedeemAsync(string? number, string? code, CancellationToken cancellationToken = default)
    {
        var typed = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (string.IsNullOrWhiteSpace(number) || typed.Length != 6) return null;
        var wanted = number.Trim().ToUpperInvariant();
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Number == wanted, cancellationToken);
        if (appeal is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.TrackingLinkCodes.Where(c => c.AppealId == appeal.Id && c.ExpiresAtUtc > now && c.Attempts < MaxAttempts)
            .OrderByDescending(c => c.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        if (live is null) return null;
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(live.CodeHash), System.Text.Encoding.ASCII.GetBytes(Hash(appeal.Id, typed))))
        {
            live.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        // Used once: every code of the appeal is spent, and stays counted against the day's three.
        await db.TrackingLinkCodes.Where(c => c.AppealId == appeal.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Attempts, MaxAttempts), cancellationToken);
        // The code arrived, so the contact is its owner's.
        if ((appeal.ApplicantEmail ?? appeal.ApplicantPhone) is { } contact) await contacts.MarkConfirmedAsync(contact, cancellationToken);
        return protection.CreateProtector(AppealNotifier.TrackingTokenPurpose).Unprotect(appeal.ProtectedTrackingToken);
    }

    private async Task<Appeal?> MatchAsync(string? number, string? contact, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(contact) || number.Length > 40 || contact.Length > 200) return null;
        var wanted = number.Trim().ToUpperInvariant();
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Number == wanted, cancellationToken);
        if (appeal is null) return null;
        var typed = contact.Trim();
        var matches = typed.Contains('@', StringComparison.Ordinal)
            ? appeal.ApplicantEmail is { } email && string.Equals(email, typed, StringComparison.OrdinalIgnoreCase)
            : appeal.ApplicantPhone is { } phone && ContactValidation.NormalizePhone(typed) == phone;
        return matches ? appeal : null;
    }

    private static string Hash(long appealId, string code) => Secrets.Hash($"tracking-link-code:{appealId}:{code}");
}

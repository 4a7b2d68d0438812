using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Uchastok.Web.Notifications;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Account;

/// <summary>
/// A forgotten password: a one-time link to the account's e-mail (or by SMS to its phone). The answer
/// is the same whether or not the account exists, so the page tells nobody who has an account.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountRecoveryRateLimitPolicy.Name)]
public sealed class ForgotModel(
    UserManager<ApplicationUser> users, AccountCommands accounts, Outbox outbox, OutboxSignal signal, NotificationSettings settings,
    Web.Shared.Data.UchastokDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>At most this many reset messages to one account an hour, whoever asks.</summary>
    public const int MaxPerHour = 3;

    [BindProperty] public string? Login { get; set; }
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Sent = true;
        if (await accounts.FindByLoginAsync(Login) is not { } user) return Page();
        var (channel, recipient) = user.Email is { Length: > 0 } email ? (NotificationChannel.Email, email)
            : user.PhoneNumber is { Length: > 0 } phone ? (NotificationChannel.Sms, phone) : (NotificationChannel.Email, (string?)null);
        if (recipient is null) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await outbox.CountSentToAsync(recipient, DefaultTemplates.PasswordReset, now.AddHours(-1), cancellationToken) >= MaxPerHour) return Page();

        var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = $"{settings.PublicUrl.TrimEnd('/')}/account/reset?user={Uri.EscapeDataString(user.Id)}&token={token}";
        await outbox.EnqueueAsync(new Notification(channel, recipient, user.PreferredLanguage, DefaultTemplates.PasswordReset,
            new Dictionary<string, string> { ["link"] = link }, $"password-reset:{user.Id}:{now.Ticks}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return Page();
    }
}

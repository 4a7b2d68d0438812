using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Appeals;

/// <summary>
/// Queues the messages an appeal step causes, each in its recipient's language: the applicant on
/// every public step, the assignee on assignment, reminders and escalations. The dedupe key names
/// the appeal and its version, so the same step never queues the same message twice.
/// </summary>
public sealed class AppealNotifier(
    UchastokDbContext db, Outbox outbox, AppealText text, IDataProtectionProvider protection, NotificationSettings settings, OfficerAccounts officerAccounts,
    IAfterAppealSurvey afterAppealSurvey, ApplicantContactGate contacts, ILogger<AppealNotifier> logger)
{
    public const string TrackingTokenPurpose = "Uchastok.Appeals.TrackingToken";

    public string TrackingLink(string token) => $"{settings.PublicUrl.TrimEnd('/')}/appeals/track/{token}";

    /// <summary>The tracking page with the confirmation code filled in: one press confirms the contact.</summary>
    public string ConfirmLink(string token, string code) => $"{TrackingLink(token)}?confirm={code}";

    public string StaffLink(Appeal appeal) => $"{settings.PublicUrl.TrimEnd('/')}/appeals/{appeal.Number}";

    public static string Topic(Appeal appeal) => $"appeal:{appeal.Number}";

    public string ProtectToken(string token) => protection.CreateProtector(TrackingTokenPurpose).Protect(token);

    /// <summary>The contact the applicant's messages go to: the e-mail if they gave one, otherwise the phone.</summary>
    public static (NotificationChannel Channel, string? Recipient) ApplicantContact(Appeal appeal) =>
        appeal.ApplicantEmail is { } email ? (NotificationChannel.Email, email)
        : appeal.ApplicantPhone is { } phone ? (NotificationChannel.Sms, phone)
        : (NotificationChannel.Email, null);

    /// <summary>
    /// Tells the applicant, by e-mail if they gave one, otherwise by SMS; an unconfirmed contact at
    /// most once a day (<see cref="ApplicantContactGate"/>), the registration carrying the code that confirms it.
    /// </summary>
    /// <param name="allowance">The allowance already claimed for this message (filing claims it with its count, <see cref="ApplicantContactGate.CountFilingAsync"/>); claimed here when null.</param>
    public async Task ApplicantAsync(Appeal appeal, string templateKey, string? trackingToken = null, string? reason = null, Officer? assignee = null,
        MessageAllowance? allowance = null, CancellationToken cancellationToken = default)
    {
        var (channel, recipient) = ApplicantContact(appeal);
        if (recipient is null) return;
        allowance ??= await contacts.ClaimMessageAsync(recipient, offerCode: templateKey == DefaultTemplates.Registered, appeal.ApplicantUserId, cancellationToken);
        if (!allowance.Allowed)
        {
            // The tracking page shows every step; only the message to a contact nobody has confirmed is held back.
            logger.LogInformation("Message {Template} of appeal {Number} withheld: unconfirmed contact already sent one today", templateKey, appeal.Number);
            return;
        }
        var token = trackingToken ?? protection.CreateProtector(TrackingTokenPurpose).Unprotect(appeal.ProtectedTrackingToken);
        var values = await ValuesAsync(appeal, appeal.Language, reason, assignee, cancellationToken);
        values["link"] = TrackingLink(token);
        if (allowance.Code is { } code)
        {
            templateKey = DefaultTemplates.RegisteredWithCode;
            values["code"] = code;
            values["link"] = ConfirmLink(token, code);
        }
        // With no survey open for appeals, the message's survey line is left out rather than linking to nothing.
        values["survey"] = templateKey == DefaultTemplates.Answered && await afterAppealSurvey.IsOpenAsync(cancellationToken)
            ? TrackingLink(token) + "/survey"
            : Outbox.OmitLine;
        await outbox.EnqueueAsync(new Notification(channel, recipient, appeal.Language, templateKey, values,
            $"{appeal.Number}:v{appeal.Version}:applicant", Topic(appeal)), cancellationToken);
    }

    /// <summary>Tells the staff accounts of the given officers (their e-mail, their language).</summary>
    public async Task OfficersAsync(Appeal appeal, IReadOnlyCollection<int> officerIds, string templateKey, string dedupeSuffix, CancellationToken cancellationToken = default) =>
        await OfficersAsync(appeal, await StaffAccountsAsync(officerIds, cancellationToken), templateKey, dedupeSuffix, cancellationToken: cancellationToken);

    /// <summary>Tells staff accounts looked up beforehand: a caller holding a write transaction reads nothing inside it.</summary>
    public Task OfficersAsync(Appeal appeal, IReadOnlyList<StaffAccount> accounts, string templateKey, string dedupeSuffix, Officer? assignee = null, CancellationToken cancellationToken = default) =>
        StaffAsync(appeal, accounts.Select(a => (a.UserId, a.Email, a.Language)), templateKey, dedupeSuffix, cancellationToken, assignee);

    /// <summary>The staff accounts (with an e-mail) of the given officers.</summary>
    public async Task<IReadOnlyList<StaffAccount>> StaffAccountsAsync(IReadOnlyCollection<int> officerIds, CancellationToken cancellationToken = default)
    {
        if (officerIds.Count == 0) return [];
        var byOfficer = await officerAccounts.GetAsync(cancellationToken);
        return officerIds.SelectMany(id => byOfficer.GetValueOrDefault(id) ?? []).ToList();
    }

    /// <summary>Tells the supervisors of the appeal's district (administrators for internal security).</summary>
    public async Task SupervisorsAsync(Appeal appeal, string templateKey, string dedupeSuffix, CancellationToken cancellationToken = default)
    {
        var role = appeal.Queue == Rules.Appeals.AppealQueue.InternalSecurity ? Roles.Admin : Roles.Supervisor;
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);
        var query = from user in db.Users.AsNoTracking()
                    join link in db.UserRoles on user.Id equals link.UserId
                    where link.RoleId == roleId && user.Email != null
                    select user;
        if (role == Roles.Supervisor) query = query.Where(u => u.DistrictId == appeal.DistrictId);
        // The officer a complaint concerns is not told about it, even as a supervisor.
        if (appeal.ConcernedOfficerId is { } concerned) query = query.Where(u => u.OfficerId == null || u.OfficerId != concerned);
        var accounts = await query.Select(u => new { u.Id, u.Email, u.PreferredLanguage }).ToListAsync(cancellationToken);
        await StaffAsync(appeal, accounts.Select(a => (a.Id, a.Email!, a.PreferredLanguage)), templateKey, dedupeSuffix, cancellationToken);
    }

    private async Task StaffAsync(Appeal appeal, IEnumerable<(string Id, string Email, string Language)> accounts, string templateKey, string dedupeSuffix, CancellationToken cancellationToken, Officer? assignee = null)
    {
        foreach (var (id, email, language) in accounts)
        {
            var values = await ValuesAsync(appeal, language, null, assignee, cancellationToken);
            values["link"] = StaffLink(appeal);
            await outbox.EnqueueAsync(new Notification(NotificationChannel.Email, email, language, templateKey, values,
                $"{appeal.Number}:{dedupeSuffix}:staff:{id}", Topic(appeal)), cancellationToken);
        }
    }

    /// <summary>The placeholder values; <paramref name="knownAssignee"/> saves a read when the caller already has the officer.</summary>
    private async Task<Dictionary<string, string>> ValuesAsync(Appeal appeal, string language, string? reason, Officer? knownAssignee, CancellationToken cancellationToken)
    {
        var assignee = knownAssignee ?? appeal.AssigneeOfficer ?? (appeal.AssigneeOfficerId is { } id ? await db.Officers.FindAsync([id], cancellationToken) : null);
        using var _ = LocalizationSetup.UseLanguage(language);
        return new Dictionary<string, string>
        {
            ["number"] = appeal.Number,
            ["received"] = AppealText.Date(appeal.ReceivedOn),
            ["due"] = AppealText.Date(appeal.DueDate),
            ["assignee"] = assignee is null ? "—" : text.Officer(assignee),
            ["reason"] = reason ?? string.Empty,
            ["forwardedTo"] = appeal.ForwardedTo ?? string.Empty,
            ["text"] = appeal.AnswerText ?? string.Empty,
        };
    }
}

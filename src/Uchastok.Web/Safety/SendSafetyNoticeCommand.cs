using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Trust;
using Uchastok.Web.Community;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using static Uchastok.Web.Shared.Web.InputText;

namespace Uchastok.Web.Safety;

/// <summary>A safety notice as written: its text in the languages the officer chose (at least one).</summary>
public sealed record SafetyNoticeInput(string? TextKk, string? TextRu, string? TextEn);

public enum SafetyNoticeOutcome { Sent, Invalid, NotFound, Forbidden, TooMany }

public sealed record SafetyNoticeResult(SafetyNoticeOutcome Outcome, MailingView? Mailing = null, FieldErrors? Errors = null);

/// <summary>
/// A safety notice to a beat's subscribers, written from a report by the beat's inspector or the district's
/// supervisor (issue 19). The officer writes the notice himself: the report's text is never sent nor offered as a
/// start, as it is a resident's words and may name people (its sender, a neighbour). It goes out as Community's
/// mailing of kind <see cref="MailingKind.SafetyAlert"/> to the beat's confirmed subscribers and the district's,
/// each in his language or Community's fallback, with the unsubscribe link every mailing has; the incident's step
/// <see cref="SafetySteps.NoticeSent"/> (note: the mailing's id) is saved in the same transaction, so neither stands alone.
/// </summary>
public sealed class SendSafetyNoticeCommand(
    UchastokDbContext db, Mailings mailings, OutboxSignal signal, SafetyConsoleSignal consoleSignal, IConfiguration configuration, IStringLocalizer<SharedResource> localizer,
    TimeProvider clock, ILogger<SendSafetyNoticeCommand> logger)
{

    /// <summary>
    /// Notices one account may send in an hour (<c>Safety:NoticesPerAccountPerHour</c>, 5): each reaches every
    /// subscriber of a beat and its district by e-mail or SMS, so a slip (or a stolen session) must not flood them;
    /// five an hour is more than a beat's worst evening needs. Counted from the steps, so it holds on every node and
    /// across restarts.
    /// </summary>
    /// <summary>The first key of the advisory lock (the second is the account's hash), so it meets no other module's locks.</summary>
    private const int NoticeLockClass = 19_0001;

    public int PerAccountPerHour { get; } = Math.Max(1, configuration.GetValue("Safety:NoticesPerAccountPerHour", 5));

    public async Task<SafetyNoticeResult> ExecuteAsync(long incidentId, SafetyNoticeInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        // The administrator reads every report but runs the platform, not a beat: he writes to no beat's residents.
        if (!user.IsInRole(Roles.Inspector) && !user.IsInRole(Roles.Supervisor)) return new(SafetyNoticeOutcome.Forbidden);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Notices are written by signed-in staff only.");
        var target = await (from i in db.SafetyIncidents.AsNoTracking()
                            join b in db.Beats.AsNoTracking() on i.BeatId equals b.Id
                            where i.Id == incidentId && i.Kind == SafetyIncidentKind.Report
                            select new { b.Id, b.DistrictId, b.InspectorId }).SingleOrDefaultAsync(cancellationToken);
        // Notices are written from a resident's report only: an alarm is a button press with no words to answer, and a
        // leaked device key must not become a way to reach a beat's residents. A report on no beat has no beat's subscribers; one outside the caller's beats or district is not his to see.
        if (target is null || !Writes(user, target.DistrictId, target.InspectorId)) return new(SafetyNoticeOutcome.NotFound);

        var errors = new FieldErrors();
        var text = new Trilingual(Blank(input.TextKk), Blank(input.TextRu), Blank(input.TextEn));
        if (text.Kk is null && text.Ru is null && text.En is null) errors.Add("text", localizer["Safety.NoticeTextRequired"]);
        foreach (var (field, value) in new[] { ("textKk", text.Kk), ("textRu", text.Ru), ("textEn", text.En) })
            if (value is { Length: > Mailings.MaxTextLength }) errors.Add(field, localizer["Appeal.TextTooLong", Mailings.MaxTextLength]);
        if (errors.Count > 0) return new(SafetyNoticeOutcome.Invalid, Errors: errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-1);
        // The subject is the platform's, in each language, so the officer writes one thing only: the notice.
        var subject = new Trilingual(Subject("kk"), Subject("ru"), Subject("en"));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The hourly count is read inside the transaction that writes the step, serialised per account, so two notices sent
        // at once cannot both see four. PostgreSQL: a transaction-scoped advisory lock on the account (released at commit or
        // rollback). SQLite: the transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), taking the database's
        // single write lock, which already serialises every writer.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({NoticeLockClass}, hashtext({userId}))", cancellationToken);
        var sent = await db.SafetyIncidentSteps.CountAsync(s => s.Step == SafetySteps.NoticeSent && s.ByUserId == userId && s.AtUtc > since, cancellationToken);
        if (sent >= PerAccountPerHour) return new(SafetyNoticeOutcome.TooMany);

        var mailing = await mailings.SendComposedAsync(new MailingDraft(target.DistrictId, target.Id, MailingKind.SafetyAlert, subject, text), user, cancellationToken);
        db.SafetyIncidentSteps.Add(new SafetyIncidentStep
        {
            IncidentId = incidentId, Step = SafetySteps.NoticeSent, ByUserId = userId, AtUtc = now, Note = mailing.Id.ToString(CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        consoleSignal.Notify();
        logger.LogInformation("Safety notice for incident {Incident}: mailing {Mailing} to {Count} subscribers", incidentId, mailing.Id, mailing.Recipients);
        return new(SafetyNoticeOutcome.Sent, mailing);
    }

    /// <summary>Whether the user writes to this beat's residents: its own inspector, or the supervisor of its district.</summary>
    public static bool Writes(ClaimsPrincipal user, int districtId, int? inspectorId) =>
        ScopeClaims.IsInspector(user, inspectorId) || (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) == districtId);

    private string Subject(string language)
    {
        using var _ = LocalizationSetup.UseLanguage(language);
        return localizer["Safety.NoticeSubject"];
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Identity;
using Uchastok.Rules.Trust;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using static Uchastok.Web.Shared.Web.InputText;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Community;

/// <param name="DistrictWide">Subscribe to the whole district of the beat, not the beat only.</param>
public sealed record SubscribeInput(int? BeatId, bool DistrictWide, string? Email, string? Phone);

public sealed record SubscriptionView(string Scope, string Channel, string Address, bool Confirmed, bool Unsubscribed);

public sealed record MailingInput(int? DistrictId, int? BeatId, string? Kind, string? SubjectKk, string? SubjectRu, string? SubjectEn, string? TextKk, string? TextRu, string? TextEn);

/// <summary>A mailing with how its messages fared: queued, sent, failed.</summary>
/// <param name="Withdrawn">Not sent because the subscriber left before the message went out.</param>
public sealed record MailingView(int Id, string Kind, string Subject, string Scope, DateTime SentAtUtc, int Recipients, int Pending, int Sent, int Failed, int Withdrawn);

/// <summary>A mailing composed by another module: the scope, the kind, and subject and text in one or more languages.</summary>
public sealed record MailingDraft(int DistrictId, int? BeatId, MailingKind Kind, Trilingual Subject, Trilingual Text);

public enum SubscriptionChange { Done, NotFound, Already }

/// <summary>
/// Subscriptions and information mailings (C10): residents subscribe to a beat or a district by
/// e-mail or SMS, confirm by the link sent there, and leave by the link at the foot of every
/// message, without an account. Inspectors write to their beats, supervisors to their district,
/// in the three languages; every message goes through the outbox, spread out so that it never
/// holds up messages about appeals, and the sender sees how many were sent and failed.
/// </summary>
public sealed class Mailings(
    UchastokDbContext db, Outbox outbox, OutboxSignal signal, NotificationSettings settings, IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<Mailings> logger)
{
    private const string TokenPurpose = "Uchastok.Community.SubscriptionToken";
    public const int MaxSubjectLength = 150;
    public const int MaxTextLength = 1500;
    /// <summary>Mailing messages released per minute, all mailings together; the outbox sends the rest in the minutes after.</summary>
    public const int PerMinute = 120;
    public static readonly TimeSpan ConfirmationInterval = TimeSpan.FromMinutes(10);

    public async Task<(bool Done, FieldErrors Errors)> SubscribeAsync(SubscribeInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var beat = input.BeatId is { } id ? await db.Beats.AsNoTracking().Where(b => b.Id == id && b.IsActive).Select(b => new { b.Id, b.DistrictId }).SingleOrDefaultAsync(cancellationToken) : null;
        if (beat is null) errors.Add("beatId", localizer["Survey.BeatUnknown"]);
        var (email, phone) = ContactValidation.Contacts(input.Email, input.Phone, localizer, errors);
        if (email is not null && phone is not null) errors.Add("phone", localizer["Subscription.OneAddress"]);
        if (errors.Count > 0) return (false, errors);

        var (channel, address) = email is not null ? (NotificationChannel.Email, email.ToLowerInvariant()) : (NotificationChannel.Sms, phone!);
        int? beatId = input.DistrictWide ? null : beat!.Id;
        var scopeKey = beatId is { } b ? $"b:{b}" : $"d:{beat!.DistrictId}";
        // Subscribing again to the same place sends the confirmation again and changes nothing else: the answer does not tell whether the address was known.
        var existing = await db.Subscriptions.FirstOrDefaultAsync(s => s.Address == address && s.ScopeKey == scopeKey && s.UnsubscribedAtUtc == null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        string token;
        if (existing is null)
        {
            token = Secrets.New();
            existing = new Subscription
            {
                Channel = channel, Address = address, BeatId = beatId, DistrictId = beat!.DistrictId, ScopeKey = scopeKey, Language = LocalizationSetup.CurrentLanguage,
                TokenHash = Secrets.Hash(token), ProtectedToken = protection.CreateProtector(TokenPurpose).Protect(token), CreatedAtUtc = now,
            };
            db.Subscriptions.Add(existing);
        }
        else token = protection.CreateProtector(TokenPurpose).Unprotect(existing.ProtectedToken);
        // At most one confirmation request per address and place every ten minutes: the form cannot be used to flood someone's phone.
        if (existing.ConfirmedAtUtc is null && (existing.ConfirmationSentAtUtc is not { } last || now - last >= ConfirmationInterval))
        {
            existing.ConfirmationSentAtUtc = now;
            await outbox.EnqueueAsync(new Notification(channel, address, existing.Language, DefaultTemplates.SubscriptionConfirm,
                new Dictionary<string, string> { ["scope"] = await ScopeAsync(existing.DistrictId, existing.BeatId, existing.Language, cancellationToken), ["link"] = Link(token) },
                $"{ConfirmationKeyPrefix(existing)}{now.Ticks}", ConfirmationTopic, WithdrawalTopic: WithdrawalTopic(existing)), cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // The same address subscribed to the same place at the same moment: the unique index kept the other, which sends its own confirmation.
            db.ChangeTracker.Clear();
        }
        signal.Notify();
        return (true, errors);
    }

    public async Task<SubscriptionView?> ByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var subscription = await FindAsync(token, cancellationToken);
        if (subscription is null) return null;
        return new SubscriptionView(await ScopeAsync(subscription.DistrictId, subscription.BeatId, LocalizationSetup.CurrentLanguage, cancellationToken), subscription.Channel.ToString(),
            Contact.Mask(subscription.Address), subscription.ConfirmedAtUtc is not null, subscription.UnsubscribedAtUtc is not null);
    }

    public async Task<SubscriptionChange> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        var subscription = await FindAsync(token, cancellationToken);
        if (subscription is null || subscription.UnsubscribedAtUtc is not null) return SubscriptionChange.NotFound;
        if (subscription.ConfirmedAtUtc is not null) return SubscriptionChange.Already;
        subscription.ConfirmedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return SubscriptionChange.Done;
    }

    /// <summary>Leaves for good, by the link alone; the address is then erased, as nothing more will be sent to it.</summary>
    public async Task<SubscriptionChange> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        var subscription = await FindAsync(token, cancellationToken);
        if (subscription is null) return SubscriptionChange.NotFound;
        if (subscription.UnsubscribedAtUtc is not null) return SubscriptionChange.Already;
        var erased = "-" + subscription.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        subscription.UnsubscribedAtUtc = clock.GetUtcNow().UtcDateTime;
        subscription.Address = erased;
        // Leaving also stops what is already queued (a large mailing goes out over several minutes),
        // and no message kept in the outbox, sent or not, still names the address: the outbox withdraws
        // everything queued under the subscription's withdrawal topic, in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await outbox.WithdrawAsync(WithdrawalTopic(subscription), erased, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SubscriptionChange.Done;
    }

    public async Task<(MailingView? Mailing, FieldErrors Errors)> SendAsync(MailingInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        int districtId;
        int? beatId = null;
        if (input.BeatId is { } b)
        {
            var beat = await db.Beats.AsNoTracking().Where(x => x.Id == b && x.IsActive).Select(x => new { x.Id, x.DistrictId, x.InspectorId }).SingleOrDefaultAsync(cancellationToken);
            if (beat is null || !ScopeClaims.ServesOrManagesBeat(user, beat.DistrictId, beat.InspectorId)) { errors.Add("beatId", localizer["Community.BeatNotYours"]); return (null, errors); }
            (districtId, beatId) = (beat.DistrictId, beat.Id);
        }
        else if (input.DistrictId is { } d && ScopeClaims.ManagesDistrict(user, d) && await db.Districts.AnyAsync(x => x.Id == d, cancellationToken)) districtId = d;
        else { errors.Add("districtId", localizer["Mailing.ScopeNotYours"]); return (null, errors); }
        if (!TryEnum<MailingKind>(input.Kind, out var kind)) errors.Add("kind", localizer["Community.KindRequired"]);
        var subject = new Trilingual(Blank(input.SubjectKk), Blank(input.SubjectRu), Blank(input.SubjectEn));
        var text = new Trilingual(Blank(input.TextKk), Blank(input.TextRu), Blank(input.TextEn));
        if (!subject.Complete) errors.Add("subject", localizer["Mailing.SubjectRequired"]);
        else if (subject.LongestLength > MaxSubjectLength) errors.Add("subject", localizer["Appeal.TextTooLong", MaxSubjectLength]);
        if (!text.Complete) errors.Add("text", localizer["Mailing.TextRequired"]);
        else if (text.LongestLength > MaxTextLength) errors.Add("text", localizer["Appeal.TextTooLong", MaxTextLength]);
        if (errors.Count > 0) return (null, errors);

        var id = await QueueAsync(new MailingDraft(districtId, beatId, kind, subject, text), user, cancellationToken);
        return ((await ListAsync(m => m.Id == id, cancellationToken)).Single(), errors);
    }

    /// <summary>
    /// Queues a mailing another module composed and checked (a safety notice from a report: Safety checks who may write
    /// it and to which beat). A language left blank is filled by <see cref="Fallback"/>, so every subscriber gets his
    /// language or the fallback. Saved in the caller's transaction when there is one (Safety writes its step with it),
    /// else in its own.
    /// </summary>
    public async Task<MailingView> SendComposedAsync(MailingDraft draft, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = await QueueAsync(draft with { Subject = Fallback(draft.Subject), Text = Fallback(draft.Text) }, user, cancellationToken);
        return (await ListAsync(m => m.Id == id, cancellationToken)).Single();
    }

    /// <summary>
    /// A text in the languages it was written in, completed for the others: a subscriber whose language was not
    /// written gets the first written of Kazakh (the state language and the platform's default), Russian, English.
    /// </summary>
    public static Trilingual Fallback(Trilingual text)
    {
        var first = Blank(text.Kk) ?? Blank(text.Ru) ?? Blank(text.En) ?? throw new ArgumentException("A mailing needs its text in at least one language.", nameof(text));
        return new Trilingual(Blank(text.Kk) ?? first, Blank(text.Ru) ?? first, Blank(text.En) ?? first);
    }

    private async Task<int> QueueAsync(MailingDraft draft, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (districtId, beatId, kind, subject, text) = draft;
        // A beat's mailing reaches the beat's subscribers and the district's; a district's mailing reaches all of the district.
        var subscribers = await db.Subscriptions.AsNoTracking()
            .Where(s => s.DistrictId == districtId && s.ConfirmedAtUtc != null && s.UnsubscribedAtUtc == null && (beatId == null || s.BeatId == null || s.BeatId == beatId))
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var mailing = new Mailing
        {
            DistrictId = districtId, BeatId = beatId, Kind = kind, SubjectKk = subject.Kk!, SubjectRu = subject.Ru!, SubjectEn = subject.En!,
            TextKk = text.Kk!, TextRu = text.Ru!, TextEn = text.En!, Recipients = subscribers.Count, SentAtUtc = now, SentByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        // The mailing and its messages are saved together, or neither: a mailing is never listed as sent with nothing queued.
        // Inside a caller's transaction they stand or fall with what the caller saves (Safety's notice-sent step).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Mailings.Add(mailing);
        await db.SaveChangesAsync(cancellationToken);
        // The limit holds for all mailings together: this one queues behind the messages of others still waiting.
        var ahead = await db.Outbox.CountAsync(m => m.TemplateKey == DefaultTemplates.Mailing && m.State == OutboxState.Pending, cancellationToken);
        var unprotect = protection.CreateProtector(TokenPurpose);
        var scopes = new Dictionary<string, string>();
        for (var i = 0; i < subscribers.Count; i++)
        {
            var s = subscribers[i];
            if (!scopes.TryGetValue(s.Language, out var scope)) scopes[s.Language] = scope = await ScopeAsync(districtId, beatId, s.Language, cancellationToken);
            var values = new Dictionary<string, string>
            {
                ["subject"] = Pick(subject, s.Language), ["text"] = Pick(text, s.Language), ["scope"] = scope, ["link"] = Link(unprotect.Unprotect(s.ProtectedToken)),
            };
            await outbox.EnqueueAsync(new Notification(s.Channel, s.Address, s.Language, DefaultTemplates.Mailing, values,
                MailingKey(mailing.Id, s.Id), Topic(mailing.Id), now.AddMinutes((ahead + i) / PerMinute), WithdrawalTopic(s)), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            // Inside a caller's transaction, the caller wakes the outbox once it has committed.
            signal.Notify();
        }
        logger.LogInformation("Mailing {Id} to {Count} subscribers of district {District} beat {Beat}", mailing.Id, subscribers.Count, districtId, beatId);
        return mailing.Id;
    }

    /// <summary>The mailings of the user's scope, newest first, with their delivery counts.</summary>
    public async Task<IReadOnlyList<MailingView>> ForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.IsInRole(Roles.Admin)) return await ListAsync(_ => true, cancellationToken);
        if (ScopeClaims.District(user) is not { } district) return [];
        if (user.IsInRole(Roles.Supervisor)) return await ListAsync(m => m.DistrictId == district, cancellationToken);
        var own = await db.Beats.AsNoTracking().Where(b => b.InspectorId != null && b.InspectorId == ScopeClaims.Officer(user)).Select(b => (int?)b.Id).ToListAsync(cancellationToken);
        return await ListAsync(m => own.Contains(m.BeatId), cancellationToken);
    }

    private async Task<IReadOnlyList<MailingView>> ListAsync(System.Linq.Expressions.Expression<Func<Mailing, bool>> filter, CancellationToken cancellationToken)
    {
        var mailings = await db.Mailings.AsNoTracking().Where(filter).OrderByDescending(m => m.SentAtUtc).ThenByDescending(m => m.Id).Take(100).ToListAsync(cancellationToken);
        var topics = mailings.Select(m => Topic(m.Id)).ToList();
        var counts = await db.Outbox.AsNoTracking().Where(o => o.Topic != null && topics.Contains(o.Topic)).GroupBy(o => new { o.Topic, o.State })
            .Select(g => new { g.Key.Topic, g.Key.State, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(int id, params OutboxState[] states) => counts.Where(c => c.Topic == Topic(id) && states.Contains(c.State)).Sum(c => c.Count);
        var views = new List<MailingView>();
        // Most mailings share a few scopes: each is named once.
        var scopes = new Dictionary<(int, int?), string>();
        foreach (var m in mailings)
        {
            if (!scopes.TryGetValue((m.DistrictId, m.BeatId), out var scope))
                scopes[(m.DistrictId, m.BeatId)] = scope = await ScopeAsync(m.DistrictId, m.BeatId, LocalizationSetup.CurrentLanguage, cancellationToken);
            views.Add(new MailingView(m.Id, m.Kind.ToString(), LocalizationSetup.Pick(m.SubjectKk, m.SubjectRu, m.SubjectEn), scope, m.SentAtUtc, m.Recipients,
                Count(m.Id, OutboxState.Pending, OutboxState.Sending), Count(m.Id, OutboxState.Sent), Count(m.Id, OutboxState.Failed), Count(m.Id, OutboxState.Withdrawn)));
        }
        return views;
    }

    public string Link(string token) => $"{settings.PublicUrl.TrimEnd('/')}/subscriptions/{token}";

    private static string Topic(int mailingId) => $"mailing:{mailingId}";

    private const string ConfirmationTopic = "subscriptions";

    private static string MailingKey(int mailingId, long subscriptionId) => $"mailing:{mailingId}:{subscriptionId}";

    private static string ConfirmationKeyPrefix(Subscription subscription) => $"subscription:{subscription.TokenHash[..16]}:confirm:";

    /// <summary>
    /// The outbox topic of everything sent to one subscription, its confirmations and its mailings, by which leaving
    /// withdraws them (<see cref="Outbox.WithdrawAsync"/>). Named by the token's hash, which a new subscription has before
    /// it is saved (its id comes only with the save that also writes its confirmation).
    /// </summary>
    private static string WithdrawalTopic(Subscription subscription) => $"subscription:{subscription.TokenHash[..16]}";

    private static string Pick(Trilingual text, string language) => language switch { "ru" => text.Ru!, "en" => text.En!, _ => text.Kk! };

    private async Task<Subscription?> FindAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : await db.Subscriptions.SingleOrDefaultAsync(s => s.TokenHash == Secrets.Hash(token), cancellationToken);

    /// <summary>"ALM-035, Almaly district" or "Almaly district", in the given language.</summary>
    private async Task<string> ScopeAsync(int districtId, int? beatId, string language, CancellationToken cancellationToken)
    {
        var district = await db.Districts.AsNoTracking().Where(d => d.Id == districtId).Select(d => new { d.NameKk, d.NameRu, d.NameEn }).SingleAsync(cancellationToken);
        var name = language switch { "ru" => district.NameRu, "en" => district.NameEn, _ => district.NameKk };
        if (beatId is not { } b) return name;
        var code = await db.Beats.AsNoTracking().Where(x => x.Id == b).Select(x => x.Code).SingleAsync(cancellationToken);
        return $"{code}, {name}";
    }
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Appeals;

/// <summary>Whether a message may go to an applicant's contact now, and the confirmation code to put in it (only in the first).</summary>
public sealed record MessageAllowance(bool Allowed, string? Code)
{
    public static readonly MessageAllowance Confirmed = new(true, null);
    public static readonly MessageAllowance Withheld = new(false, null);
}

/// <summary>
/// Keeps Uchastok from being used to flood a stranger's phone or mailbox: anyone may file an appeal
/// naming any contact, so (1) a contact is named by at most <see cref="FilingsPerContactPerDay"/>
/// filings a day (more are refused and nothing is stored), and (2) until its owner confirms it, a
/// contact is sent at most one message a day. The first message carries a six-digit code, sent
/// once; typing it on the tracking page the message links to (the link fills it in) confirms the
/// contact, and so does a tracking-link recovery code redeemed (it too proved the message arrived).
/// Every step is one conditional statement, so two filings at once cannot both pass a limit.
/// </summary>
public sealed class ApplicantContactGate(UchastokDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public const int MaxCodeAttempts = 5;
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public int FilingsPerContactPerDay { get; } = Math.Max(1, configuration.GetValue("Appeals:FilingsPerContactPerDay", 5));

    /// <summary>
    /// For a filing, inside its write transaction: counts it against its contact and claims the
    /// registration message in as few statements as possible — one upsert that adds or counts the
    /// contact and returns its state, then one conditional update when a message may go. Null when
    /// the contact has had its day's filings (nothing counted): a window of a day restarts at the first
    /// filing after it; the message follows the rules of <see cref="ClaimMessageAsync"/> with a code offered.
    /// On PostgreSQL the upsert locks the contact's row until the transaction ends, so two filings
    /// naming one contact take their turns.
    /// </summary>
    public async Task<MessageAllowance?> CountFilingAsync(string contact, string? accountUserId, CancellationToken cancellationToken = default)
    {
        var hash = Hash(contact);
        var now = Now;
        var dayAgo = now - Day;
        var limit = FilingsPerContactPerDay;
        var rows = await db.Database.SqlQuery<ContactState>($"""
            INSERT INTO appeals_contacts ("ContactHash", "CodeAttempts", "WindowStartedAtUtc", "FilingsInWindow") VALUES ({hash}, 0, {now}, 1)
            ON CONFLICT ("ContactHash") DO UPDATE SET
                "FilingsInWindow" = CASE WHEN appeals_contacts."WindowStartedAtUtc" <= {dayAgo} THEN 1 ELSE appeals_contacts."FilingsInWindow" + 1 END,
                "WindowStartedAtUtc" = CASE WHEN appeals_contacts."WindowStartedAtUtc" <= {dayAgo} THEN {now} ELSE appeals_contacts."WindowStartedAtUtc" END
            WHERE appeals_contacts."WindowStartedAtUtc" <= {dayAgo} OR appeals_contacts."FilingsInWindow" < {limit}
            RETURNING "Id", "ConfirmedAtUtc", "CodeHash", "LastMessageAtUtc"
            """).ToListAsync(cancellationToken);
        if (rows is not [var row]) return null;

        if (row.ConfirmedAtUtc is not null) return MessageAllowance.Confirmed;
        if (accountUserId is not null && await AccountConfirmedAsync(accountUserId, contact, cancellationToken)) return MessageAllowance.Confirmed;
        if (row.LastMessageAtUtc is { } last && last > dayAgo) return MessageAllowance.Withheld;
        var open = db.ApplicantContacts.Where(c => c.Id == row.Id && c.ConfirmedAtUtc == null && (c.LastMessageAtUtc == null || c.LastMessageAtUtc <= dayAgo));
        return await ClaimAsync(open, hash, offerCode: row.CodeHash is null, now, cancellationToken);
    }

    /// <summary>What <see cref="CountFilingAsync"/> reads back from its upsert.</summary>
    private sealed record ContactState(long Id, DateTime? ConfirmedAtUtc, string? CodeHash, DateTime? LastMessageAtUtc);

    /// <summary>
    /// Claims the right to send one message to the contact now. A confirmed contact always may; an
    /// unconfirmed one once a day. With <paramref name="offerCode"/>, a contact never sent a code
    /// gets one (returned here, its hash kept).
    /// </summary>
    public async Task<MessageAllowance> ClaimMessageAsync(string contact, bool offerCode, string? accountUserId = null, CancellationToken cancellationToken = default)
    {
        if (accountUserId is not null && await AccountConfirmedAsync(accountUserId, contact, cancellationToken)) return MessageAllowance.Confirmed;
        var hash = await EnsureAsync(contact, cancellationToken);
        if (await IsConfirmedByHashAsync(hash, cancellationToken)) return MessageAllowance.Confirmed;
        var now = Now;
        var dayAgo = now - Day;
        var open = db.ApplicantContacts.Where(c => c.ContactHash == hash && c.ConfirmedAtUtc == null && (c.LastMessageAtUtc == null || c.LastMessageAtUtc <= dayAgo));
        return await ClaimAsync(open, hash, offerCode, now, cancellationToken);
    }

    /// <summary>
    /// Takes the day's one message from an unconfirmed contact still open to it (<paramref name="open"/>): with a new
    /// code when <paramref name="offerCode"/> and none was ever sent, else without; withheld when another request took it.
    /// </summary>
    private async Task<MessageAllowance> ClaimAsync(IQueryable<ApplicantContact> open, string hash, bool offerCode, DateTime now, CancellationToken cancellationToken)
    {
        if (offerCode)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var codeHash = CodeHash(hash, code);
            if (await open.Where(c => c.CodeHash == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.CodeHash, codeHash).SetProperty(c => c.LastMessageAtUtc, now), cancellationToken) == 1)
                return new MessageAllowance(true, code);
        }
        return await open.ExecuteUpdateAsync(u => u.SetProperty(c => c.LastMessageAtUtc, now), cancellationToken) == 1
            ? new MessageAllowance(true, null)
            : MessageAllowance.Withheld;
    }

    public async Task<bool> IsConfirmedAsync(string contact, CancellationToken cancellationToken = default) =>
        await IsConfirmedByHashAsync(Hash(contact), cancellationToken);

    /// <summary>Confirms the contact with the code it was sent; a wrong code is counted, and five spend it.</summary>
    public async Task<bool> ConfirmAsync(string contact, string? code, CancellationToken cancellationToken = default)
    {
        var hash = Hash(contact);
        var row = await db.ApplicantContacts.AsNoTracking().SingleOrDefaultAsync(c => c.ContactHash == hash, cancellationToken);
        if (row is null) return false;
        if (row.ConfirmedAtUtc is not null) return true;
        var typed = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (row.CodeHash is null || row.CodeAttempts >= MaxCodeAttempts || typed.Length != 6) return false;
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(row.CodeHash), System.Text.Encoding.ASCII.GetBytes(CodeHash(hash, typed))))
        {
            await db.ApplicantContacts.Where(c => c.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.CodeAttempts, c => c.CodeAttempts + 1), cancellationToken);
            return false;
        }
        await MarkConfirmedAsync(contact, cancellationToken);
        return true;
    }

    /// <summary>The contact of the appeal a tracking token opens, when nobody has confirmed it yet; null otherwise.</summary>
    public async Task<string?> UnconfirmedContactAsync(string token, CancellationToken cancellationToken = default)
    {
        var contact = await ContactOfAsync(token, cancellationToken);
        return contact is null || await IsConfirmedAsync(contact, cancellationToken) ? null : contact;
    }

    /// <summary>Confirms the contact of the appeal the token opens: null when no appeal, else whether the code was right.</summary>
    public async Task<bool?> ConfirmByTrackingTokenAsync(string token, string? code, CancellationToken cancellationToken = default) =>
        await ContactOfAsync(token, cancellationToken) is { } contact ? await ConfirmAsync(contact, code, cancellationToken) : null;

    private async Task<string?> ContactOfAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Secrets.Hash(token);
        var appeal = await db.Appeals.AsNoTracking().Where(a => a.TrackingTokenHash == hash)
            .Select(a => new { a.ApplicantEmail, a.ApplicantPhone }).SingleOrDefaultAsync(cancellationToken);
        return appeal?.ApplicantEmail ?? appeal?.ApplicantPhone;
    }

    /// <summary>Its owner proved the contact another way (a tracking-link recovery code that arrived).</summary>
    public async Task MarkConfirmedAsync(string contact, CancellationToken cancellationToken = default)
    {
        var hash = await EnsureAsync(contact, cancellationToken);
        var now = Now;
        await db.ApplicantContacts.Where(c => c.ContactHash == hash && c.ConfirmedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ConfirmedAtUtc, now), cancellationToken);
    }

    /// <summary>The normalised contact's hash: a phone number as stored (digits with +7), an e-mail lower-cased.</summary>
    public static string Hash(string contact) => Secrets.Hash("applicant-contact:" + contact.Trim().ToLowerInvariant());

    private static string CodeHash(string contactHash, string code) => Secrets.Hash($"applicant-contact-code:{contactHash}:{code}");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The applicant filed signed in, with the account's own confirmed e-mail or phone.</summary>
    private Task<bool> AccountConfirmedAsync(string userId, string contact, CancellationToken cancellationToken)
    {
        var normalized = contact.Trim().ToUpperInvariant(); // as ASP.NET Core Identity normalises e-mails
        return db.Users.AnyAsync(u => u.Id == userId
            && ((u.EmailConfirmed && u.NormalizedEmail == normalized) || (u.PhoneNumberConfirmed && u.PhoneNumber == contact)), cancellationToken);
    }

    private Task<bool> IsConfirmedByHashAsync(string hash, CancellationToken cancellationToken) =>
        db.ApplicantContacts.AnyAsync(c => c.ContactHash == hash && c.ConfirmedAtUtc != null, cancellationToken);

    /// <summary>Adds the contact's row unless it is there; "on conflict do nothing" lets two first filings at once both go on.</summary>
    private async Task<string> EnsureAsync(string contact, CancellationToken cancellationToken)
    {
        var hash = Hash(contact);
        var longAgo = DateTime.SpecifyKind(new DateTime(2000, 1, 1), DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO appeals_contacts ("ContactHash", "CodeAttempts", "WindowStartedAtUtc", "FilingsInWindow") VALUES ({hash}, 0, {longAgo}, 0) ON CONFLICT ("ContactHash") DO NOTHING""",
            cancellationToken);
        return hash;
    }
}

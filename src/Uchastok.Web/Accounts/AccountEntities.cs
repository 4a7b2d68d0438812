using Microsoft.AspNetCore.Identity;

namespace Uchastok.Web.Accounts;

/// <summary>Everyone who signs in: residents, inspectors, supervisors, partners, administrators.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>The IIN encrypted with Data Protection; only its masked form is ever shown.</summary>
    public string? ProtectedIin { get; set; }
    public string? MaskedIin { get; set; }
    /// <summary>The keyed hash of the IIN (<c>SearchHashes</c>, kind "account-iin"), written only by <see cref="AccountIins"/>: who holds an IIN is found without decrypting a row.</summary>
    public string? IinHash { get; set; }
    public string PreferredLanguage { get; set; } = "kk";
    /// <summary>The district a supervisor heads or an inspector serves in; the scope of staff actions.</summary>
    public int? DistrictId { get; set; }
    /// <summary>The officer record a staff account belongs to.</summary>
    public int? OfficerId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// Who looked at whose personal data, when, and why (Law No. 94-V on personal data): a person with an
/// account (<see cref="SubjectUserId"/>), or a record about a person who has none — a file on the
/// preventive register, a domestic-violence case — named by its kind and id.
/// </summary>
public sealed class PersonalDataAccess
{
    public long Id { get; set; }
    public required string ReaderUserId { get; set; }
    public string? SubjectUserId { get; set; }
    public string? RecordKind { get; set; }
    public string? RecordId { get; set; }
    public required string Purpose { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// One sign-in on one device: a browser's cookie or an API client's pair of tokens. The cookie and
/// the tokens carry the session's id, and every request checks the row, so ending a session (signing
/// out, a new password) takes effect at once on every web node that shares the database.
/// </summary>
public sealed class AccountSession
{
    /// <summary>Random, unguessable; it is only ever sent inside the protected cookie or token.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    /// <summary><see cref="AccountSessions.CookieKind"/> or <see cref="AccountSessions.BearerKind"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The account's security stamp when the session opened: a new password or a sign-out changes the account's, and the session ends.</summary>
    public required string SecurityStamp { get; set; }
    /// <summary>How many times the refresh token has been exchanged; only tokens of the current generation are accepted.</summary>
    public int Generation { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    /// <summary>
    /// When the shift of a staff member's session ends (sign-in + <see cref="AccountsOptions.ShiftLength"/>), set when it opens; null for
    /// accounts that work no shifts. Every refresh and cookie renewal reads it instead of joining the account's roles again.
    /// </summary>
    public DateTime? ShiftEndsAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    /// <summary>Why it ended: sign-out, refresh-reuse, unlock…</summary>
    public string? RevokedReason { get; set; }
}

/// <summary>
/// Failed sign-ins to one account from one network (an IPv4 address or an IPv6 /64). Five in a row
/// lock that pair, not the account, so nobody can lock someone else out from elsewhere.
/// </summary>
public sealed class SignInLockout
{
    public required string UserId { get; set; }
    public required string Network { get; set; }
    public int Failures { get; set; }
    public DateTime LastFailureUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
}

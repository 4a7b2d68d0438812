namespace Uchastok.Web.Protocols;

/// <summary>A protocol is a draft until it is signed; a signed protocol never changes (a correction is an addendum).</summary>
public enum ProtocolState { Draft, Signed }

/// <summary>
/// One protocol (C18): its type, who drew it up and where, the document encrypted (ADR 0010), and once
/// signed the hash of its canonical content with the few figures the supervisor's view counts without
/// decrypting anything.
/// </summary>
public sealed class Protocol
{
    public long Id { get; set; }
    /// <summary>The id the tablet gave the item: a retried sync finds this row instead of making a second one.</summary>
    public Guid ClientId { get; set; }
    public required string TypeCode { get; set; }
    public ProtocolState State { get; set; }
    public required string DrafterUserId { get; set; }
    /// <summary>Null for a drafter without an officer record (a juvenile inspector's account).</summary>
    public int? DrafterOfficerId { get; set; }
    public int DistrictId { get; set; }
    public int? BeatId { get; set; }
    /// <summary>The document as JSON, encrypted with <see cref="ProtocolProtection"/>.</summary>
    public required string ProtectedDocument { get; set; }
    /// <summary>Rises with every change; an edit names the version it was made from (concurrency token).</summary>
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SignedAtUtc { get; set; }
    /// <summary>SHA-256 hex of the canonical content (see the module README), set when signed.</summary>
    public string? ContentSha256 { get; set; }
    public int? WitnessCount { get; set; }
    public bool? NothingFound { get; set; }
    public int? ItemCount { get; set; }
    public int? SeizedFirearmCount { get; set; }
}

/// <summary>One signer's mark on a signed protocol: the drawn image (PNG, encrypted) and its SHA-256, or a recorded refusal to sign.</summary>
public sealed class ProtocolSignature
{
    public long Id { get; set; }
    public long ProtocolId { get; set; }
    /// <summary>drafter, person, witness1, witness2, owner, representative.</summary>
    public required string Role { get; set; }
    public byte[]? ProtectedImage { get; set; }
    public string? ImageSha256 { get; set; }
    public bool Refused { get; set; }
    public string? ProtectedRefusalReason { get; set; }
}

/// <summary>A correction after signing: its own text and signature, and a hash chained to the one before it.</summary>
public sealed class ProtocolAddendum
{
    public long Id { get; set; }
    public Guid ClientId { get; set; }
    public long ProtocolId { get; set; }
    public required string ProtectedText { get; set; }
    public required string SignerUserId { get; set; }
    public required byte[] ProtectedSignatureImage { get; set; }
    public required string SignatureSha256 { get; set; }
    /// <summary>The protocol's hash for the first addendum, the previous addendum's after it.</summary>
    public required string PreviousSha256 { get; set; }
    public required string Sha256 { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// One element a refused signing attempt lacked (or one refusal it met): the supervisor's training signal.
/// No personal data, only who, where, which type and which code.
/// </summary>
public sealed class ProtocolSigningRefusal
{
    public long Id { get; set; }
    public Guid AttemptId { get; set; }
    public required string UserId { get; set; }
    public int? OfficerId { get; set; }
    public int DistrictId { get; set; }
    public required string TypeCode { get; set; }
    /// <summary><c>missing</c> or <c>refused</c>: the two kinds of finding may share a code's spelling.</summary>
    public required string Kind { get; set; }
    public required string Code { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>The protocol's clientId (the tablet's id for the item, the same on the sign route and in the sync).</summary>
    public Guid? ClientId { get; set; }
    /// <summary>
    /// The canonical hash of what was refused (type, document, signatures: the hash signing would have stored). With
    /// <see cref="ClientId"/> it names the attempt: the same item sent again unchanged (a sync retry) adds no rows, so a
    /// figure counts each attempt once; changed content under the same clientId is a new attempt. Null on rows written
    /// before the column, and when the content has no canonical form (each such attempt counts).
    /// </summary>
    public string? ContentSha256 { get; set; }
}

/// <summary>The article of an offence the rule set lists without one (ADR 0012 §6), as an administrator set it, with its source.</summary>
public sealed class ProtocolOffenceArticle
{
    public required string OffenceCode { get; set; }
    public required string Article { get; set; }
    public required string Source { get; set; }
    public required string UpdatedByUserId { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

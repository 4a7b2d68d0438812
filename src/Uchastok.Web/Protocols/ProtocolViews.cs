using System.Text.Json;
using System.Text.Json.Nodes;

namespace Uchastok.Web.Protocols;

/// <summary>A new draft: the tablet's id for it, the type, the document, and where it was drawn up (to find the beat), if known.</summary>
public sealed record ProtocolDraftRequest(Guid? ClientId, string? Type, JsonElement? Document, double? Latitude = null, double? Longitude = null);

/// <summary>A draft's new document, with the version it was edited from.</summary>
public sealed record ProtocolEditRequest(int? Version, JsonElement? Document);

/// <summary>One signer's mark: a PNG drawn on the screen (base64), or a refusal to sign with its reason.</summary>
public sealed record ProtocolSignatureRequest(string? Role, string? Image, bool Refused = false, string? Reason = null);

/// <summary>Signing: the signatures, the hash the tablet computed and shows, and optionally the version signed.</summary>
public sealed record ProtocolSignRequest(IReadOnlyList<ProtocolSignatureRequest>? Signatures, string? Sha256, int? Version = null);

/// <summary>A correction after signing, with the tablet's id for it and the drafter's signature (PNG, base64).</summary>
public sealed record ProtocolAddendumRequest(Guid? ClientId, string? Text, string? Signature);

/// <summary>An offence's article as the administrator sets it, with where it comes from.</summary>
public sealed record OffenceArticleRequest(string? Article, string? Source);

/// <summary>One item queued offline: a <c>draft</c>, a <c>signed</c> protocol or an <c>addendum</c> (to the protocol named by <see cref="ProtocolClientId"/>).</summary>
public sealed record ProtocolSyncItem(
    string? Kind, Guid? ClientId, string? Type = null, JsonElement? Document = null, int? BaseVersion = null,
    IReadOnlyList<ProtocolSignatureRequest>? Signatures = null, string? Sha256 = null, Guid? ProtocolClientId = null, string? Text = null,
    string? Signature = null, double? Latitude = null, double? Longitude = null);

public sealed record ProtocolSyncRequest(IReadOnlyList<ProtocolSyncItem>? Items);

/// <summary>
/// How one synced item ended: <c>created</c>, <c>updated</c>, <c>signed</c>, <c>exists</c> (the same clientId was
/// already there: the same protocol as the first answer), <c>conflict</c> (the server's version moved since the
/// item's base; <see cref="Server"/> shows it), <c>refused</c> (<see cref="Errors"/> names every missing element)
/// or <c>invalid</c>.
/// </summary>
public sealed record ProtocolSyncOutcome(
    Guid? ClientId, string Outcome, long? Id = null, int? Version = null, string? Sha256 = null,
    IReadOnlyDictionary<string, string[]>? Errors = null, ProtocolView? Server = null);

public sealed record ProtocolSyncResponse(IReadOnlyList<ProtocolSyncOutcome> Items);

/// <summary>A protocol in a list: figures and state, no names of people (the drafter is named by his account and officer ids).</summary>
public sealed record ProtocolSummary(
    long Id, Guid ClientId, string Type, string State, int Version, int DistrictId, int? BeatId, int? DrafterOfficerId,
    DateTime CreatedAtUtc, DateTime UpdatedAtUtc, DateTime? SignedAtUtc, string? Sha256, int? WitnessCount, bool? NothingFound, int? ItemCount, int? SeizedFirearmCount,
    string DrafterUserId);

public sealed record ProtocolListPage(IReadOnlyList<ProtocolSummary> Items, long? Next);

public sealed record ProtocolSignatureView(string Role, string? Image, string? ImageSha256, bool Refused, string? Reason);

public sealed record ProtocolAddendumView(long Id, Guid ClientId, string Text, string SignatureSha256, string PreviousSha256, string Sha256, DateTime AtUtc);

/// <summary>A protocol in full: its summary, the document, the signatures and the addenda.</summary>
public sealed record ProtocolView(ProtocolSummary Protocol, JsonObject Document, IReadOnlyList<ProtocolSignatureView> Signatures, IReadOnlyList<ProtocolAddendumView> Addenda);

/// <summary>The drafter as the protocol names him: what the tablet puts into its document (all three) before hashing.</summary>
public sealed record ProtocolDrafterView(string Position, string SurnameInitials, string PositionCode);

/// <summary>What the tablet needs offline: the merged rule set, the texts of its codes in the reader's language, and the drafter's record.</summary>
public sealed record ProtocolRulesView(JsonObject RuleSet, ProtocolTexts Texts, ProtocolDrafterView? Drafter);

public sealed record ProtocolOfficerTypeCount(int? OfficerId, string UserId, string Type, int Drafts, int Signed);

public sealed record ProtocolRefusalCount(string Kind, string Code, int Count);

/// <summary>
/// The supervisor's view of a district; <see cref="SignedSearchesWithoutTwoWitnessSignatures"/> (signed personal searches
/// lacking a drawn signature of either witness) must stay 0.
/// </summary>
public sealed record ProtocolStatsView(int DistrictId, IReadOnlyList<ProtocolOfficerTypeCount> PerOfficer, IReadOnlyList<ProtocolRefusalCount> Refusals, int SignedSearchesWithoutTwoWitnessSignatures);

using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Protocols;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Protocols;

/// <summary>How a protocol command ended.</summary>
public enum ProtocolOutcome { Created, Exists, Updated, Signed, Conflict, Refused, Invalid, NotFound, Forbidden }

/// <summary>A command's outcome, the protocol it concerns (when the caller may know of it) and the problems field by field.</summary>
public sealed record ProtocolCommandResult(ProtocolOutcome Outcome, Protocol? Protocol, FieldErrors Errors)
{
    public static ProtocolCommandResult Of(ProtocolOutcome outcome, Protocol? protocol = null) => new(outcome, protocol, new FieldErrors());
}

/// <summary>
/// The protocols (C18): drafting, editing a draft, signing (the rules evaluated here, with the facts only the
/// server has), addenda, the lists and the supervisor's figures. One writer of the <c>protocols_*</c> tables.
/// </summary>
public sealed class ProtocolRegister(
    UchastokDbContext db, ProtocolProtection protection, ProtocolFacts facts, ProtocolRuleSource rules, TerritoryQueries territory,
    PersonalDataLog log, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const int MaxDocumentBytes = 256 * 1024;
    public const int MaxImageBytes = 64 * 1024;
    public const int MaxReasonLength = 2000;
    public const int MaxAddendumLength = 10000;
    public const int DefaultPage = 50;
    public const int MaxPage = 200;
    /// <summary>The kind under which reads of a protocol go to the personal-data log.</summary>
    public const string RecordKind = "protocol";

    public async Task<ProtocolCommandResult> DraftAsync(ClaimsPrincipal user, ProtocolDraftRequest input, CancellationToken cancellationToken = default)
    {
        if (!ProtocolScope.MayDraft(user))
            return ProtocolCommandResult.Of(user.IsInRole(Roles.Admin) ? ProtocolOutcome.Forbidden : ProtocolOutcome.NotFound);
        var errors = new FieldErrors();
        if (input.ClientId is not { } clientId || clientId == Guid.Empty) errors.Add("clientId", localizer["Protocol.ClientIdRequired"]);
        var type = Type(input.Type, errors);
        CheckDocument(input.Document, errors);
        if (errors.Count > 0) return new(ProtocolOutcome.Invalid, null, errors);

        var existing = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == input.ClientId!.Value, cancellationToken);
        if (existing is not null) return Again(user, existing);

        var drafter = await facts.DrafterAsync(ProtocolScope.UserId(user), cancellationToken);
        if (drafter is null) return ProtocolCommandResult.Of(ProtocolOutcome.NotFound);
        var protocol = await NewDraftAsync(drafter, input.ClientId!.Value, type!, ProtocolContent.Stored(input.Document!.Value, drafter), input.Latitude, input.Longitude, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same clientId arrived twice at once: the first one made it, this one answers it.
            db.ChangeTracker.Clear();
            var made = await db.Protocols.AsNoTracking().SingleAsync(p => p.ClientId == input.ClientId!.Value, cancellationToken);
            return Again(user, made);
        }
        return ProtocolCommandResult.Of(ProtocolOutcome.Created, protocol);
    }

    /// <summary>A new draft, added to the unit of work (not saved); its beat is the one the place falls on, if in the drafter's district.</summary>
    internal async Task<Protocol> NewDraftAsync(DrafterFacts drafter, Guid clientId, string type, JsonObject stored, double? latitude, double? longitude, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var beat = latitude is { } lat && longitude is { } lon ? await territory.LocateAsync(lat, lon, cancellationToken) : null;
        var protocol = new Protocol
        {
            ClientId = clientId, TypeCode = type, State = ProtocolState.Draft, DrafterUserId = drafter.UserId, DrafterOfficerId = drafter.OfficerId,
            DistrictId = drafter.DistrictId, BeatId = beat?.DistrictId == drafter.DistrictId ? beat.Id : null,
            ProtectedDocument = protection.ProtectText(stored.ToJsonString()), Version = 1, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Protocols.Add(protocol);
        return protocol;
    }

    /// <summary>The stored document of a protocol, decrypted.</summary>
    internal JsonObject Document(Protocol protocol) => JsonNode.Parse(protection.UnprotectText(protocol.ProtectedDocument))!.AsObject();

    /// <summary>Replaces a draft's document (tracked, not saved) and raises its version.</summary>
    internal void Replace(Protocol protocol, JsonObject stored)
    {
        protocol.ProtectedDocument = protection.ProtectText(stored.ToJsonString());
        protocol.Version++;
        protocol.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>The answer to a clientId seen before: the drafter's own protocol as it is; anyone else's is a clientId taken.</summary>
    internal ProtocolCommandResult Again(ClaimsPrincipal user, Protocol existing)
    {
        if (ProtocolScope.IsDrafter(user, existing)) return ProtocolCommandResult.Of(ProtocolOutcome.Exists, existing);
        var errors = new FieldErrors();
        errors.Add("clientId", localizer["Protocol.ClientIdTaken"]);
        return new(ProtocolOutcome.Invalid, null, errors);
    }

    public async Task<ProtocolCommandResult> EditAsync(ClaimsPrincipal user, long id, ProtocolEditRequest input, CancellationToken cancellationToken = default)
    {
        var protocol = await db.Protocols.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (WriteAccess(user, protocol) is { } refused) return refused;
        if (protocol!.State == ProtocolState.Signed) return ProtocolCommandResult.Of(ProtocolOutcome.Conflict, protocol);
        var errors = new FieldErrors();
        if (input.Version is null) errors.Add("version", localizer["Protocol.VersionRequired"]);
        CheckDocument(input.Document, errors);
        if (errors.Count > 0) return new(ProtocolOutcome.Invalid, protocol, errors);
        if (input.Version != protocol.Version) return ProtocolCommandResult.Of(ProtocolOutcome.Conflict, protocol);
        var drafter = await facts.DrafterAsync(protocol.DrafterUserId, cancellationToken);
        if (drafter is null) return ProtocolCommandResult.Of(ProtocolOutcome.NotFound);
        Replace(protocol, ProtocolContent.Stored(input.Document!.Value, drafter));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ProtocolCommandResult.Of(ProtocolOutcome.Conflict, await db.Protocols.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken));
        }
        return ProtocolCommandResult.Of(ProtocolOutcome.Updated, protocol);
    }

    /// <summary>
    /// Signs a draft: the signatures are checked, the rules are evaluated here on the stored document with the
    /// server's facts, and the hash the tablet computed must equal this one. A refusal names every missing
    /// element and writes one refusal row per code; a signed protocol answers 409 to anything but the same signing again (same hash).
    /// </summary>
    public async Task<ProtocolCommandResult> SignAsync(ClaimsPrincipal user, long id, ProtocolSignRequest input, CancellationToken cancellationToken = default)
    {
        var protocol = await db.Protocols.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (WriteAccess(user, protocol) is { } refused) return refused;
        if (protocol!.State == ProtocolState.Signed)
        {
            // A retry of the signing that made it (the answer was lost) gets that answer again; anything else is a change.
            return string.Equals(protocol.ContentSha256, input.Sha256?.Trim(), StringComparison.OrdinalIgnoreCase)
                ? ProtocolCommandResult.Of(ProtocolOutcome.Signed, protocol)
                : ProtocolCommandResult.Of(ProtocolOutcome.Conflict, protocol);
        }
        if (input.Version is { } version && version != protocol.Version) return ProtocolCommandResult.Of(ProtocolOutcome.Conflict, protocol);
        var document = Document(protocol);
        var signing = await PrepareSigningAsync(protocol, document, input.Signatures, input.Sha256, await rules.CurrentAsync(cancellationToken),
            await facts.PoliceAsync([JsonSerializer.SerializeToElement(document)], cancellationToken), cancellationToken);
        if (signing.Refusals.Count > 0)
        {
            db.ChangeTracker.Clear();
            await RecordRefusalsAsync(signing.Refusals, cancellationToken);
        }
        if (signing.Outcome != ProtocolOutcome.Signed) return new(signing.Outcome, protocol, signing.Errors);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ProtocolCommandResult.Of(ProtocolOutcome.Conflict, await db.Protocols.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken));
        }
        return ProtocolCommandResult.Of(ProtocolOutcome.Signed, protocol);
    }

    /// <summary>
    /// Writes a refused attempt's rows, unless the same attempt — the same clientId with the same content hash — was
    /// recorded already: a tablet retrying a refused sync item (or a client retrying the sign route) must not count
    /// twice in the supervisor's figures. Changed content is a new hash, so a new attempt, and counts.
    /// </summary>
    internal async Task RecordRefusalsAsync(IReadOnlyList<ProtocolSigningRefusal> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var attempt = rows[0];
        if (attempt.ContentSha256 is { } hash
            && await db.ProtocolSigningRefusals.AnyAsync(r => r.ClientId == attempt.ClientId && r.ContentSha256 == hash, cancellationToken))
            return;
        db.ProtocolSigningRefusals.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // A retry of the same attempt running beside this one wrote its rows first: they are this attempt's.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>What signing decided: signed (the tracked protocol changed and its signatures added, not yet saved), or refused with the rows to record.</summary>
    internal sealed record Signing(ProtocolOutcome Outcome, FieldErrors Errors, IReadOnlyList<ProtocolSigningRefusal> Refusals);

    /// <summary>
    /// Decides a signing on a tracked draft whose stored document is <paramref name="document"/>. Nothing is saved:
    /// the caller saves the signed protocol, or the refusal rows alone, in the transaction it keeps.
    /// </summary>
    internal async Task<Signing> PrepareSigningAsync(
        Protocol protocol, JsonObject document, IReadOnlyList<ProtocolSignatureRequest>? signatureInput, string? clientSha256,
        ProtocolRules current, PoliceDirectory police, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var signatures = Signatures(signatureInput, errors);
        if (string.IsNullOrWhiteSpace(clientSha256)) errors.Add("sha256", localizer["Protocol.HashRequired"]);
        if (errors.Count > 0) return new(ProtocolOutcome.Invalid, errors, []);

        var drafter = await facts.DrafterAsync(protocol.DrafterUserId, cancellationToken);
        if (drafter is null) return new(ProtocolOutcome.NotFound, errors, []);
        // The drafter is named from his record at signing too: a draft made before a change of position is signed with the position of today.
        var stored = ProtocolContent.Stored(JsonSerializer.SerializeToElement(document), drafter);
        var content = ProtocolChecks.Evaluate(current.RuleSet, protocol.TypeCode, ProtocolContent.ForEvaluation(stored, drafter, police.Witnesses(stored)));
        // The hash is taken before the rules decide: a refusal records it (with the clientId) to know the same attempt again.
        string? hash = null;
        NotCanonicalException? notCanonical = null;
        try
        {
            hash = ProtocolContent.Hash(protocol.TypeCode, stored, signatures.Select(s => s.Content));
        }
        catch (NotCanonicalException e)
        {
            notCanonical = e;
        }
        // Who must sign is the rule set's too (signers.required), judged on the signatures as hashed, as the tablet judges them.
        var signers = ProtocolChecks.EvaluateSignatures(current.RuleSet, protocol.TypeCode, ProtocolContent.SignaturesForEvaluation(signatures.Select(s => s.Content)));
        var result = new ProtocolCheckResult([.. content.Missing, .. signers.Missing], [.. content.Refused, .. signers.Refused.Except(content.Refused)]);
        if (!result.MaySign)
        {
            foreach (var missing in result.Missing) errors.Add(Field(missing.Path, missing.Code), localizer[$"Protocol.Missing.{missing.Code}"]);
            foreach (var refusal in result.Refused) errors.Add(Field(refusal.Path, refusal.Code), localizer[$"Protocol.Refused.{refusal.Code}"]);
            var attempt = Guid.NewGuid();
            var at = clock.GetUtcNow().UtcDateTime;
            var rows = result.Missing.Select(m => ("missing", m.Code)).Concat(result.Refused.Select(r => ("refused", r.Code))).Distinct()
                .Select(f => new ProtocolSigningRefusal
                {
                    AttemptId = attempt, UserId = protocol.DrafterUserId, OfficerId = protocol.DrafterOfficerId, DistrictId = protocol.DistrictId,
                    TypeCode = protocol.TypeCode, Kind = f.Item1, Code = f.Code, AtUtc = at, ClientId = protocol.ClientId, ContentSha256 = hash,
                }).ToList();
            return new(ProtocolOutcome.Refused, errors, rows);
        }
        if (hash is null)
        {
            // The document was checked when saved; what is left is a refusal's reason the canonical form cannot hold (a lone surrogate).
            errors.Add("signatures", localizer["Protocol.DocumentNotCanonical", notCanonical!.Message]);
            return new(ProtocolOutcome.Invalid, errors, []);
        }
        if (!string.Equals(hash, clientSha256!.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("sha256", localizer["Protocol.HashMismatch", hash]);
            return new(ProtocolOutcome.Invalid, errors, []);
        }

        var figures = ProtocolContent.Figures(stored);
        protocol.ProtectedDocument = protection.ProtectText(stored.ToJsonString());
        protocol.State = ProtocolState.Signed;
        protocol.SignedAtUtc = protocol.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        protocol.ContentSha256 = hash;
        (protocol.WitnessCount, protocol.NothingFound, protocol.ItemCount, protocol.SeizedFirearmCount) = figures;
        protocol.Version++;
        foreach (var signature in signatures)
            db.ProtocolSignatures.Add(new ProtocolSignature
            {
                ProtocolId = protocol.Id, Role = signature.Content.Role, ProtectedImage = signature.Image is null ? null : protection.ProtectImage(signature.Image),
                ImageSha256 = signature.Content.ImageSha256, Refused = signature.Content.Refused,
                ProtectedRefusalReason = signature.Content.Reason is null ? null : protection.ProtectText(signature.Content.Reason),
            });
        return new(ProtocolOutcome.Signed, errors, []);
    }

    /// <summary>A finding's field: its element's path (<c>witnesses[1]</c>), or its code for the document itself (<c>witnesses.count</c>).</summary>
    private static string Field(string path, string code) => path.Length == 0 ? code : path;

    private sealed record SignatureInput(SignatureContent Content, byte[]? Image);

    private List<SignatureInput> Signatures(IReadOnlyList<ProtocolSignatureRequest>? input, FieldErrors errors)
    {
        var result = new List<SignatureInput>();
        var index = 0;
        foreach (var signature in input ?? [])
        {
            var field = $"signatures[{index++}]";
            var role = signature.Role?.Trim();
            if (role is null || !ProtocolContent.SignerRoles.Contains(role)) { errors.Add(field, localizer["Protocol.SignatureRole"]); continue; }
            if (result.Any(s => s.Content.Role == role)) { errors.Add(field, localizer["Protocol.SignatureRepeated"]); continue; }
            if (signature.Refused)
            {
                // Only the size is judged here. Who may refuse, and that a refusal has its reason, are the signer rules'
                // (EvaluateSignatures): they name the field the tablet shows (signature.<role>) and leave a refusal row.
                var reason = signature.Reason?.Trim() ?? "";
                if (reason.Length > MaxReasonLength) errors.Add(field, localizer["Protocol.SignatureReasonRequired", MaxReasonLength]);
                else result.Add(new(new SignatureContent(role, null, true, reason), null));
                continue;
            }
            var image = Png(signature.Image);
            if (image is null) { errors.Add(field, localizer["Protocol.SignatureImage", MaxImageBytes / 1024]); continue; }
            result.Add(new(new SignatureContent(role, ProtocolContent.ImageSha256(image), false, null), image));
        }
        // A missing signer (the drafter's own signature too) is not judged here either: the signer rules name him.
        return result;
    }

    /// <summary>The PNG bytes of a base64 text (a <c>data:image/png;base64,</c> prefix allowed), or null when it is not a PNG of the allowed size.</summary>
    public static byte[]? Png(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        var text = base64.Trim();
        const string prefix = "data:image/png;base64,";
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) text = text[prefix.Length..];
        if (text.Length > (MaxImageBytes + 2) / 3 * 4) return null;
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var length)) return null;
        var bytes = buffer[..length];
        return bytes.Length <= MaxImageBytes && ProtocolContent.IsPng(bytes) ? bytes : null;
    }

    public async Task<(ProtocolOutcome Outcome, ProtocolAddendum? Addendum, FieldErrors Errors)> AddAddendumAsync(
        ClaimsPrincipal user, long id, ProtocolAddendumRequest input, CancellationToken cancellationToken = default)
    {
        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (WriteAccess(user, protocol) is { } refused) return (refused.Outcome, null, refused.Errors);
        var errors = new FieldErrors();
        if (input.ClientId is not { } clientId || clientId == Guid.Empty) errors.Add("clientId", localizer["Protocol.ClientIdRequired"]);
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxAddendumLength) errors.Add("text", localizer["Protocol.AddendumText", MaxAddendumLength]);
        var image = Png(input.Signature);
        if (image is null) errors.Add("signature", localizer["Protocol.SignatureImage", MaxImageBytes / 1024]);
        if (errors.Count > 0) return (ProtocolOutcome.Invalid, null, errors);

        var existing = await db.ProtocolAddenda.AsNoTracking().SingleOrDefaultAsync(a => a.ClientId == input.ClientId!.Value, cancellationToken);
        if (existing is not null)
        {
            if (existing.ProtocolId == protocol!.Id) return (ProtocolOutcome.Exists, existing, errors);
            errors.Add("clientId", localizer["Protocol.ClientIdTaken"]);
            return (ProtocolOutcome.Invalid, null, errors);
        }
        if (protocol!.State != ProtocolState.Signed) return (ProtocolOutcome.Conflict, null, errors);
        var previous = await db.ProtocolAddenda.AsNoTracking().Where(a => a.ProtocolId == id).OrderByDescending(a => a.Id)
            .Select(a => a.Sha256).FirstOrDefaultAsync(cancellationToken) ?? protocol.ContentSha256!;
        var signatureHash = ProtocolContent.ImageSha256(image!);
        var addendum = new ProtocolAddendum
        {
            ClientId = input.ClientId!.Value, ProtocolId = id, ProtectedText = protection.ProtectText(text!), SignerUserId = ProtocolScope.UserId(user),
            ProtectedSignatureImage = protection.ProtectImage(image!), SignatureSha256 = signatureHash, PreviousSha256 = previous,
            Sha256 = ProtocolContent.AddendumHash(previous, text!, signatureHash), AtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ProtocolAddenda.Add(addendum);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            var made = await db.ProtocolAddenda.AsNoTracking().SingleAsync(a => a.ClientId == input.ClientId!.Value, cancellationToken);
            return (ProtocolOutcome.Exists, made, errors);
        }
        return (ProtocolOutcome.Created, addendum, errors);
    }

    /// <summary>Null when the caller may change the protocol (he drew it up); otherwise 404 to whoever may not see it, 403 to a reader.</summary>
    private static ProtocolCommandResult? WriteAccess(ClaimsPrincipal user, Protocol? protocol)
    {
        if (protocol is null || !ProtocolScope.MayRead(user, protocol)) return ProtocolCommandResult.Of(ProtocolOutcome.NotFound);
        return ProtocolScope.IsDrafter(user, protocol) ? null : ProtocolCommandResult.Of(ProtocolOutcome.Forbidden);
    }

    internal string? Type(string? code, FieldErrors errors)
    {
        var type = code?.Trim();
        if (type is null || !ProtocolRuleSet.Default.Types.ContainsKey(type))
        {
            errors.Add("type", localizer[$"Protocol.Refused.{ProtocolChecks.UnknownType}"]);
            return null;
        }
        return type;
    }

    internal void CheckDocument(JsonElement? document, FieldErrors errors)
    {
        if (document is not { ValueKind: JsonValueKind.Object } value) { errors.Add("document", localizer["Protocol.DocumentRequired"]); return; }
        if (value.GetRawText().Length > MaxDocumentBytes) { errors.Add("document", localizer["Protocol.DocumentTooLarge", MaxDocumentBytes / 1024]); return; }
        try
        {
            // A document the canonical hash would refuse at signing is refused now, while the inspector can still fix it.
            ProtocolCanonical.Json(value);
        }
        catch (NotCanonicalException e)
        {
            errors.Add("document", localizer["Protocol.DocumentNotCanonical", e.Message]);
        }
    }

    /// <summary>
    /// The protocols the caller may read, newest first, a page at a time (keyset on the id), of one district and
    /// one drafter (his account id) when given. Null when he may read none.
    /// </summary>
    public async Task<ProtocolListPage?> ListAsync(ClaimsPrincipal user, int? districtId, long? after, int take, string? drafterUserId = null, CancellationToken cancellationToken = default)
    {
        var query = InScope(user);
        if (query is null) return null;
        if (districtId is { } district) query = query.Where(p => p.DistrictId == district);
        if (!string.IsNullOrEmpty(drafterUserId)) query = query.Where(p => p.DrafterUserId == drafterUserId);
        if (after is { } last) query = query.Where(p => p.Id < last);
        var size = Math.Clamp(take, 1, MaxPage);
        var rows = await query.OrderByDescending(p => p.Id).Take(size + 1).ToListAsync(cancellationToken);
        var page = rows.Take(size).Select(Summary).ToList();
        return new ProtocolListPage(page, rows.Count > size ? page[^1].Id : null);
    }

    private IQueryable<Protocol>? InScope(ClaimsPrincipal user)
    {
        var query = db.Protocols.AsNoTracking();
        if (user.IsInRole(Roles.Admin)) return query;
        var userId = ProtocolScope.UserIdOrNull(user);
        if (userId is null) return null;
        if (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) is { } district) return query.Where(p => p.DistrictId == district || p.DrafterUserId == userId);
        return ProtocolScope.MayDraft(user) ? query.Where(p => p.DrafterUserId == userId) : null;
    }

    public static ProtocolSummary Summary(Protocol p) => new(
        p.Id, p.ClientId, p.TypeCode, p.State.ToString(), p.Version, p.DistrictId, p.BeatId, p.DrafterOfficerId, p.CreatedAtUtc, p.UpdatedAtUtc, p.SignedAtUtc,
        p.ContentSha256, p.WitnessCount, p.NothingFound, p.ItemCount, p.SeizedFirearmCount, p.DrafterUserId);

    /// <summary>A protocol in full for whoever may read it, the read logged with its purpose; null (404) for anyone else.</summary>
    public async Task<ProtocolView?> ReadAsync(ClaimsPrincipal user, long id, string purpose, CancellationToken cancellationToken = default)
    {
        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (protocol is null || !ProtocolScope.MayRead(user, protocol)) return null;
        await log.RecordReadAsync(ProtocolScope.UserId(user), new PersonalRecord(RecordKind, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), purpose, cancellationToken);
        return await ViewAsync(protocol, cancellationToken);
    }

    /// <summary>The full view without access check or log: for the caller that has done both.</summary>
    internal async Task<ProtocolView> ViewAsync(Protocol protocol, CancellationToken cancellationToken)
    {
        var signatures = await db.ProtocolSignatures.AsNoTracking().Where(s => s.ProtocolId == protocol.Id).ToListAsync(cancellationToken);
        var addenda = await db.ProtocolAddenda.AsNoTracking().Where(a => a.ProtocolId == protocol.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return new ProtocolView(
            Summary(protocol),
            JsonNode.Parse(protection.UnprotectText(protocol.ProtectedDocument))!.AsObject(),
            signatures.OrderBy(s => Array.IndexOf(ProtocolContent.SignerRoles, s.Role)).Select(s => new ProtocolSignatureView(
                s.Role, s.ProtectedImage is null ? null : Convert.ToBase64String(protection.UnprotectImage(s.ProtectedImage)), s.ImageSha256, s.Refused,
                s.ProtectedRefusalReason is null ? null : protection.UnprotectText(s.ProtectedRefusalReason))).ToList(),
            addenda.Select(a => new ProtocolAddendumView(a.Id, a.ClientId, protection.UnprotectText(a.ProtectedText), a.SignatureSha256, a.PreviousSha256, a.Sha256, a.AtUtc)).ToList());
    }

    /// <summary>The signature images of a protocol, decrypted, by role: for the printed copy.</summary>
    internal async Task<IReadOnlyDictionary<string, byte[]>> SignatureImagesAsync(long id, CancellationToken cancellationToken) =>
        (await db.ProtocolSignatures.AsNoTracking().Where(s => s.ProtocolId == id && s.ProtectedImage != null).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Role, s => protection.UnprotectImage(s.ProtectedImage!), StringComparer.Ordinal);

    /// <summary>The supervisor's figures for a district, all counted from the stored rows.</summary>
    public async Task<ProtocolStatsView> StatsAsync(int districtId, CancellationToken cancellationToken = default)
    {
        var perOfficer = await db.Protocols.AsNoTracking().Where(p => p.DistrictId == districtId)
            .GroupBy(p => new { p.DrafterOfficerId, p.DrafterUserId, p.TypeCode })
            .Select(g => new ProtocolOfficerTypeCount(g.Key.DrafterOfficerId, g.Key.DrafterUserId, g.Key.TypeCode,
                g.Count(p => p.State == ProtocolState.Draft), g.Count(p => p.State == ProtocolState.Signed)))
            .ToListAsync(cancellationToken);
        var refusals = await db.ProtocolSigningRefusals.AsNoTracking().Where(r => r.DistrictId == districtId)
            .GroupBy(r => new { r.Kind, r.Code }).Select(g => new ProtocolRefusalCount(g.Key.Kind, g.Key.Code, g.Count()))
            .ToListAsync(cancellationToken);
        // The figure counts what the witnesses signed, not how many the document lists: a signed search without both
        // witnesses' drawn signatures (a refusal or a missing row has no image) is what art. 791 p. 6 forbids.
        var withoutWitnesses = await db.Protocols.AsNoTracking().CountAsync(p => p.DistrictId == districtId && p.TypeCode == PersonalSearch
            && p.State == ProtocolState.Signed
            && db.ProtocolSignatures.Count(s => s.ProtocolId == p.Id && (s.Role == Witness1 || s.Role == Witness2) && !s.Refused && s.ImageSha256 != null) < 2,
            cancellationToken);
        return new ProtocolStatsView(districtId,
            perOfficer.OrderBy(r => r.OfficerId).ThenBy(r => r.UserId, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal).ToList(),
            refusals.OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(), withoutWitnesses);
    }

    public const string PersonalSearch = "personal-search";
    private const string Witness1 = "witness1";
    private const string Witness2 = "witness2";

    /// <summary>Sets an offence's article and its source (administrator); the offence must be in the rule set.</summary>
    public async Task<FieldErrors?> SetOffenceArticleAsync(ClaimsPrincipal user, string code, OffenceArticleRequest input, CancellationToken cancellationToken = default)
    {
        if (!ProtocolRuleSet.Default.Lists[ProtocolRuleSource.OffencesList].Entries.Any(e => e.Code == code)) return null;
        var errors = new FieldErrors();
        var article = input.Article?.Trim();
        var source = input.Source?.Trim();
        if (string.IsNullOrEmpty(article) || article.Length > 200) errors.Add("article", localizer["Protocol.ArticleRequired"]);
        if (string.IsNullOrEmpty(source) || source.Length > 1000) errors.Add("source", localizer["Protocol.ArticleSourceRequired"]);
        if (errors.Count > 0) return errors;
        var row = await db.ProtocolOffenceArticles.SingleOrDefaultAsync(a => a.OffenceCode == code, cancellationToken);
        if (row is null)
        {
            row = new ProtocolOffenceArticle { OffenceCode = code, Article = article!, Source = source!, UpdatedByUserId = ProtocolScope.UserId(user) };
            db.ProtocolOffenceArticles.Add(row);
        }
        row.Article = article!;
        row.Source = source!;
        row.UpdatedByUserId = ProtocolScope.UserId(user);
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}

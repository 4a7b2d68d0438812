using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Protocols;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Protocols;

/// <summary>
/// The tablet's queue, synchronised (issue 18): each item answered on its own, in its own transaction, so
/// one bad item does not sink the batch. An item is known by its clientId: sent again, it finds what the
/// first sending made. An edit carries the version it was made from; if the server's moved since, the item
/// is a conflict and the server's version is shown, never merged.
/// </summary>
public sealed class ProtocolSync(
    UchastokDbContext db, ProtocolRegister register, ProtocolFacts facts, ProtocolRuleSource rules, PersonalDataLog log, IStringLocalizer<SharedResource> localizer)
{
    public const int MaxItems = 500;
    /// <summary>500 items with a document and a few canvas signatures (a few KB each) fit; a queue heavier than this goes in more than one batch.</summary>
    public const long MaxBodyBytes = 32L * 1024 * 1024;

    public const string Draft = "draft", Signed = "signed", Addendum = "addendum";

    public async Task<ProtocolSyncResponse> SyncAsync(ClaimsPrincipal user, IReadOnlyList<ProtocolSyncItem> items, CancellationToken cancellationToken = default)
    {
        var drafter = await facts.DrafterAsync(ProtocolScope.UserId(user), cancellationToken);
        // Read once per batch: the rule set with its articles and the police directory do not change between items.
        var current = await rules.CurrentAsync(cancellationToken);
        // Only signed items are checked against the police; their witnesses' IINs are asked about in one go.
        var police = await facts.PoliceAsync(items.Where(i => i.Kind == Signed && i.Document is not null).Select(i => i.Document!.Value), cancellationToken);
        // One query finds which clientIds the server has already: a queue of new items then costs no look-up each.
        // One made by another request in the meantime is caught by the unique index and answered as already there.
        var sent = items.Where(i => i.ClientId is not null).Select(i => i.ClientId!.Value).Distinct().ToList();
        var known = new HashSet<Guid>();
        foreach (var chunk in sent.Chunk(500))
            known.UnionWith(await db.Protocols.AsNoTracking().Where(p => chunk.Contains(p.ClientId)).Select(p => p.ClientId).ToListAsync(cancellationToken));
        var outcomes = new List<ProtocolSyncOutcome>(items.Count);
        foreach (var item in items)
        {
            db.ChangeTracker.Clear();
            var outcome = drafter is null ? new(item.ClientId, "notFound") : await ItemAsync(user, drafter, item, known, current, police, cancellationToken);
            // A later item of the same batch may edit or sign what this one made.
            if (outcome.Id is not null && item.ClientId is { } made) known.Add(made);
            outcomes.Add(outcome);
        }
        db.ChangeTracker.Clear();
        return new ProtocolSyncResponse(outcomes);
    }

    private async Task<ProtocolSyncOutcome> ItemAsync(
        ClaimsPrincipal user, DrafterFacts drafter, ProtocolSyncItem item, HashSet<Guid> known, ProtocolRules current, PoliceDirectory police, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case Addendum:
                return await AddendumAsync(user, item, cancellationToken);
            case Draft or Signed:
                break;
            default:
                var errors = new FieldErrors();
                errors.Add("kind", localizer["Protocol.SyncKind"]);
                return Invalid(item, errors);
        }

        var problems = new FieldErrors();
        if (item.ClientId is not { } clientId || clientId == Guid.Empty) problems.Add("clientId", localizer["Protocol.ClientIdRequired"]);
        var type = register.Type(item.Type, problems);
        register.CheckDocument(item.Document, problems);
        if (problems.Count > 0) return Invalid(item, problems);
        var stored = ProtocolContent.Stored(item.Document!.Value, drafter);

        var existing = known.Contains(item.ClientId!.Value)
            ? await db.Protocols.SingleOrDefaultAsync(p => p.ClientId == item.ClientId!.Value, cancellationToken)
            : null;
        if (existing is not null)
        {
            if (!ProtocolScope.IsDrafter(user, existing)) return Invalid(item, register.Again(user, existing).Errors);
            if (existing.TypeCode != type) return await ConflictAsync(user, item, existing, cancellationToken);
        }

        if (item.Kind == Draft)
        {
            if (existing is null)
            {
                await register.NewDraftAsync(drafter, item.ClientId!.Value, type!, stored, item.Latitude, item.Longitude, cancellationToken);
                return await SavedAsync(user, item, "created", cancellationToken);
            }
            if (existing.State == ProtocolState.Signed) return await ConflictAsync(user, item, existing, cancellationToken);
            // The same content again (a retry, whatever its base) is the item already there; other content from a base
            // that is not the server's version (or from none: the tablet never saw this one) is a conflict.
            if (Same(register.Document(existing), stored)) return Known(item, existing);
            if (item.BaseVersion != existing.Version) return await ConflictAsync(user, item, existing, cancellationToken);
            register.Replace(existing, stored);
            return await SavedAsync(user, item, "updated", cancellationToken);
        }

        if (existing is { State: ProtocolState.Signed })
            return string.Equals(existing.ContentSha256, item.Sha256?.Trim(), StringComparison.OrdinalIgnoreCase)
                ? Known(item, existing)
                : await ConflictAsync(user, item, existing, cancellationToken);
        if (existing is not null && item.BaseVersion != existing.Version && !Same(register.Document(existing), stored))
            return await ConflictAsync(user, item, existing, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Protocol protocol;
        if (existing is null)
        {
            protocol = await register.NewDraftAsync(drafter, item.ClientId!.Value, type!, stored, item.Latitude, item.Longitude, cancellationToken);
            if (await SaveAsync(cancellationToken) is not null)
            {
                // Another request made the same clientId between the look-up and here: this item answers what it made.
                await transaction.RollbackAsync(cancellationToken);
                return await AgainAsync(user, item, cancellationToken);
            }
        }
        else protocol = existing;
        var signing = await register.PrepareSigningAsync(protocol, stored, item.Signatures, item.Sha256, current, police, cancellationToken);
        if (signing.Outcome != ProtocolOutcome.Signed)
        {
            // Nothing of a refused item stays but the refusal rows: the tablet keeps the protocol and sends it again once complete.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            // The same item sent again unchanged after its refusal adds no rows (RecordRefusalsAsync): it is one attempt.
            await register.RecordRefusalsAsync(signing.Refusals, cancellationToken);
            return new(item.ClientId, signing.Outcome == ProtocolOutcome.Refused ? "refused" : "invalid", Errors: signing.Errors);
        }
        if (await SaveAsync(cancellationToken) is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var now = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == item.ClientId!.Value, cancellationToken);
            return now is null ? Invalid(item, []) : await ConflictAsync(user, item, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new(item.ClientId, "signed", protocol.Id, protocol.Version, protocol.ContentSha256);
    }

    private async Task<ProtocolSyncOutcome> AddendumAsync(ClaimsPrincipal user, ProtocolSyncItem item, CancellationToken cancellationToken)
    {
        var protocolId = item.ProtocolClientId is { } parent
            ? await db.Protocols.AsNoTracking().Where(p => p.ClientId == parent).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (protocolId is null) return new(item.ClientId, "notFound");
        var (outcome, addendum, errors) = await register.AddAddendumAsync(user, protocolId.Value, new ProtocolAddendumRequest(item.ClientId, item.Text, item.Signature), cancellationToken);
        return outcome switch
        {
            ProtocolOutcome.Created => new(item.ClientId, "created", addendum!.Id, Sha256: addendum.Sha256),
            ProtocolOutcome.Exists => new(item.ClientId, "exists", addendum!.Id, Sha256: addendum.Sha256),
            ProtocolOutcome.Invalid => Invalid(item, errors),
            ProtocolOutcome.Conflict => new(item.ClientId, "conflict"),
            _ => new(item.ClientId, "notFound"),
        };
    }

    /// <summary>Saves the unit of work; "unique" when another request made the same clientId first, "concurrency" when the row moved.</summary>
    private async Task<string?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "concurrency";
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return "unique";
        }
    }

    private async Task<ProtocolSyncOutcome> SavedAsync(ClaimsPrincipal user, ProtocolSyncItem item, string outcome, CancellationToken cancellationToken)
    {
        var entry = db.ChangeTracker.Entries<Protocol>().Single().Entity;
        return await SaveAsync(cancellationToken) switch
        {
            null => new(item.ClientId, outcome, entry.Id, entry.Version, entry.ContentSha256),
            "unique" => await AgainAsync(user, item, cancellationToken),
            _ => await ConflictAsync(user, item, await FreshAsync(item, cancellationToken), cancellationToken),
        };
    }

    private async Task<Protocol> FreshAsync(ProtocolSyncItem item, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Protocols.AsNoTracking().SingleAsync(p => p.ClientId == item.ClientId!.Value, cancellationToken);
    }

    private async Task<ProtocolSyncOutcome> AgainAsync(ClaimsPrincipal user, ProtocolSyncItem item, CancellationToken cancellationToken)
    {
        var made = await FreshAsync(item, cancellationToken);
        return ProtocolScope.IsDrafter(user, made) ? Known(item, made) : Invalid(item, register.Again(user, made).Errors);
    }

    private static ProtocolSyncOutcome Known(ProtocolSyncItem item, Protocol existing) =>
        new(item.ClientId, "exists", existing.Id, existing.Version, existing.ContentSha256);

    /// <summary>A conflict shows the server's protocol as it is now: the drafter's own, so no other person's data is shown.</summary>
    private async Task<ProtocolSyncOutcome> ConflictAsync(ClaimsPrincipal user, ProtocolSyncItem item, Protocol existing, CancellationToken cancellationToken)
    {
        await log.RecordReadAsync(ProtocolScope.UserId(user), new PersonalRecord(ProtocolRegister.RecordKind, existing.Id.ToString(CultureInfo.InvariantCulture)),
            "sync conflict shown to the drafter", cancellationToken);
        return new(item.ClientId, "conflict", existing.Id, existing.Version, existing.ContentSha256, Server: await register.ViewAsync(existing, cancellationToken));
    }

    private static ProtocolSyncOutcome Invalid(ProtocolSyncItem item, FieldErrors errors) => new(item.ClientId, "invalid", Errors: errors);

    private static bool Same(JsonObject a, JsonObject b) =>
        ProtocolCanonical.Json(JsonSerializer.SerializeToElement(a)) == ProtocolCanonical.Json(JsonSerializer.SerializeToElement(b));
}

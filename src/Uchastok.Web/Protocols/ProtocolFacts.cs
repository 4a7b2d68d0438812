using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Protocols;

/// <summary>
/// The facts the rules need and a form cannot be trusted with (ADR 0012 §4): who the drafter is, from his
/// account and officer record, and whether a witness is a police officer — an account in a police position
/// or an officer record with that phone, e-mail or IIN.
/// </summary>
public sealed class ProtocolFacts(UchastokDbContext db, IDataProtectionProvider protection, AccountIins accountIins, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The language of the drafter's position in the document: one fixed language, so the text (and the hash) does not depend on the reader's.</summary>
    public const string DocumentLanguage = "ru";

    private static readonly string[] PoliceRoles = Roles.DistrictPositions;

    public async Task<DrafterFacts?> DrafterAsync(string userId, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.ProtectedIin, u.DistrictId, u.OfficerId }).SingleOrDefaultAsync(cancellationToken);
        if (account?.DistrictId is not { } district) return null;
        var officer = account.OfficerId is { } officerId ? await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken) : null;
        var role = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefaultAsync(cancellationToken);
        using (LocalizationSetup.UseLanguage(DocumentLanguage))
        {
            var positionCode = officer is not null ? $"Position.{officer.Position}" : $"Role.{role}";
            var position = localizer[positionCode].Value;
            var name = officer is not null ? SurnameInitials(officer.Surname, officer.GivenName, officer.Patronymic) : account.DisplayName;
            var iin = account.ProtectedIin is null ? null : protection.CreateProtector(AccountCommands.IinProtectionPurpose).Unprotect(account.ProtectedIin);
            return new DrafterFacts(account.Id, officer?.Id, district, iin, position, name, positionCode);
        }
    }

    /// <summary>"Сериков А. Б.": the surname and the initials of the given name and patronymic.</summary>
    public static string SurnameInitials(string surname, string givenName, string patronymic) =>
        string.Join(' ', new[] { surname, Initial(givenName), Initial(patronymic) }.Where(p => p.Length > 0));

    private static string Initial(string name) => string.IsNullOrWhiteSpace(name) ? "" : char.ToUpperInvariant(name.Trim()[0]) + ".";

    /// <summary>
    /// The police as the witnesses of a request need them, loaded once per request: every contact of an account in a police
    /// position or of an officer record, and which of the witnesses' IINs (<paramref name="documents"/>) belong to a police
    /// account — asked of Accounts by keyed hash, so no account's IIN is decrypted (at national scale that was tens of
    /// thousands of decryptions per signing). The contacts are stored readable and compared as they are.
    /// </summary>
    public async Task<PoliceDirectory> PoliceAsync(IEnumerable<JsonElement> documents, CancellationToken cancellationToken = default)
    {
        var police = RoleHolders.IdsHoldingAny(db, PoliceRoles);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => police.Contains(u.Id))
            .Select(u => new { u.NormalizedEmail, u.PhoneNumber }).ToListAsync(cancellationToken);
        var officerPhones = await db.Officers.AsNoTracking().Select(o => o.Phone).ToListAsync(cancellationToken);
        var contacts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (account.NormalizedEmail is { } email) contacts.Add(email);
            if (ContactValidation.NormalizePhone(account.PhoneNumber) is { } phone) contacts.Add(phone);
        }
        foreach (var phone in officerPhones)
            if (ContactValidation.NormalizePhone(phone) is { } normalized) contacts.Add(normalized);
        var witnessIins = documents.SelectMany(PoliceDirectory.WitnessIins).ToList();
        var iins = witnessIins.Count == 0 ? new HashSet<string>() : await accountIins.HeldByRolesAsync(witnessIins, PoliceRoles, cancellationToken);
        return new PoliceDirectory(contacts, iins);
    }
}

/// <summary>The contacts (normalised phone, upper-case e-mail) of the police, and those of the request's witness IINs that are a police account's.</summary>
public sealed class PoliceDirectory(IReadOnlySet<string> contacts, IReadOnlySet<string> iins)
{
    /// <summary>The IINs a document gives its witnesses, as <see cref="IsPolice"/> compares them (trimmed): what the police directory is asked about.</summary>
    public static IEnumerable<string> WitnessIins(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("witnesses", out var witnesses) || witnesses.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var witness in witnesses.EnumerateArray())
            if (witness.ValueKind == JsonValueKind.Object && witness.TryGetProperty("iin", out var iin) && iin.ValueKind == JsonValueKind.String
                && iin.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
                yield return text.Trim();
    }

    /// <summary>For each witness of the document, whether the police directory knows his contact or IIN.</summary>
    public IReadOnlyList<bool> Witnesses(JsonObject document) =>
        (document["witnesses"] as JsonArray ?? []).Select(node => node is JsonObject witness && IsPolice(witness)).ToList();

    private bool IsPolice(JsonObject witness)
    {
        var contact = Text(witness["contact"]);
        var iin = Text(witness["iin"]);
        if (iin is not null && iins.Contains(iin)) return true;
        if (contact is null) return false;
        return (ContactValidation.NormalizePhone(contact) is { } phone && contacts.Contains(phone))
            || (contact.Contains('@', StringComparison.Ordinal) && contacts.Contains(contact.ToUpperInvariant()));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
